/**
 * Các lần sửa: every revision of the draft, and two of them compared — each changed field before and after,
 * and the body line by line (added lines marked +, removed ones −), as the compare route answers.
 */
import { Box, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { formatMinute } from '../incoming/format';
import { useComparison } from './outgoing.queries';
import type { OutgoingDetail, RevisionComparison } from './outgoing.types';

const FIELD_LABELS: Record<string, string> = {
  docType: 'outgoing.fields.docType',
  subject: 'outgoing.fields.subject',
  body: 'outgoing.fields.body',
  signerUserId: 'outgoing.fields.signer',
  signerPositionTitle: 'outgoing.fields.signerPositionTitle',
  authorityPrefix: 'outgoing.fields.authorityPrefix',
  recipients: 'outgoing.fields.recipients',
  urgency: 'outgoing.fields.urgency',
  confidentiality: 'outgoing.fields.confidentiality',
  replyDueDate: 'outgoing.fields.replyDueDate',
  answersIncomingId: 'outgoing.fields.answersIncoming',
  completesAnswered: 'outgoing.fields.completesAnswered',
  principalTitle: 'outgoing.fields.principalTitle',
  files: 'outgoing.revisions.fileField',
};

/** A field's value as text: lists joined, recipients by name, nothing as a dash. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(showValue).join('; ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('name' in o && typeof o.name === 'string') return o.name;
    if ('internal' in o || 'external' in o) {
      return showValue([...((o.internal as unknown[]) ?? []), ...((o.external as unknown[]) ?? [])]);
    }
    return Object.values(o).map(showValue).join(', ');
  }
  return String(value);
}

function fieldLabel(field: string, t: TFunction): string {
  const key = FIELD_LABELS[field];
  return key ? t(key as 'outgoing.fields.subject') : field;
}

export function ComparisonView({ comparison }: { comparison: RevisionComparison }) {
  const { t } = useTranslation();
  const fields = comparison.fields.filter((f) => f.field !== 'body');
  if (fields.length === 0 && !comparison.bodyChanged) {
    return (
      <Text size="sm" c="dimmed">
        {t('outgoing.revisions.noChanges')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {fields.length > 0 && (
        <Table withTableBorder aria-label={t('outgoing.revisions.compare')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('outgoing.revisions.field')}</Table.Th>
              <Table.Th>{t('outgoing.revisions.before')}</Table.Th>
              <Table.Th>{t('outgoing.revisions.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f.field}>
                <Table.Td fw={500}>{fieldLabel(f.field, t)}</Table.Td>
                <Table.Td c="red.8" style={{ textDecoration: 'line-through' }}>
                  {showValue(f.before)}
                </Table.Td>
                <Table.Td c="green.8">{showValue(f.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {comparison.bodyChanged && (
        <Box>
          <Text size="sm" fw={500} mb={4}>
            {t('outgoing.revisions.body')}
          </Text>
          <Box
            component="ol"
            aria-label={t('outgoing.revisions.body')}
            style={{ listStyle: 'none', margin: 0, padding: 0, fontFamily: 'var(--mantine-font-family-monospace)' }}
          >
            {comparison.body.map((line, i) => (
              <Box
                component="li"
                key={`${i}-${line.op}`}
                data-op={line.op}
                px={6}
                fz="sm"
                bg={line.op === 'added' ? 'green.0' : line.op === 'removed' ? 'red.0' : undefined}
                style={{ whiteSpace: 'pre-wrap', textDecoration: line.op === 'removed' ? 'line-through' : undefined }}
              >
                <span aria-label={line.op === 'same' ? undefined : t(`outgoing.revisions.${line.op}`)}>
                  {line.op === 'added' ? '+ ' : line.op === 'removed' ? '− ' : '  '}
                </span>
                {line.text}
              </Box>
            ))}
          </Box>
        </Box>
      )}
    </Stack>
  );
}

export function OutgoingRevisions({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const last = doc.revisions.at(-1)?.revision ?? null;
  const [from, setFrom] = useState<number | null>(last !== null && last > 1 ? last - 1 : null);
  const [to, setTo] = useState<number | null>(last);
  const comparison = useComparison(doc.id, from, to);
  const options = doc.revisions.map((r) => ({
    value: String(r.revision),
    label: t('outgoing.revisions.label', {
      revision: r.revision,
      name: r.createdByName,
      at: formatMinute(r.createdAt),
    }),
  }));
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('outgoing.revisions.title')}
      </Title>
      <Stack gap="sm">
        {doc.revisions.length > 1 && (
          <Group grow>
            <Select
              label={t('outgoing.revisions.from')}
              data={options}
              value={from === null ? null : String(from)}
              onChange={(v) => setFrom(v ? Number(v) : null)}
              allowDeselect={false}
            />
            <Select
              label={t('outgoing.revisions.to')}
              data={options}
              value={to === null ? null : String(to)}
              onChange={(v) => setTo(v ? Number(v) : null)}
              allowDeselect={false}
            />
          </Group>
        )}
        {doc.revisions.length <= 1 &&
          options.map((o) => (
            <Text key={o.value} size="sm">
              {o.label}
            </Text>
          ))}
        {comparison.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {comparison.isError && <QueryError error={comparison.error} onRetry={() => void comparison.refetch()} />}
        {comparison.data && <ComparisonView comparison={comparison.data} />}
      </Stack>
    </Paper>
  );
}
