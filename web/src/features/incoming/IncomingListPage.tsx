/**
 * Văn bản đến: one inbox view (chờ xử lý, quá hạn, …) as a table — urgent documents first (the server sorts),
 * unread ones in bold — with a search (diacritics ignored by the server), filters and pages.
 */
import { Anchor, Button, Group, Pagination, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PlusIcon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/dates';
import { useRequiredMe } from '../auth/auth.queries';
import { hasRole } from '../auth/permissions';
import { SignatureVerdictBadge } from '../signatures/SignatureVerdictBadge';
import { ConfidentialityBadge, OverdueBadge, StatusBadge, UrgencyBadge } from './IncomingBadges';
import { emptyFilters, filtersToQuery, IncomingFilters, type IncomingFilterValues } from './IncomingFilters';
import { useIncomingList } from './incoming.queries';
import { isIncomingView, type IncomingSummary } from './incoming.types';
import { DEFAULT_VIEW } from './navigation';

const PAGE_SIZE = 20;

export function IncomingListPage() {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const viewParam = searchParams.get('view');
  const view = isIncomingView(viewParam) ? viewParam : DEFAULT_VIEW;
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const [filters, setFilters] = useState<IncomingFilterValues>(emptyFilters);
  const [debounced] = useDebouncedValue(filters, 300);

  const setPage = (next: number) =>
    setSearchParams((params) => {
      params.set('view', view);
      if (next > 1) params.set('page', String(next));
      else params.delete('page');
      return params;
    });
  const changeFilters = (patch: Partial<IncomingFilterValues>) => {
    setFilters((previous) => ({ ...previous, ...patch }));
    if (page !== 1) setPage(1);
  };

  const query = useIncomingList({
    view,
    ...filtersToQuery(debounced),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title={`${t('incoming.title')} — ${t(`incoming.nav.${view}`)}`}
        description={t(`incoming.viewDescription.${view}`)}
        actions={
          hasRole(me, 'clerk') && (
            <Button component={Link} to="/e-office/incoming/new" leftSection={<PlusIcon size={16} />}>
              {t('incoming.registerNew')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <IncomingFilters values={filters} onChange={changeFilters} />
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        <ListTable
          columns={[
            t('incoming.fields.arrivalNumber'),
            { label: t('incoming.fields.receivedAt'), visibleFrom: 'sm' },
            { label: t('incoming.fields.issuerName'), visibleFrom: 'md' },
            t('incoming.fields.numberNotation'),
            t('incoming.fields.subject'),
            { label: t('incoming.fields.dueDate'), visibleFrom: 'sm' },
            t('incoming.fields.status'),
            { label: t('incoming.fields.urgency'), visibleFrom: 'sm' },
            { label: t('signatures.file.column'), visibleFrom: 'md' },
          ]}
          minWidth={640}
          loading={query.isLoading}
          empty={query.isSuccess && query.data.items.length === 0 ? t('incoming.empty') : undefined}
          highlightOnHover
        >
          {query.data?.items.map((doc) => (
            <IncomingRow key={doc.id} doc={doc} />
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

function IncomingRow({ doc }: { doc: IncomingSummary }) {
  const { t } = useTranslation();
  const weight = doc.unread ? 700 : undefined;
  return (
    <Table.Tr style={{ fontWeight: weight }} data-unread={doc.unread || undefined}>
      <Table.Td>{doc.arrivalNumber ?? '—'}</Table.Td>
      <Table.Td visibleFrom="sm">{formatDate(doc.receivedAt)}</Table.Td>
      <Table.Td visibleFrom="md">{doc.issuerName}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{doc.numberNotation}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/e-office/incoming/${doc.id}`} fw={weight ?? 500} size="sm">
          {doc.subject}
        </Anchor>
        {doc.unread && <VisuallyHidden component="span"> ({t('incoming.unread')})</VisuallyHidden>}
        {doc.confidentiality !== 'normal' && ' '}
        <ConfidentialityBadge confidentiality={doc.confidentiality} size="xs" />
      </Table.Td>
      <Table.Td visibleFrom="sm" c={doc.overdue ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {formatDate(doc.dueDate) || '—'}
        {doc.overdue && (
          <>
            <br />
            <OverdueBadge size="xs" />
          </>
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge status={doc.status} size="xs" />
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <UrgencyBadge urgency={doc.urgency} size="xs" />
      </Table.Td>
      <Table.Td visibleFrom="md">
        {doc.signatureVerdict && <SignatureVerdictBadge verdict={doc.signatureVerdict} size="xs" />}
      </Table.Td>
    </Table.Tr>
  );
}
