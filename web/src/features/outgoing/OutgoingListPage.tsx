/**
 * Văn bản đi: one view (my drafts, waiting for my review, all) as a table with a search (diacritics ignored by
 * the server), status and urgency badges, and pages.
 */
import { Anchor, Badge, Button, Group, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PlusIcon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/dates';
import { formatMinute } from '../incoming/format';
import { useDocumentTypes } from '../incoming/incoming.queries';
import { OutgoingConfidentialityBadge, OutgoingStatusBadge, OutgoingUrgencyBadge } from './OutgoingBadges';
import { useOutgoingList } from './outgoing.queries';
import { isOutgoingView, type OutgoingSummary } from './outgoing.types';

const PAGE_SIZE = 20;

export function OutgoingListPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const viewParam = searchParams.get('view');
  const view = isOutgoingView(viewParam) ? viewParam : 'mine';
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);

  const setPage = (next: number) =>
    setSearchParams((params) => {
      params.set('view', view);
      if (next > 1) params.set('page', String(next));
      else params.delete('page');
      return params;
    });

  const query = useOutgoingList({
    view,
    q: debounced || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title={t(`outgoing.nav.${view}`)}
        description={t(`outgoing.viewDescription.${view}`)}
        actions={
          <Button component={Link} to="/e-office/outgoing/new" leftSection={<PlusIcon size={16} />}>
            {t('outgoing.newDraft')}
          </Button>
        }
      />
      <Stack gap="md">
        <TextInput
          type="search"
          label={t('outgoing.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            if (page !== 1) setPage(1);
          }}
          maw={480}
        />
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        <ListTable
          columns={[
            t('outgoing.fields.docType'),
            t('outgoing.fields.subject'),
            { label: t('outgoing.fields.createdBy'), visibleFrom: 'md' },
            { label: t('outgoing.fields.lastActivityAt'), visibleFrom: 'sm' },
            t('outgoing.fields.status'),
            { label: t('outgoing.fields.urgency'), visibleFrom: 'sm' },
          ]}
          minWidth={640}
          loading={query.isLoading}
          empty={query.isSuccess && query.data.items.length === 0 ? t('outgoing.empty') : undefined}
          highlightOnHover
        >
          {query.data?.items.map((doc) => (
            <OutgoingRow key={doc.id} doc={doc} />
          ))}
        </ListTable>
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t('common.totalCount', { count: total })}
          </Text>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              size="sm"
              getControlProps={(control) =>
                control === 'previous'
                  ? { 'aria-label': t('common.previousPage') }
                  : control === 'next'
                    ? { 'aria-label': t('common.nextPage') }
                    : {}
              }
            />
          )}
        </Group>
      </Stack>
    </>
  );
}

function OutgoingRow({ doc }: { doc: OutgoingSummary }) {
  const { t, i18n } = useTranslation();
  const types = useDocumentTypes();
  const type = types.data?.find((x) => x.code === doc.docType);
  const typeName = type ? (i18n.language === 'en' ? type.en : type.vi) : doc.docType;
  return (
    <Table.Tr style={{ fontWeight: doc.waitingForMe ? 700 : undefined }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{typeName}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/e-office/outgoing/${doc.id}`} fw={500} size="sm">
          {doc.subject}
        </Anchor>{' '}
        {doc.fullNumber && (
          <Text size="xs" c="dimmed">
            {t('outgoing.fields.numberLine', { number: doc.fullNumber })}
            {doc.issuedAt && ` · ${t('outgoing.fields.issuedOn', { date: formatDate(doc.issuedAt) })}`}
          </Text>
        )}
        <OutgoingConfidentialityBadge confidentiality={doc.confidentiality} size="xs" />
        {doc.waitingForMe && (
          <Badge size="xs" color="blue" variant="filled" tt="none" ml={4}>
            {t('outgoing.waitingForMe')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td visibleFrom="md">{doc.createdByName}</Table.Td>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatMinute(doc.lastActivityAt)}
      </Table.Td>
      <Table.Td>
        <OutgoingStatusBadge status={doc.status} size="xs" />
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <OutgoingUrgencyBadge urgency={doc.urgency} size="xs" />
      </Table.Td>
    </Table.Tr>
  );
}
