/** "Valid from" and "valid until" side by side, as date inputs, with the errors of `validityErrors`. */
import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { validityErrors } from '../lib/dates';

/** A validity period as the date inputs hold it (yyyy-mm-dd; an empty end is open-ended). */
export interface Validity {
  validFrom: string;
  validTo: string;
}

interface ValidityFieldsProps extends Validity {
  onChange: (patch: Partial<Validity>) => void;
  /** Show what is wrong (once the user has tried to submit). */
  showErrors: boolean;
  /** An empty end means "open-ended" unless it is required. */
  toRequired?: boolean;
  fromLabel?: string;
  toLabel?: string;
  toDescription?: string | undefined;
}

export function ValidityFields({
  validFrom,
  validTo,
  onChange,
  showErrors,
  toRequired = false,
  fromLabel,
  toLabel,
  toDescription,
}: ValidityFieldsProps) {
  const { t } = useTranslation();
  const errors = showErrors ? validityErrors(validFrom, validTo, { toRequired }) : {};
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput
        type="date"
        label={fromLabel ?? t('orgs.fields.validFrom')}
        required
        value={validFrom}
        onChange={(e) => onChange({ validFrom: e.currentTarget.value })}
        error={errors.validFrom && t(errors.validFrom)}
      />
      <TextInput
        type="date"
        label={toLabel ?? t('orgs.fields.validTo')}
        description={toDescription}
        required={toRequired}
        value={validTo}
        onChange={(e) => onChange({ validTo: e.currentTarget.value })}
        error={errors.validTo && t(errors.validTo)}
      />
    </SimpleGrid>
  );
}
