/** Positions (chức vụ) of an organisation, by rank; administrators of the organisation add them. */
import { Button, Group, Loader, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useNotify } from '../../lib/useNotify';
import { useCreatePosition, usePositions } from './org.queries';

export function PositionsPanel({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const query = usePositions(organizationId);
  const positions = [...(query.data?.items ?? [])].sort(
    (a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'vi'),
  );

  return (
    <>
      {canManage && <AddPositionForm organizationId={organizationId} />}
      {query.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && positions.length === 0 && <Text c="dimmed">{t('positions.empty')}</Text>}
      {positions.length > 0 && (
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('positions.name')}</Table.Th>
              <Table.Th w={110}>{t('positions.rank')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {positions.map((position) => (
              <Table.Tr key={position.id}>
                <Table.Td>{position.name}</Table.Td>
                <Table.Td>{position.rank}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function AddPositionForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreatePosition(organizationId);
  const [name, setName] = useState('');
  const [rank, setRank] = useState<number | string>('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), rank: typeof rank === 'number' ? rank : undefined },
      {
        onSuccess: () => {
          notify.success(t('positions.added'));
          setName('');
          setRank('');
        },
        onError: notify.failure,
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput
          label={t('positions.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
          maxLength={200}
        />
        <NumberInput
          label={t('positions.rank')}
          value={rank}
          onChange={setRank}
          min={0}
          max={1000}
          allowDecimal={false}
          w={110}
        />
        <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
          {t('positions.add')}
        </Button>
      </Group>
    </form>
  );
}
