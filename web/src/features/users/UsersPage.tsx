/** Người dùng: the people of the organisations you administer, searchable and paginated. */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlusIcon, SearchIcon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate, vietnamDate } from '../../lib/dates';
import { useRequiredMe } from '../auth/auth.queries';
import { isSystemAdmin } from '../auth/permissions';
import { useOrganizationOptions } from '../organizations/org.queries';
import { CreateUserModal } from './CreateUserModal';
import { UserStatusBadge } from './UserStatusBadge';
import { useUsers } from './users.queries';

const PAGE_SIZE = 20;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const systemAdmin = isSystemAdmin(me);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [organizationId, setOrganizationId] = useState<string | null>(systemAdmin ? null : me.organizationId);
  const [page, setPage] = useState(1);
  const [createOpened, createModal] = useDisclosure(false);
  const organizations = useOrganizationOptions(vietnamDate(), systemAdmin);

  const query = useUsers({
    organizationId: organizationId ?? undefined,
    q,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<PlusIcon size={16} />} onClick={createModal.open}>
            {t('users.add')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: systemAdmin ? 2 : 1 }} spacing="sm">
          <TextInput
            type="search"
            label={t('common.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<SearchIcon size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
          />
          {systemAdmin && (
            <Select
              label={t('users.organization')}
              placeholder={t('common.all')}
              data={organizations.options}
              value={organizationId}
              onChange={(value) => {
                setOrganizationId(value);
                setPage(1);
              }}
              searchable
              clearable
              limit={100}
              nothingFoundMessage={t('common.nothingFound')}
            />
          )}
        </SimpleGrid>
      </Paper>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListTable
        columns={[
          t('users.fullName'),
          t('users.username'),
          { label: t('users.email'), visibleFrom: 'md' },
          t('users.status'),
          { label: t('users.createdAt'), visibleFrom: 'sm' },
        ]}
        minWidth={420}
        loading={query.isLoading}
        empty={query.isSuccess && query.data.items.length === 0 ? t('users.empty') : undefined}
        highlightOnHover
      >
        {query.data?.items.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/users/${user.id}`} fw={500}>
                {user.fullName}
              </Anchor>
              {user.isDemo && (
                <Badge ml="xs" size="xs" variant="outline" color="gray" tt="none">
                  {t('users.demo')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{user.username}</Table.Td>
            <Table.Td visibleFrom="md">{user.email ?? '—'}</Table.Td>
            <Table.Td>
              <UserStatusBadge status={user.status} />
            </Table.Td>
            <Table.Td visibleFrom="sm">{formatDate(user.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Group justify="space-between" mt="md" gap="sm">
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
      <CreateUserModal opened={createOpened} onClose={createModal.close} />
    </>
  );
}
