/** Vai trò: the role codes with their Vietnamese and English names. */
import { Code, Paper, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableLoader } from '../../components/TableLoader';
import { useRoles } from './roles.queries';

export function RolesPage() {
  const { t } = useTranslation();
  const query = useRoles();
  return (
    <>
      <PageHeader title={t('rolesPage.title')} description={t('rolesPage.description')} />
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rolesPage.code')}</Table.Th>
                <Table.Th>{t('rolesPage.vi')}</Table.Th>
                <Table.Th>{t('rolesPage.en')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.isLoading && <TableLoader columns={3} />}
              {query.data?.items.map((role) => (
                <Table.Tr key={role.code}>
                  <Table.Td>
                    <Code>{role.code}</Code>
                  </Table.Td>
                  <Table.Td lang="vi">{role.vi}</Table.Td>
                  <Table.Td lang="en">{role.en}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
