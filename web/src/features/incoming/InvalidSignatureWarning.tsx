/**
 * "Chữ ký số của văn bản không hợp lệ": the server refused to register a main PDF whose digital signature is
 * invalid (`documents.signature_invalid`). Shows why, in the current language, and lets the clerk register it
 * anyway with a required reason.
 */
import { Alert, Checkbox, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { AlertIcon } from '../../components/icons';
import { SignatureVerdictBadge } from '../signatures/SignatureVerdictBadge';
import type { Reason } from '../signatures/signatures.types';
import { signatureAcceptanceError, type SignatureAcceptance } from './incoming.form';

export interface SignatureRefusal {
  reasons: Reason[];
}

export function isSignatureRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'documents.signature_invalid';
}

function isReason(value: unknown): value is Reason {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    'vi' in value &&
    typeof value.vi === 'string' &&
    'en' in value &&
    typeof value.en === 'string'
  );
}

/** The reasons a `documents.signature_invalid` error carries in its details. */
export function signatureRefusalOf(details: unknown): SignatureRefusal {
  if (typeof details !== 'object' || details === null || !('reasons' in details)) return { reasons: [] };
  return { reasons: Array.isArray(details.reasons) ? details.reasons.filter(isReason) : [] };
}

/**
 * The last signature refusal among a mutation's errors. It stays while the clerk fills in the note and sends
 * again (when the mutation's own error is gone) until `clear` (another main file).
 */
export function useSignatureRefusal(error: unknown): { refusal: SignatureRefusal | null; clear: () => void } {
  const [last, setLast] = useState<{ error: ApiError; refusal: SignatureRefusal } | null>(null);
  if (isSignatureRefusal(error) && last?.error !== error) {
    // Adjusting state to a new refusal while rendering (React's pattern for state derived from a prop).
    setLast({ error, refusal: signatureRefusalOf(error.details) });
  }
  return { refusal: last?.refusal ?? null, clear: () => setLast(null) };
}

interface InvalidSignatureWarningProps {
  refusal: SignatureRefusal;
  value: SignatureAcceptance;
  onChange: (value: SignatureAcceptance) => void;
  /** Show that the note is missing (after an attempt to send). */
  showErrors: boolean;
}

export function InvalidSignatureWarning({ refusal, value, onChange, showErrors }: InvalidSignatureWarningProps) {
  const { t, i18n } = useTranslation();
  const noteError = showErrors ? signatureAcceptanceError(value) : undefined;
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} role="alert" title={t('incoming.signatureInvalid.text')}>
      <Stack gap="xs">
        {refusal.reasons.length > 0 && (
          <div>
            <Group gap="xs" mb={4}>
              <Text size="sm">{t('incoming.signatureInvalid.reasons')}</Text>
              <SignatureVerdictBadge verdict="invalid" size="xs" />
            </Group>
            <List size="sm" spacing={2}>
              {refusal.reasons.map((reason, index) => (
                <List.Item key={`${reason.code}-${index}`}>{i18n.language === 'en' ? reason.en : reason.vi}</List.Item>
              ))}
            </List>
          </div>
        )}
        <Text size="sm">{t('incoming.signatureInvalid.hint')}</Text>
        <Checkbox
          color="red"
          label={t('incoming.signatureInvalid.accept')}
          checked={value.accept}
          onChange={(event) => onChange({ ...value, accept: event.currentTarget.checked })}
        />
        {value.accept && (
          <Textarea
            label={t('incoming.signatureInvalid.note')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={value.note}
            onChange={(event) => onChange({ ...value, note: event.currentTarget.value })}
            error={noteError && t(noteError)}
          />
        )}
      </Stack>
    </Alert>
  );
}
