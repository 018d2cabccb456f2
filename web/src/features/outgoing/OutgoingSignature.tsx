/**
 * Chữ ký số of an outgoing document: whether the organisation signs it, who signed it and when (with the
 * signed PDF before issue), and once issued the verdict of the official PDF's signatures; a clerk or a
 * leader may check them again.
 */
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRequiredMe } from '../auth/auth.queries';
import { hasRole } from '../auth/permissions';
import { formatMinute } from '../incoming/format';
import { FileSignature } from '../signatures/FileSignature';
import type { OutgoingDetail } from './outgoing.types';

/** The stored file's id at the end of a document's file address. */
function fileIdOf(url: string | null): string | undefined {
  return url?.split('?')[0]?.split('/').pop() || undefined;
}

export function OutgoingSignature({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const signing = doc.signing;
  const officialId = fileIdOf(doc.officialFileUrl);
  if (!signing.required && !signing.signedAt && !officialId) return null;
  const summary = signing.officialVerdict ? { verdict: signing.officialVerdict } : null;
  return (
    <Paper withBorder radius="md" p="md" role="region" aria-label={t('signatures.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('signatures.title')}
      </Title>
      <Stack gap="xs">
        {signing.signedAt ? (
          <Text size="sm">
            {t('signatures.file.signedBy', {
              name: signing.signedByName ?? '',
              time: formatMinute(signing.signedAt),
            })}
            {signing.signedFileUrl && !officialId && (
              <>
                {' · '}
                <Anchor href={signing.signedFileUrl} size="sm" download>
                  {t('signatures.file.signedPdf')}
                </Anchor>
              </>
            )}
          </Text>
        ) : (
          signing.required &&
          !officialId && (
            <Text size="sm" c="dimmed">
              {t('signatures.file.willBeSigned')}
            </Text>
          )
        )}
        {officialId && (
          <FileSignature fileId={officialId} summary={summary} allowCheck={hasRole(me, 'clerk', 'leader')} />
        )}
      </Stack>
    </Paper>
  );
}
