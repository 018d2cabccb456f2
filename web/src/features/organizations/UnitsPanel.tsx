/** Units (Văn phòng, Vụ, Cục, phòng) of an organisation in force on the date; administrators add and edit them. */
import { Button, Group, Loader, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../api/types';
import { PlusIcon } from '../../components/icons';
import { QueryError } from '../../components/QueryError';
import { Validity } from '../../components/Validity';
import { formatDate } from '../../lib/dates';
import { useUnits } from './org.queries';
import { UnitFormModal } from './UnitFormModal';

interface UnitsPanelProps {
  organizationId: string;
  at: string;
  canManage: boolean;
}

type Editing = { mode: 'create' } | { mode: 'edit'; unit: OrgUnit } | undefined;

export function UnitsPanel({ organizationId, at, canManage }: UnitsPanelProps) {
  const { t } = useTranslation();
  const query = useUnits(organizationId, at);
  const [editing, setEditing] = useState<Editing>(undefined);
  const units = query.data?.items ?? [];
  const nameOf = new Map(units.map((u) => [u.id, u.name]));

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('units.atDate', { date: formatDate(at) })}
        </Text>
        {canManage && (
          <Button size="xs" leftSection={<PlusIcon size={14} />} onClick={() => setEditing({ mode: 'create' })}>
            {t('units.add')}
          </Button>
        )}
      </Group>
      {query.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && units.length === 0 && <Text c="dimmed">{t('units.empty')}</Text>}
      {units.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('units.name')}</Table.Th>
                <Table.Th>{t('units.kind')}</Table.Th>
                <Table.Th>{t('units.parentUnit')}</Table.Th>
                <Table.Th>{t('common.validity')}</Table.Th>
                {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((unit) => (
                <Table.Tr key={unit.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {unit.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {unit.abbreviation}
                      {unit.identifier ? ` · ${unit.identifier}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`units.kinds.${unit.kind}`)}</Table.Td>
                  <Table.Td>{unit.parentUnitId ? (nameOf.get(unit.parentUnitId) ?? '—') : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Validity from={unit.validFrom} to={unit.validTo} />
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={t('units.editNamed', { name: unit.name })}
                        onClick={() => setEditing({ mode: 'edit', unit })}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage && (
        <UnitFormModal
          organizationId={organizationId}
          units={units}
          unit={editing?.mode === 'edit' ? editing.unit : undefined}
          opened={editing !== undefined}
          defaultDate={at}
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
