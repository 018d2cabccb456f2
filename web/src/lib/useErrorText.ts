import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText';

/** `errorText` bound to the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error: unknown) => errorText(error, t, i18n.language), [t, i18n.language]);
}
