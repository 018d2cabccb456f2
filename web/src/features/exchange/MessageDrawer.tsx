/** The details of one exchange message: metadata, errors in words, recipients' statuses and the raw XML. */
import { Alert, Anchor, Badge, Code, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/dates';
import { rawMessageUrl, useExchangeMessage, type Direction, type ExchangeMessageDetail } from './exchange.queries';
import { documentPath, partyText, StateBadge, typeText } from './MessageTable';
import { ReplayButton } from './ReplayButton';

interface MessageDrawerProps {
  open: { direction: Direction; id: string } | null;
  onClose: () => void;
}

export function MessageDrawer({ open, onClose }: MessageDrawerProps) {
  const { t } = useTranslation();
  const detail = useExchangeMessage(open?.direction ?? 'out', open?.id ?? null);
  return (
    <Drawer opened={open !== null} onClose={onClose} position="right" size="xl" title={t('exchange.detail.title')}>
      {detail.isLoading && <Loader size="sm" />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && <MessageDetails detail={detail.data} />}
    </Drawer>
  );
}

function MessageDetails({ detail }: { detail: ExchangeMessageDetail }) {
  const { t, i18n } = useTranslation();
  const m = detail.message;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <StateBadge state={m.state} />
          <Text fw={600}>{typeText(t, m)}</Text>
        </Group>
        {m.state === 'dead' && (
          <ReplayButton id={m.id} label={t('exchange.replayNamed', { id: m.documentId ?? m.id })} />
        )}
      </Group>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          <Row label={t('exchange.detail.direction')}>{t(`exchange.tabs.${m.direction}`)}</Row>
          <Row label={t('exchange.columns.organization')}>{m.organization.name}</Row>
          <Row label={t('exchange.columns.from')}>{partyText(m.from)}</Row>
          {m.to.length > 0 && <Row label={t('exchange.columns.to')}>{m.to.map(partyText).join('; ')}</Row>}
          <Row label={t('exchange.detail.documentId')}>
            <Code>{m.documentId ?? '—'}</Code>
          </Row>
          {m.document && (
            <Row label={t('exchange.columns.document')}>
              <Anchor component={Link} to={documentPath(m.document)} size="sm">
                {m.document.number ? `${m.document.number} — ` : ''}
                {m.document.subject}
              </Anchor>
            </Row>
          )}
          <Row label={t('exchange.columns.at')}>{formatDateTime(m.at)}</Row>
          {m.sentAt && <Row label={t('exchange.detail.sentAt')}>{formatDateTime(m.sentAt)}</Row>}
          {m.processedAt && <Row label={t('exchange.detail.processedAt')}>{formatDateTime(m.processedAt)}</Row>}
          {m.attempts !== null && <Row label={t('exchange.columns.attempts')}>{m.attempts}</Row>}
          {m.nextAttemptAt && <Row label={t('exchange.detail.nextAttemptAt')}>{formatDateTime(m.nextAttemptAt)}</Row>}
          <Row label={t('exchange.detail.sha256')}>
            <Code style={{ overflowWrap: 'anywhere' }}>{m.sha256}</Code>
          </Row>
          <Row label={t('exchange.detail.size')}>{t('exchange.detail.bytes', { count: detail.size })}</Row>
        </Table.Tbody>
      </Table>

      {m.lastError && (
        <Alert color="red" title={t('exchange.detail.lastError')}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {m.lastError}
          </Text>
        </Alert>
      )}

      {detail.issues.length > 0 && (
        <section aria-labelledby="exchange-issues">
          <Title order={3} size="h5" id="exchange-issues" mb="xs">
            {t('exchange.detail.issues')}
          </Title>
          <Stack gap={4}>
            {detail.issues.map((issue) => (
              <Group key={`${issue.severity}-${issue.code}`} gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={issue.severity === 'error' ? 'red' : 'yellow'} variant="light" tt="none">
                  {issue.severity === 'error' ? t('exchange.columns.errors') : t('exchange.detail.warning')}
                </Badge>
                <Text size="sm">
                  {issue[lang] ?? issue.code} <Code>{issue.code}</Code>
                </Text>
              </Group>
            ))}
          </Stack>
        </section>
      )}

      {detail.dispatches.length > 0 && (
        <section aria-labelledby="exchange-dispatches">
          <Title order={3} size="h5" id="exchange-dispatches" mb="xs">
            {t('exchange.detail.dispatches')}
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exchange.detail.recipient')}</Table.Th>
                <Table.Th>{t('exchange.columns.state')}</Table.Th>
                <Table.Th>{t('exchange.detail.statusAt')}</Table.Th>
                <Table.Th>{t('exchange.detail.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.dispatches.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.recipientCode ? `${d.recipientName} (${d.recipientCode})` : d.recipientName}</Table.Td>
                  <Table.Td>
                    <Code>{d.status}</Code>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.statusAt)}</Table.Td>
                  <Table.Td>{d.reason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}

      <section aria-labelledby="exchange-xml">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5" id="exchange-xml">
            {t('exchange.detail.xml')}
          </Title>
          <Anchor href={rawMessageUrl(m.direction, m.id)} download size="sm">
            {t('exchange.detail.download')}
          </Anchor>
        </Group>
        {detail.xmlTruncated && (
          <Text size="xs" c="dimmed" mb={4}>
            {t('exchange.detail.xmlTruncated')}
          </Text>
        )}
        <Code block style={{ maxHeight: 480, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {detail.xml}
        </Code>
      </section>
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
