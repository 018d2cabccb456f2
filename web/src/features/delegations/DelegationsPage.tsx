/** Ủy quyền: delegations you give, receive or administer; create and revoke. */
import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delegation } from '../../api/types';
import { PlusIcon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { RoleBadges } from '../../components/RoleBadges';
import { Validity } from '../../components/Validity';
import { vietnamDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { useRequiredMe } from '../auth/auth.queries';
import { isAdministrator } from '../auth/permissions';
import { CreateDelegationModal } from './CreateDelegationModal';
import { delegationStatus, useDelegations, useRevokeDelegation, type DelegationStatus } from './delegations.queries';

const STATUS_COLOR: Record<DelegationStatus, string> = {
  active: 'green',
  upcoming: 'blue',
  expired: 'gray',
  revoked: 'red',
};

export function DelegationsPage() {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const query = useDelegations();
  const [createOpened, createModal] = useDisclosure(false);
  const [revoking, setRevoking] = useState<Delegation | undefined>(undefined);
  const today = vietnamDate();
  const mayRevoke = (d: Delegation) => d.fromUserId === me.user.id || isAdministrator(me);

  return (
    <>
      <PageHeader
        title={t('delegations.title')}
        description={t('delegations.description')}
        actions={
          <Button leftSection={<PlusIcon size={16} />} onClick={createModal.open}>
            {t('delegations.create')}
          </Button>
        }
      />
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListTable
        columns={[
          t('delegations.from'),
          t('delegations.to'),
          t('delegations.roles'),
          t('common.validity'),
          t('delegations.status'),
          t('common.actions'),
        ]}
        minWidth={820}
        loading={query.isLoading}
        empty={query.isSuccess && query.data.items.length === 0 ? t('delegations.empty') : undefined}
      >
        {query.data?.items.map((d) => {
          const status = delegationStatus(d, today);
          return (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {d.fromName}
                </Text>
                <Text size="xs" c="dimmed">
                  {d.organizationName}
                </Text>
              </Table.Td>
              <Table.Td>{d.toName}</Table.Td>
              <Table.Td>
                <RoleBadges roles={d.roles} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  <Validity from={d.validFrom} to={d.validTo} />
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {d.reason}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[status]} variant="light" tt="none">
                  {t(`delegations.statuses.${status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {status !== 'revoked' && status !== 'expired' && mayRevoke(d) && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('delegations.revokeNamed', { name: d.toName })}
                    onClick={() => setRevoking(d)}
                  >
                    {t('delegations.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
      <CreateDelegationModal opened={createOpened} onClose={createModal.close} />
      <RevokeDelegationModal delegation={revoking} onClose={() => setRevoking(undefined)} />
    </>
  );
}

function RevokeDelegationModal({ delegation, onClose }: { delegation?: Delegation; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const revoke = useRevokeDelegation();
  return (
    <Modal opened={delegation !== undefined} onClose={onClose} title={t('delegations.revoke')}>
      {delegation && (
        <Stack gap="md">
          <Text>{t('delegations.revokeConfirm', { from: delegation.fromName, to: delegation.toName })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(delegation.id, {
                  onSuccess: () => {
                    notify.success(t('delegations.revoked'));
                    onClose();
                  },
                  onError: notify.failure,
                })
              }
            >
              {t('delegations.revoke')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
