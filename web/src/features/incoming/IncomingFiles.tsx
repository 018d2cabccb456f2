/**
 * The document's files (scan, attachments, drafts) with download links and the verdict of their digital
 * signatures (the report on demand), and the scan previewed in the page.
 */
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PdfPreview } from '../files/PdfPreview';
import { FileSignature } from '../signatures/FileSignature';
import { formatSize } from './format';
import { inlineUrl } from './incoming.queries';
import type { IncomingDetail, IncomingFile } from './incoming.types';

export function mainPdf(files: readonly IncomingFile[]): IncomingFile | undefined {
  return files.find((f) => f.kind === 'main' && f.mediaType === 'application/pdf');
}

export function IncomingFiles({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" role="region" aria-label={t('incoming.files.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('incoming.files.title')}
      </Title>
      {doc.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('incoming.files.empty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {doc.files.map((file) => (
            <Stack key={file.fileId} gap={4}>
              <Group gap="xs" wrap="nowrap">
                <Badge size="xs" variant="light" tt="none" color={file.kind === 'main' ? 'blue' : 'gray'}>
                  {t(`incoming.files.kinds.${file.kind}`)}
                </Badge>
                <Anchor href={file.url} size="sm" style={{ overflowWrap: 'anywhere' }} download={file.name}>
                  {file.name}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatSize(file.sizeBytes)}
                </Text>
              </Group>
              {file.signature && <FileSignature fileId={file.fileId} summary={file.signature} />}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The scan, previewed (when it is a PDF). */
export function IncomingPreview({ doc }: { doc: IncomingDetail }) {
  const main = mainPdf(doc.files);
  if (!main) return null;
  return (
    <Paper withBorder radius="md" p="sm">
      <PdfPreview url={inlineUrl(main.url)} height="75vh" />
    </Paper>
  );
}
