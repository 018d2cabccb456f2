/** The 29 document types of Decree 30/2020 as Select options, named in the UI language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTypes } from './incoming.queries';

export function useDocumentTypeOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const types = useDocumentTypes();
  const en = i18n.language === 'en';
  return useMemo(
    () => (types.data ?? []).map((type) => ({ value: type.code, label: en ? type.en : type.vi })),
    [types.data, en],
  );
}

/** The name of a document type in the UI language (the code until the list has loaded). */
export function useDocumentTypeName(): (code: string) => string {
  const options = useDocumentTypeOptions();
  return (code) => options.find((o) => o.value === code)?.label ?? code;
}
