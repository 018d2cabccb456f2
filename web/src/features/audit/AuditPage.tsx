/** Nhật ký kiểm toán: who did what, when, to which record; filtered by action and date range. */
import { Autocomplete, Button, Code, Group, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { JsonDetails } from '../../components/JsonDetails';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { addDays, formatDateTime, isIsoDate, startOfVietnamDay } from '../../lib/dates';
import { isKnownAuditAction, isKnownTargetType, KNOWN_AUDIT_ACTIONS, useAuditLog } from './audit.queries';

export function AuditPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [debouncedAction] = useDebouncedValue(action.trim(), 400);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const rangeError = isIsoDate(from) && isIsoDate(to) && to < from;

  const query = useAuditLog({
    action: debouncedAction || undefined,
    from: isIsoDate(from) ? startOfVietnamDay(from) : undefined,
    // The whole "to" day counts: up to the start of the next Vietnamese day.
    to: isIsoDate(to) ? startOfVietnamDay(addDays(to, 1)) : undefined,
  });
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  const actionLabel = (code: string) => (isKnownAuditAction(code) ? t(`audit.actions.${code}`) : code);

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Paper withBorder radius="md" p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Autocomplete
            label={t('audit.action')}
            placeholder={t('audit.actionPlaceholder')}
            data={KNOWN_AUDIT_ACTIONS.map((code) => ({ value: code, label: code }))}
            value={action}
            onChange={setAction}
            clearable
            limit={30}
          />
          <TextInput
            type="date"
            label={t('audit.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('audit.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={rangeError ? t('common.invalidDateRange') : undefined}
          />
        </SimpleGrid>
      </Paper>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListTable
        columns={[t('audit.time'), t('audit.actor'), t('audit.action'), t('audit.target'), t('audit.summary')]}
        minWidth={860}
        loading={query.isLoading}
        empty={query.isSuccess && entries.length === 0 ? t('audit.empty') : undefined}
        verticalSpacing="xs"
      >
        {entries.map((entry) => (
          <AuditRow key={entry.seq} entry={entry} actionLabel={actionLabel(entry.action)} />
        ))}
      </ListTable>
      <Group justify="space-between" mt="md">
        <Text size="sm" c="dimmed">
          {t('audit.shown', { count: entries.length })}
        </Text>
        {query.hasNextPage ? (
          <Button variant="light" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('audit.loadMore')}
          </Button>
        ) : (
          query.isSuccess &&
          entries.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('audit.end')}
            </Text>
          )
        )}
      </Group>
    </>
  );
}

function AuditRow({ entry, actionLabel }: { entry: AuditEntry; actionLabel: string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDateTime(entry.occurredAt)}</Text>
        <Text size="xs" c="dimmed">
          #{entry.seq}
        </Text>
      </Table.Td>
      <Table.Td>{entry.actorName ?? t('audit.system')}</Table.Td>
      <Table.Td>
        <Text size="sm">{actionLabel}</Text>
        <Code fz="xs">{entry.action}</Code>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {isKnownTargetType(entry.targetType) ? t(`audit.targets.${entry.targetType}`) : entry.targetType}
        </Text>
        {entry.targetId && (
          <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {entry.targetId}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={320}>
        <JsonDetails value={entry.summary} label={t('audit.showSummary')} />
      </Table.Td>
    </Table.Tr>
  );
}
