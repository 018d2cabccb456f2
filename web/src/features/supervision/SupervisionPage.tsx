/**
 * Theo dõi, đôn đốc giải quyết văn bản đến (Decree 30/2020 Điều 24; "Báo cáo tình hình giải quyết văn bản
 * đến"): for a period (the current month by default), per unit or per person, how many documents were
 * directed, are in progress, overdue, completed on time or late, or closed, the average processing time in
 * working days and the on-time rate. Every number opens the documents behind it; the table exports to Excel.
 * The server decides whose numbers the user sees (the leader every unit, a unit head theirs, others their own).
 */
import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate, isIsoDate, vietnamDate } from '../../lib/dates';
import { SupervisedDocumentsModal, type Drill } from './SupervisedDocumentsModal';
import {
  MAX_PERIOD_DAYS,
  MEASURE_COLUMNS,
  monthOf,
  periodDays,
  supervisionExportUrl,
  useSupervision,
  type GroupBy,
  type SupervisionRow,
  type SupervisionTotals,
} from './supervision.queries';

const validDate = (value: string | null) => (value && isIsoDate(value) ? value : undefined);

export function SupervisionPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = monthOf(vietnamDate());
  const [from, setFrom] = useState(validDate(params.get('from')) ?? month.from);
  const [to, setTo] = useState(validDate(params.get('to')) ?? month.to);
  const groupBy: GroupBy = params.get('groupBy') === 'person' ? 'person' : 'unit';
  const [drill, setDrill] = useState<Drill | undefined>(undefined);

  const periodOk = isIsoDate(from) && isIsoDate(to) && to >= from && periodDays(from, to) <= MAX_PERIOD_DAYS;
  const query = { from, to, groupBy };
  const summary = useSupervision(query, periodOk);
  const data = periodOk ? summary.data : undefined;
  const byPerson = data?.groupBy === 'person';

  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  const orDash = (value: number | null, suffix = '') => (value === null ? '—' : `${number.format(value)}${suffix}`);

  /** Keeps the period and grouping in the address, so the view can be shared and reloaded. */
  const remember = (patch: Record<string, string>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const changeDate = (which: 'from' | 'to', value: string) => {
    (which === 'from' ? setFrom : setTo)(value);
    if (isIsoDate(value)) remember({ [which]: value });
  };

  const unitLabel = (row: SupervisionRow) => row.unitName ?? t('supervision.noUnit');
  const personLabel = (row: SupervisionRow) => row.userName ?? t('supervision.noPerson');
  const rowLabel = (row: SupervisionRow) => (byPerson ? `${personLabel(row)} (${unitLabel(row)})` : unitLabel(row));

  /** The measures of a row (or of the totals) as cells; each number above zero opens its documents. */
  function measureCells(values: SupervisionTotals, label: string, filter: Pick<Drill, 'unitId' | 'userId'>) {
    return (
      <>
        {MEASURE_COLUMNS.map(({ field, measure }) => {
          const count = values[field];
          return (
            <Table.Td key={field} ta="right">
              {count > 0 ? (
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  c={field === 'overdue' || field === 'completedLate' ? 'red' : undefined}
                  aria-label={t('supervision.drillLabel', {
                    measure: t(`supervision.columns.${field}`),
                    count,
                    row: label,
                  })}
                  onClick={() => setDrill({ measure, rowLabel: label, ...filter })}
                >
                  {count}
                </Anchor>
              ) : (
                <Text span c="dimmed" size="sm">
                  0
                </Text>
              )}
            </Table.Td>
          );
        })}
        <Table.Td ta="right">{orDash(values.averageWorkingDays)}</Table.Td>
        <Table.Td ta="right">{orDash(values.onTimeRate, ' %')}</Table.Td>
      </>
    );
  }

  const columns = [
    t('supervision.columns.unit'),
    ...(byPerson ? [t('supervision.columns.person')] : []),
    ...MEASURE_COLUMNS.map(({ field }) => t(`supervision.columns.${field}`)),
    t('supervision.columns.averageWorkingDays'),
    t('supervision.columns.onTimeRate'),
  ];

  return (
    <>
      <PageHeader
        title={t('supervision.title')}
        description={t('supervision.description')}
        actions={
          <Button
            component="a"
            href={periodOk ? supervisionExportUrl(query) : undefined}
            download
            variant="light"
            disabled={!periodOk}
          >
            {t('supervision.export')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={t('supervision.from')}
            value={from}
            onChange={(e) => changeDate('from', e.currentTarget.value)}
            w={170}
          />
          <TextInput
            type="date"
            label={t('supervision.to')}
            value={to}
            onChange={(e) => changeDate('to', e.currentTarget.value)}
            w={170}
          />
          <Stack gap={4}>
            <Text id="supervision-group-by" size="sm" fw={500}>
              {t('supervision.groupBy')}
            </Text>
            <SegmentedControl
              aria-labelledby="supervision-group-by"
              value={groupBy}
              onChange={(value) => remember({ groupBy: value })}
              data={[
                { value: 'unit', label: t('supervision.byUnit') },
                { value: 'person', label: t('supervision.byPerson') },
              ]}
            />
          </Stack>
        </Group>
        {!periodOk && (
          <Alert color="red" variant="light" role="alert">
            {t('supervision.invalidPeriod')}
          </Alert>
        )}
        {periodOk && summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
        {data && (
          <Text size="sm" c="dimmed">
            {t(`supervision.scope.${data.scope}`)}
          </Text>
        )}
        {periodOk && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={byPerson ? 1080 : 940}>
              <Table striped verticalSpacing="sm" horizontalSpacing="md" captionSide="top">
                <Table.Caption>
                  {t('supervision.tableLabel', { from: formatDate(from), to: formatDate(to) })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((column, i) => (
                      <Table.Th key={column} scope="col" ta={i < (byPerson ? 2 : 1) ? undefined : 'right'}>
                        {column}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {summary.isLoading && (
                    <Table.Tr>
                      <Table.Td colSpan={columns.length}>
                        <Text size="sm" c="dimmed" ta="center" py="md">
                          {t('common.loading')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {data && data.rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={columns.length}>
                        <Text size="sm" c="dimmed" ta="center" py="md">
                          {t('supervision.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {data?.rows.map((row) => (
                    <Table.Tr key={`${row.unitId ?? 'none'}:${row.userId ?? 'none'}`}>
                      {byPerson ? (
                        <>
                          <Table.Td>{unitLabel(row)}</Table.Td>
                          <Table.Th scope="row" fw={row.userName ? 500 : 400} fs={row.userName ? undefined : 'italic'}>
                            {personLabel(row)}
                          </Table.Th>
                        </>
                      ) : (
                        <Table.Th scope="row" fw={500} fs={row.unitName ? undefined : 'italic'}>
                          {unitLabel(row)}
                        </Table.Th>
                      )}
                      {measureCells(row, rowLabel(row), {
                        unitId: row.unitId ?? 'none',
                        ...(byPerson ? { userId: row.userId ?? 'none' } : {}),
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                {data && data.rows.length > 0 && (
                  <Table.Tfoot>
                    <Table.Tr fw={700}>
                      <Table.Th scope="row" colSpan={byPerson ? 2 : 1}>
                        {t('supervision.total')}
                      </Table.Th>
                      {measureCells(data.totals, t('supervision.total'), {})}
                    </Table.Tr>
                  </Table.Tfoot>
                )}
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        <Accordion variant="contained" radius="md">
          <Accordion.Item value="help">
            <Accordion.Control>{t('supervision.help.title')}</Accordion.Control>
            <Accordion.Panel>
              <List size="sm" spacing={6}>
                {(['population', 'groups', 'measures', 'average', 'rate', 'scope'] as const).map((key) => (
                  <List.Item key={key}>{t(`supervision.help.${key}`)}</List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
      {drill && <SupervisedDocumentsModal drill={drill} from={from} to={to} onClose={() => setDrill(undefined)} />}
    </>
  );
}
