/** The memberships of a person: organisation, unit, position, roles, validity; add, change roles, end. */
import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDetail } from '../../api/types';
import { PlusIcon } from '../../components/icons';
import { RoleBadges } from '../../components/RoleBadges';
import { Validity } from '../../components/Validity';
import { vietnamDate } from '../../lib/dates';
import { useRequiredMe } from '../auth/auth.queries';
import { isSystemAdmin } from '../auth/permissions';
import { AddMembershipModal, EditMembershipModal, EndMembershipModal } from './MembershipModals';

type UserMembership = UserDetail['memberships'][number];
type Dialog = { kind: 'add' } | { kind: 'edit' | 'end'; membership: UserMembership } | undefined;

export function MembershipsCard({ user }: { user: UserDetail }) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const today = vietnamDate();
  const [dialog, setDialog] = useState<Dialog>(undefined);
  const close = () => setDialog(undefined);
  const mayManage = (m: UserMembership) => isSystemAdmin(me) || m.organizationId === me.organizationId;

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('users.memberships')}
        </Title>
        <Button size="xs" leftSection={<PlusIcon size={14} />} onClick={() => setDialog({ kind: 'add' })}>
          {t('users.addMembership')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.organization')}</Table.Th>
              <Table.Th>{t('users.unit')}</Table.Th>
              <Table.Th>{t('users.roles')}</Table.Th>
              <Table.Th>{t('common.validity')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {user.memberships.map((m) => {
              const ended = m.validTo !== null && m.validTo < today;
              return (
                <Table.Tr key={m.id} c={ended ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {m.organizationName}
                    </Text>
                    {m.isPrimary && (
                      <Badge size="xs" variant="light" tt="none">
                        {t('users.primary')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.unitName ?? '—'}</Text>
                    {m.positionName && (
                      <Text size="xs" c="dimmed">
                        {m.positionName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RoleBadges roles={m.roles} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Validity from={m.validFrom} to={m.validTo} />
                    {ended && (
                      <Text size="xs" c="dimmed">
                        {t('users.membershipEndedLabel')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!ended && mayManage(m) && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t('users.editMembershipAt', { organization: m.organizationName })}
                          onClick={() => setDialog({ kind: 'edit', membership: m })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('users.endMembershipAt', { organization: m.organizationName })}
                          onClick={() => setDialog({ kind: 'end', membership: m })}
                        >
                          {t('users.endMembership')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AddMembershipModal userId={user.id} opened={dialog?.kind === 'add'} onClose={close} />
      <EditMembershipModal membership={dialog?.kind === 'edit' ? dialog.membership : undefined} onClose={close} />
      <EndMembershipModal membership={dialog?.kind === 'end' ? dialog.membership : undefined} onClose={close} />
    </Paper>
  );
}
