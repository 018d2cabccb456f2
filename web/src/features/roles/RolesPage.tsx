/** Vai trò: the role codes with their Vietnamese and English names. */
import { Code, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useRoles } from './roles.queries';

export function RolesPage() {
  const { t } = useTranslation();
  const query = useRoles();
  return (
    <>
      <PageHeader title={t('rolesPage.title')} description={t('rolesPage.description')} />
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListTable
        columns={[t('rolesPage.code'), t('rolesPage.vi'), t('rolesPage.en')]}
        minWidth={480}
        loading={query.isLoading}
      >
        {query.data?.items.map((role) => (
          <Table.Tr key={role.code}>
            <Table.Td>
              <Code>{role.code}</Code>
            </Table.Td>
            <Table.Td lang="vi">{role.vi}</Table.Td>
            <Table.Td lang="en">{role.en}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}
