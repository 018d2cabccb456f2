/** Tác vụ nền lỗi: background jobs that failed after all their retries; run one again. */
import { Button, Code, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RefreshIcon } from '../../components/icons';
import { JsonDetails } from '../../components/JsonDetails';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { useFailedJobs, useRetryJob } from './jobs.queries';

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
      <ListTable
        columns={[
          t('jobs.name'),
          t('jobs.attempts'),
          t('jobs.createdAt'),
          t('jobs.failedAt'),
          t('jobs.error'),
          t('common.actions'),
        ]}
        minWidth={860}
        loading={query.isLoading}
        empty={query.isSuccess && query.data.items.length === 0 ? t('jobs.empty') : undefined}
      >
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
      </ListTable>
    </>
  );
}
