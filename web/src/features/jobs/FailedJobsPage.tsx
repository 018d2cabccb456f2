/** Tác vụ nền lỗi: background jobs that failed after all their retries; run one again. */
import { Button, Code, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RefreshIcon } from '../../components/icons';
import { JsonDetails } from '../../components/JsonDetails';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableLoader, TableMessage } from '../../components/TableLoader';
import { formatDateTime } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { useFailedJobs, useRetryJob } from './jobs.queries';

const COLUMNS = 6;

export function FailedJobsPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const query = useFailedJobs();
  const retry = useRetryJob();

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        description={t('jobs.description')}
        actions={
          <Button
            variant="light"
            leftSection={<RefreshIcon size={16} />}
            loading={query.isFetching}
            onClick={() => void query.refetch()}
          >
            {t('common.refresh')}
          </Button>
        }
      />
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jobs.name')}</Table.Th>
                <Table.Th>{t('jobs.attempts')}</Table.Th>
                <Table.Th>{t('jobs.createdAt')}</Table.Th>
                <Table.Th>{t('jobs.failedAt')}</Table.Th>
                <Table.Th>{t('jobs.error')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.isLoading && <TableLoader columns={COLUMNS} />}
              {query.isSuccess && query.data.items.length === 0 && (
                <TableMessage columns={COLUMNS}>{t('jobs.empty')}</TableMessage>
              )}
              {query.data?.items.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>
                    <Code>{job.name}</Code>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {job.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>{job.attempts}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(job.createdAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(job.failedAt)}</Table.Td>
                  <Table.Td maw={320}>
                    <JsonDetails value={job.error} label={t('jobs.error')} />
                    <JsonDetails value={job.payload} label={t('jobs.payload')} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={t('jobs.retryNamed', { name: job.name })}
                        loading={retry.isPending && retry.variables.id === job.id}
                        onClick={() =>
                          retry.mutate(
                            { name: job.name, id: job.id },
                            { onSuccess: () => notify.success(t('jobs.retried')), onError: notify.failure },
                          )
                        }
                      >
                        {t('jobs.retry')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
