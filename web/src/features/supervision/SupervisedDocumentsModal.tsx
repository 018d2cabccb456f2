/** The documents behind one number of the supervision table, each linking to the document itself. */
import { Alert, Anchor, Badge, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../../components/ListTable';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/dates';
import { useSupervisedDocuments, type MeasureFilter, type SupervisedDocument } from './supervision.queries';

/** What was clicked: a measure of a row (its unit, and person when grouped by person) or of the totals. */
export interface Drill {
  readonly measure: MeasureFilter;
  readonly rowLabel: string;
  readonly unitId?: string;
  readonly userId?: string;
}

const LIMIT = 500;

const MEASURE_COLORS: Record<SupervisedDocument['measure'], string> = {
  in_progress: 'blue',
  overdue: 'red',
  completed_on_time: 'green',
  completed_late: 'orange',
  closed: 'gray',
};

export function SupervisedDocumentsModal({
  drill,
  from,
  to,
  onClose,
}: {
  drill: Drill;
  from: string;
  to: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const documents = useSupervisedDocuments({
    from,
    to,
    measure: drill.measure,
    limit: LIMIT,
    ...(drill.unitId ? { unitId: drill.unitId } : {}),
    ...(drill.userId ? { userId: drill.userId } : {}),
  });
  const data = documents.data;

  return (
    <Modal
      opened
      onClose={onClose}
      size="90rem"
      title={t('supervision.documents.title', {
        measure: t(`supervision.measures.${drill.measure}`),
        row: drill.rowLabel,
      })}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('supervision.documents.summary', {
            from: formatDate(from),
            to: formatDate(to),
            total: data?.total ?? '…',
          })}
        </Text>
        {documents.isError && <QueryError error={documents.error} onRetry={() => void documents.refetch()} />}
        {data && data.total > data.items.length && (
          <Alert color="yellow" variant="light">
            {t('supervision.documents.truncated', { shown: data.items.length, total: data.total })}
          </Alert>
        )}
        <ListTable
          columns={[
            t('supervision.documents.arrivalNumber'),
            t('supervision.documents.subject'),
            t('supervision.columns.unit'),
            t('supervision.documents.person'),
            t('supervision.documents.directedAt'),
            t('supervision.documents.dueDate'),
            t('supervision.documents.completedAt'),
            t('supervision.documents.workingDays'),
            t('supervision.documents.state'),
          ]}
          minWidth={1100}
          loading={documents.isLoading}
          empty={data && data.items.length === 0 ? t('supervision.documents.empty') : undefined}
        >
          {data?.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.arrivalNumber ?? '—'}</Table.Td>
              <Table.Td maw={420}>
                <Anchor component={Link} to={`/e-office/incoming/${d.id}`} size="sm" fw={500}>
                  {d.subject}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {d.numberNotation} · {d.issuerName}
                </Text>
              </Table.Td>
              <Table.Td>{d.unitName ?? t('supervision.noUnit')}</Table.Td>
              <Table.Td>{d.userName ?? t('supervision.noPerson')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.directedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.dueDate ? formatDate(d.dueDate) : '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.completedAt ? formatDate(d.completedAt) : '—'}</Table.Td>
              <Table.Td ta="right">{d.workingDays ?? '—'}</Table.Td>
              <Table.Td>
                <Badge color={MEASURE_COLORS[d.measure]} variant="light" tt="none">
                  {t(`supervision.measures.${d.measure}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </Stack>
    </Modal>
  );
}
