/**
 * The signatures of one stored file: the verdict as a badge (from the document's own summary when it has
 * one, else from the file's latest validation), the report on demand, and — where the user may — a button
 * that validates the file again now.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../lib/useNotify';
import { SignatureReport } from './SignatureReport';
import { SignatureVerdictBadge } from './SignatureVerdictBadge';
import { summaryVerdict, type FileSignatureSummary } from './signing';
import { useLatestValidation, useValidateFile } from './signatures.queries';
import { displayVerdict } from './signatures.types';

interface FileSignatureProps {
  fileId: string;
  /**
   * The document's summary of this file's signatures (null: never checked); without one (undefined), the
   * file's latest report is asked for.
   */
  summary?: FileSignatureSummary | null | undefined;
  /** Show "Kiểm tra chữ ký" (a fresh validation). */
  allowCheck?: boolean;
}

export function FileSignature({ fileId, summary, allowCheck = false }: FileSignatureProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [opened, setOpened] = useState(false);
  const hasSummary = summary !== undefined;
  // With a summary, the full report is loaded only when asked for.
  const latest = useLatestValidation(fileId, !hasSummary || opened || allowCheck);
  const validate = useValidateFile(fileId);
  const report = latest.data?.report;
  const verdict = report ? displayVerdict(report) : summary ? summaryVerdict(summary) : null;
  const canOpen = report !== undefined || (hasSummary && summary !== null);
  if (!allowCheck && verdict === null && !latest.isLoading) return null;

  return (
    <Stack gap={6}>
      <Group gap="xs">
        {verdict ? (
          <SignatureVerdictBadge verdict={verdict} />
        ) : (
          !latest.isLoading && (
            <Text size="sm" c="dimmed">
              {t('signatures.file.notChecked')}
            </Text>
          )
        )}
        {canOpen && (
          <Button variant="subtle" size="compact-xs" onClick={() => setOpened((o) => !o)} aria-expanded={opened}>
            {opened ? t('signatures.file.hideReport') : t('signatures.file.showReport')}
          </Button>
        )}
        {allowCheck && (
          <Button
            variant="light"
            size="compact-xs"
            loading={validate.isPending}
            onClick={() =>
              validate.mutate(undefined, {
                onSuccess: () => {
                  notify.success(t('signatures.file.checked'));
                  setOpened(true);
                },
              })
            }
          >
            {t('signatures.file.check')}
          </Button>
        )}
      </Group>
      <FormError error={validate.error} />
      {opened && report && <SignatureReport report={report} />}
      {opened && latest.data === null && (
        <Text size="sm" c="dimmed">
          {t('signatures.file.noReport')}
        </Text>
      )}
      {opened && latest.isError && <FormError error={latest.error} />}
    </Stack>
  );
}
