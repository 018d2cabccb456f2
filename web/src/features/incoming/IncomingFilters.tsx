/** The search box and the filters of the incoming list: register, arrival dates, issuer, type, status, urgency, overdue. */
import { Button, Checkbox, Collapse, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../../components/icons';
import { isIsoDate } from '../../lib/dates';
import { useDocumentTypeOptions } from './documentTypes';
import { useRegisters } from './incoming.queries';
import {
  INCOMING_STATUSES,
  URGENCIES,
  type DocTypeCode,
  type IncomingQuery,
  type IncomingStatus,
  type Urgency,
} from './incoming.types';

export interface IncomingFilterValues {
  q: string;
  registerId: string | null;
  receivedFrom: string;
  receivedTo: string;
  issuer: string;
  docType: DocTypeCode | null;
  status: IncomingStatus | null;
  urgency: Urgency | null;
  overdue: boolean;
}

export const emptyFilters: IncomingFilterValues = {
  q: '',
  registerId: null,
  receivedFrom: '',
  receivedTo: '',
  issuer: '',
  docType: null,
  status: null,
  urgency: null,
  overdue: false,
};

/** The filters as query parameters (what is empty, not yet a valid date, or an end before the start is left out). */
export function filtersToQuery(f: IncomingFilterValues): Omit<IncomingQuery, 'view' | 'limit' | 'offset'> {
  const from = isIsoDate(f.receivedFrom) ? f.receivedFrom : undefined;
  const to = isIsoDate(f.receivedTo) && !(from && f.receivedTo < from) ? f.receivedTo : undefined;
  return {
    q: f.q.trim() || undefined,
    registerId: f.registerId ?? undefined,
    receivedFrom: from,
    receivedTo: to,
    issuer: f.issuer.trim() || undefined,
    docType: f.docType ?? undefined,
    status: f.status ?? undefined,
    urgency: f.urgency ?? undefined,
    overdue: f.overdue ? true : undefined,
  };
}

interface IncomingFiltersProps {
  values: IncomingFilterValues;
  onChange: (patch: Partial<IncomingFilterValues>) => void;
}

export function IncomingFilters({ values, onChange }: IncomingFiltersProps) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const registers = useRegisters();
  const docTypes = useDocumentTypeOptions();
  const active = Object.entries(filtersToQuery(values)).filter(
    ([key, value]) => key !== 'q' && value !== undefined,
  ).length;

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            type="search"
            label={t('common.search')}
            placeholder={t('incoming.searchPlaceholder')}
            leftSection={<SearchIcon size={16} />}
            value={values.q}
            onChange={(e) => onChange({ q: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <Button variant="default" onClick={toggle} aria-expanded={opened}>
            {active > 0 ? t('incoming.filters.toggleCount', { count: active }) : t('incoming.filters.toggle')}
          </Button>
        </Group>
        <Collapse expanded={opened}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <Select
              label={t('incoming.fields.register')}
              placeholder={t('common.all')}
              data={(registers.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              value={values.registerId}
              onChange={(registerId) => onChange({ registerId })}
              clearable
            />
            <TextInput
              type="date"
              label={t('incoming.filters.receivedFrom')}
              value={values.receivedFrom}
              onChange={(e) => onChange({ receivedFrom: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('incoming.filters.receivedTo')}
              value={values.receivedTo}
              onChange={(e) => onChange({ receivedTo: e.currentTarget.value })}
              error={
                isIsoDate(values.receivedFrom) &&
                isIsoDate(values.receivedTo) &&
                values.receivedTo < values.receivedFrom
                  ? t('common.invalidDateRange')
                  : undefined
              }
            />
            <TextInput
              label={t('incoming.fields.issuerName')}
              value={values.issuer}
              onChange={(e) => onChange({ issuer: e.currentTarget.value })}
            />
            <Select
              label={t('incoming.fields.docType')}
              placeholder={t('common.all')}
              data={docTypes}
              value={values.docType}
              onChange={(docType) => onChange({ docType: docType as DocTypeCode | null })}
              searchable
              clearable
            />
            <Select
              label={t('incoming.fields.status')}
              placeholder={t('common.all')}
              data={INCOMING_STATUSES.map((s) => ({ value: s, label: t(`incoming.status.${s}`) }))}
              value={values.status}
              onChange={(status) => onChange({ status: status as IncomingStatus | null })}
              clearable
            />
            <Select
              label={t('incoming.fields.urgency')}
              placeholder={t('common.all')}
              data={URGENCIES.map((u) => ({ value: u, label: t(`incoming.urgency.${u}`) }))}
              value={values.urgency}
              onChange={(urgency) => onChange({ urgency: urgency as Urgency | null })}
              clearable
            />
            <Checkbox
              mt={{ base: 0, sm: 'xl' }}
              label={t('incoming.filters.overdueOnly')}
              checked={values.overdue}
              onChange={(e) => onChange({ overdue: e.currentTarget.checked })}
            />
          </SimpleGrid>
        </Collapse>
      </Stack>
    </Paper>
  );
}
