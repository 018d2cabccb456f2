/** Thông tin văn bản: the metadata of Decree 30 as a description list. */
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/dates';
import { useDocumentTypeName } from './documentTypes';
import { formatMinute } from './format';
import type { IncomingDetail } from './incoming.types';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children === null || children === undefined || children === '' ? '—' : children}
      </Text>
    </div>
  );
}

export function IncomingInfo({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  const typeName = useDocumentTypeName();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('incoming.info')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="sm" m={0}>
        <Item label={t('incoming.fields.issuerName')}>{doc.issuerName}</Item>
        <Item label={t('incoming.fields.numberNotation')}>{doc.numberNotation}</Item>
        <Item label={t('incoming.fields.documentDate')}>{formatDate(doc.documentDate)}</Item>
        <Item label={t('incoming.fields.docType')}>{typeName(doc.docType)}</Item>
        <Item label={t('incoming.fields.signerName')}>{doc.signerName}</Item>
        <Item label={t('incoming.fields.signerPosition')}>{doc.signerPosition}</Item>
        <Item label={t('incoming.fields.urgency')}>{t(`incoming.urgency.${doc.urgency}`)}</Item>
        <Item label={t('incoming.fields.confidentiality')}>{t(`incoming.confidentiality.${doc.confidentiality}`)}</Item>
        <Item label={t('incoming.fields.pageCount')}>{doc.pageCount}</Item>
        <Item label={t('incoming.fields.receivedAt')}>{formatMinute(doc.receivedAt)}</Item>
        <Item label={t('incoming.fields.register')}>{doc.registerName}</Item>
        <Item label={t('incoming.fields.source')}>{t(`incoming.source.${doc.source}`)}</Item>
        <Item label={t('incoming.fields.replyDueDate')}>{formatDate(doc.replyDueDate)}</Item>
        <Item label={t('incoming.fields.dueDate')}>{formatDate(doc.dueDate)}</Item>
        {doc.answeredBy && <Item label={t('incoming.fields.answeredBy')}>{doc.answeredBy}</Item>}
        {doc.completedAt && <Item label={t('incoming.fields.completedAt')}>{formatMinute(doc.completedAt)}</Item>}
        {doc.closedAt && <Item label={t('incoming.fields.closedAt')}>{formatMinute(doc.closedAt)}</Item>}
      </SimpleGrid>
      {doc.notes && (
        <SimpleGrid component="dl" cols={1} mt="sm" m={0}>
          <Item label={t('incoming.fields.notes')}>{doc.notes}</Item>
        </SimpleGrid>
      )}
    </Paper>
  );
}
