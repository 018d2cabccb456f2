/**
 * Lịch làm việc: a year's days off (holidays, Tết, nghỉ bù, days off granted) and làm bù Saturdays, computed
 * or recorded by an administrator, used to count deadlines in working days; add or delete an adjustment,
 * and confirm the year once checked against the Government's notice.
 */
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime, vietnamDate } from '../../lib/dates';
import { AddOverrideModal, type OverrideDraft } from './AddOverrideModal';
import { ConfirmYearModal, DeleteOverrideModal } from './CalendarModals';
import { useYearCalendar, type CalendarDay, type CalendarOverride } from './calendar.queries';

const KIND_COLOR: Record<CalendarDay['kind'], string> = {
  holiday: 'red',
  tet: 'orange',
  compensatory: 'grape',
  swap_day_off: 'cyan',
  extra_day_off: 'teal',
  working_saturday: 'blue',
};

const SOURCE_COLOR: Record<CalendarDay['source'], string> = { statute: 'gray', computed: 'yellow', override: 'blue' };

const weekdayOf = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const thisYear = Number(vietnamDate().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const query = useYearCalendar(year);
  const [draft, setDraft] = useState<OverrideDraft | undefined>(undefined);
  const [deleting, setDeleting] = useState<CalendarOverride | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const data = query.data;
  const years = Array.from({ length: 9 }, (_, i) => String(thisYear - 3 + i));

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.description')}
        actions={
          <>
            <Select
              aria-label={t('calendar.year')}
              data={years.includes(String(year)) ? years : [...years, String(year)]}
              value={String(year)}
              allowDeselect={false}
              w={110}
              onChange={(value) => value && setYear(Number(value))}
            />
            <Button
              leftSection={<PlusIcon size={16} />}
              onClick={() => setDraft({ date: `${year}-01-01`, kind: 'day_off' })}
            >
              {t('calendar.addOverride')}
            </Button>
            <Button variant="light" disabled={!data} onClick={() => setConfirming(true)}>
              {t('calendar.confirmYear')}
            </Button>
          </>
        }
      />
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {data &&
        (data.confirmation ? (
          <Alert color="green" variant="light" mb="md" title={t('calendar.yearConfirmed')}>
            <Text size="sm">
              {t('calendar.confirmedBy', {
                name: data.confirmation.confirmedBy.name,
                at: formatDateTime(data.confirmation.confirmedAt),
              })}
            </Text>
            {data.confirmation.note && <Text size="sm">{data.confirmation.note}</Text>}
          </Alert>
        ) : (
          <Alert color="yellow" variant="light" mb="md">
            {t('calendar.notConfirmed', { year: data.year })}
          </Alert>
        ))}
      <Stack gap="lg">
        <section aria-labelledby="calendar-days">
          <Title id="calendar-days" order={2} size="h4" mb="xs">
            {t('calendar.daysTitle')}
          </Title>
          <ListTable
            columns={[
              t('calendar.date'),
              t('calendar.weekday'),
              t('calendar.kind'),
              t('calendar.name'),
              t('calendar.source'),
              t('common.actions'),
            ]}
            minWidth={860}
            loading={query.isLoading}
            empty={data && data.days.length === 0 ? t('calendar.empty') : undefined}
          >
            {data?.days.map((day) => (
              <Table.Tr key={day.date}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(day.date)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t(`calendar.weekdays.${weekdayOf(day.date)}` as 'calendar.weekdays.0')}
                </Table.Td>
                <Table.Td>
                  <Badge color={KIND_COLOR[day.kind]} variant="light" tt="none">
                    {t(`calendar.kinds.${day.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{day.name[lang]}</Text>
                  {day.sourceDocument && (
                    <Text size="xs" c="dimmed">
                      {day.sourceDocument}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={SOURCE_COLOR[day.source]} variant="outline" tt="none">
                      {t(`calendar.sources.${day.source}`)}
                    </Badge>
                    {day.unverified && (
                      <Badge color="orange" variant="light" tt="none">
                        {t('calendar.unverified')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {day.source !== 'override' && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('calendar.notApplicableNamed', { date: formatDate(day.date) })}
                      onClick={() => setDraft({ date: day.date, kind: 'remove', name: day.name.vi })}
                    >
                      {t('calendar.notApplicable')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </section>
        <section aria-labelledby="calendar-overrides">
          <Title id="calendar-overrides" order={2} size="h4" mb="xs">
            {t('calendar.overridesTitle')}
          </Title>
          <ListTable
            columns={[
              t('calendar.date'),
              t('calendar.kind'),
              t('calendar.name'),
              t('calendar.sourceDocument'),
              t('calendar.createdBy'),
              t('common.actions'),
            ]}
            minWidth={860}
            loading={query.isLoading}
            empty={data && data.overrides.length === 0 ? t('calendar.noOverrides') : undefined}
          >
            {data?.overrides.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(o.date)}</Table.Td>
                <Table.Td>{t(`calendar.overrideKinds.${o.kind}`)}</Table.Td>
                <Table.Td>{o.name}</Table.Td>
                <Table.Td>{o.sourceDocument}</Table.Td>
                <Table.Td>
                  <Text size="sm">{o.createdBy.name}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(o.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('calendar.deleteOverrideNamed', { date: formatDate(o.date) })}
                    onClick={() => setDeleting(o)}
                  >
                    {t('calendar.deleteOverride')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </section>
      </Stack>
      <AddOverrideModal draft={draft} onClose={() => setDraft(undefined)} />
      <DeleteOverrideModal override={deleting} onClose={() => setDeleting(undefined)} />
      <ConfirmYearModal year={confirming ? year : undefined} onClose={() => setConfirming(false)} />
    </>
  );
}
