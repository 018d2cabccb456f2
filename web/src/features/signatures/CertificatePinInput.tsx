/**
 * Mã PIN chứng thư số: asked at each signing, sent with the request and never stored (no name, no
 * autocomplete, kept only in the open form).
 */
import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';

interface CertificatePinInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Whose certificate signs: the user's (approving) or the organisation's (issuing). */
  owner: 'personal' | 'organization';
  /** Show "required" when the form was submitted without a PIN. */
  showMissing: boolean;
}

export function CertificatePinInput({ value, onChange, owner, showMissing }: CertificatePinInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('signatures.pin.label')}
      description={t(owner === 'personal' ? 'signatures.pin.personalHint' : 'signatures.pin.organizationHint')}
      required
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={showMissing && value === '' ? t('signatures.pin.required') : undefined}
    />
  );
}

const PIN_ERRORS = new Set(['signatures.pin_required', 'signatures.wrong_pin']);

/** The server asked for the PIN (or found it wrong): the form must show the PIN field. */
export function isPinError(error: unknown): boolean {
  return error instanceof ApiError && PIN_ERRORS.has(error.code);
}
