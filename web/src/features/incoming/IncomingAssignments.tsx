/** Phân công xử lý: who leads, supports or is informed (units and people), who gave it, deadline, status. */
import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, vietnamDate } from '../../lib/dates';
import type { IncomingAssignment, IncomingDetail } from './incoming.types';

const STATUS_COLORS: Record<IncomingAssignment['status'], string> = {
  active: 'blue',
  completed: 'green',
  returned: 'orange',
  recalled: 'gray',
  closed: 'gray',
};

/** Each unit's assignment followed by what its head handed to people of the unit. */
export function orderAssignments(
  assignments: readonly IncomingAssignment[],
): { a: IncomingAssignment; depth: number }[] {
  const roots = assignments.filter((a) => a.parentId === null || !assignments.some((p) => p.id === a.parentId));
  return roots.flatMap((root) => [
    { a: root, depth: 0 },
    ...assignments.filter((c) => c.parentId === root.id).map((c) => ({ a: c, depth: 1 })),
  ]);
}

export function IncomingAssignments({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  const today = vietnamDate();
  if (doc.assignments.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('incoming.assignments.title')}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incoming.assignments.assignee')}</Table.Th>
              <Table.Th>{t('incoming.assignments.assignedBy')}</Table.Th>
              <Table.Th>{t('incoming.fields.dueDate')}</Table.Th>
              <Table.Th>{t('incoming.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orderAssignments(doc.assignments).map(({ a, depth }) => {
              const ended = a.status === 'recalled' || a.status === 'closed';
              const late = a.status === 'active' && a.deadline !== null && a.deadline < today;
              return (
                <Table.Tr key={a.id} c={ended ? 'dimmed' : undefined}>
                  <Table.Td pl={depth ? 'xl' : undefined}>
                    <Text size="sm">
                      <Text span size="sm" c="dimmed">
                        {t(`incoming.assignments.roles.${a.role}`)}:{' '}
                      </Text>
                      <Text span size="sm" fw={500}>
                        {a.userName ?? a.unitName ?? '—'}
                      </Text>
                    </Text>
                    {a.userName && a.unitName && (
                      <Text size="xs" c="dimmed">
                        {a.unitName}
                      </Text>
                    )}
                    {a.instructions && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {a.instructions}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.assignedByName ?? '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(a.assignedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td c={late ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(a.deadline) || '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLORS[a.status]} tt="none" miw="max-content">
                      {t(`incoming.assignments.statuses.${a.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

export function IncomingExtensions({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  if (doc.extensions.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('incoming.extensions.title')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incoming.extensions.requestedBy')}</Table.Th>
              <Table.Th>{t('incoming.extensions.deadlines')}</Table.Th>
              <Table.Th>{t('incoming.extensions.reason')}</Table.Th>
              <Table.Th>{t('incoming.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {doc.extensions.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>
                  <Text size="sm">{x.requestedByName ?? '—'}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(x.requestedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {formatDate(x.currentDeadline) || '—'} → {formatDate(x.requestedDeadline)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{x.reason}</Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    tt="none"
                    miw="max-content"
                    color={
                      x.status === 'approved'
                        ? 'green'
                        : x.status === 'refused'
                          ? 'red'
                          : x.status === 'withdrawn'
                            ? 'gray'
                            : 'yellow'
                    }
                  >
                    {t(`incoming.extensions.statuses.${x.status}`)}
                  </Badge>
                  {x.decidedByName && (
                    <Text size="xs" c="dimmed">
                      {x.decidedByName}
                      {x.decisionNote ? `: ${x.decisionNote}` : ''}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
