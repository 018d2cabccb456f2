/** One list of exchange messages (sent or received), a page at a time; a row opens the message's details. */
import { Anchor, Badge, Button, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../../components/ListTable';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/dates';
import { useExchangeMessages, type ExchangeMessage, type MessagesQuery } from './exchange.queries';
import { ReplayButton } from './ReplayButton';

const STATE_COLORS: Record<string, string> = {
  pending: 'blue',
  sent: 'green',
  dead: 'red',
  accepted: 'green',
  refused: 'red',
  duplicate: 'gray',
  deferred: 'yellow',
  updated: 'teal',
  status_applied: 'teal',
  status_recorded: 'gray',
  unprocessed: 'yellow',
};

export function StateBadge({ state }: { state: ExchangeMessage['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state] ?? 'gray'} variant="light" tt="none">
      {t(`exchange.states.${state}`)}
    </Badge>
  );
}

export function typeText(t: TFunction, m: ExchangeMessage) {
  return m.type === 'edoc' ? t('exchange.types.edoc') : t('exchange.types.status', { code: m.statusCode ?? '' });
}

export const partyText = (p: { code: string; name: string | null }) => (p.name ? `${p.name} (${p.code})` : p.code);

interface MessageTableProps {
  query: MessagesQuery;
  onPage: (page: number) => void;
  onOpen: (message: ExchangeMessage) => void;
  /** Shows the organisation column (system administrators see every organisation's messages). */
  showOrganization: boolean;
}

export function MessageTable({ query, onPage, onOpen, showOrganization }: MessageTableProps) {
  const { t } = useTranslation();
  const list = useExchangeMessages(query);
  const out = query.direction === 'out';
  const columns = [
    t('exchange.columns.at'),
    ...(showOrganization ? [t('exchange.columns.organization')] : []),
    t('exchange.columns.type'),
    out ? t('exchange.columns.to') : t('exchange.columns.from'),
    t('exchange.columns.document'),
    t('exchange.columns.state'),
    out ? t('exchange.columns.attempts') : t('exchange.columns.errors'),
    t('common.actions'),
  ];
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <Stack gap="sm">
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <ListTable
        columns={columns}
        minWidth={showOrganization ? 1100 : 960}
        loading={list.isLoading}
        empty={list.isSuccess && list.data.items.length === 0 ? t('exchange.empty') : undefined}
      >
        {list.data?.items.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.at)}</Table.Td>
            {showOrganization && <Table.Td>{m.organization.name}</Table.Td>}
            <Table.Td>{typeText(t, m)}</Table.Td>
            <Table.Td maw={260}>
              {out ? (
                m.to.map((p) => (
                  <Text key={p.code} size="sm">
                    {partyText(p)}
                  </Text>
                ))
              ) : (
                <Text size="sm">{partyText(m.from)}</Text>
              )}
            </Table.Td>
            <Table.Td maw={320}>
              <DocumentCell message={m} />
            </Table.Td>
            <Table.Td>
              <StateBadge state={m.state} />
              {m.nextAttemptAt && (
                <Text size="xs" c="dimmed">
                  {t('exchange.nextAttempt', { at: formatDateTime(m.nextAttemptAt) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td maw={280}>
              {out ? (
                <>
                  <Text size="sm">{m.attempts}</Text>
                  {m.lastError && (
                    <Text size="xs" c="red" lineClamp={2} title={m.lastError}>
                      {m.lastError}
                    </Text>
                  )}
                </>
              ) : (
                <Text size="xs" ff="monospace">
                  {m.errorCodes.join(', ')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  aria-label={t('exchange.detailsOf', { id: m.documentId ?? m.id })}
                  onClick={() => onOpen(m)}
                >
                  {t('exchange.details')}
                </Button>
                {m.state === 'dead' && (
                  <ReplayButton id={m.id} label={t('exchange.replayNamed', { id: m.documentId ?? m.id })} />
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={query.page ?? 1}
          onChange={onPage}
          getControlProps={(control) =>
            control === 'previous'
              ? { 'aria-label': t('common.previousPage') }
              : control === 'next'
                ? { 'aria-label': t('common.nextPage') }
                : {}
          }
        />
      )}
    </Stack>
  );
}

/** Number and subject of the document (when the viewer may see it), else the package's DocumentId. */
export function DocumentCell({ message }: { message: ExchangeMessage }) {
  const { document } = message;
  if (!document) {
    return (
      <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {message.documentId ?? '—'}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={documentPath(document)} size="sm" lineClamp={2}>
      {document.number ? `${document.number} — ` : ''}
      {document.subject}
    </Anchor>
  );
}

export const documentPath = (d: NonNullable<ExchangeMessage['document']>) =>
  d.kind === 'outgoing' ? `/e-office/outgoing/${d.id}` : `/e-office/incoming/${d.id}`;
