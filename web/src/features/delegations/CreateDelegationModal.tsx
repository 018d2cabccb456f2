/**
 * Ủy quyền cho đồng nghiệp: roles you hold in the active organisation, to a colleague of the same
 * organisation, for a date range, with a reason. Administrators pick both people from the organisation's
 * staff list; others enter the colleague's user ID (the API offers no colleague directory to them).
 */
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { addDays, isIsoDate, vietnamDate } from '../../lib/dates';
import { useErrorText } from '../../lib/useErrorText';
import { useNotify } from '../../lib/useNotify';
import { useRequiredMe } from '../auth/auth.queries';
import { isAdministrator, ownRoles } from '../auth/permissions';
import { RoleMultiSelect } from '../roles/RoleMultiSelect';
import { useUser, useUsers } from '../users/users.queries';
import { useCreateDelegation } from './delegations.queries';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function CreateDelegationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('delegations.create')} size="lg">
      {opened && <CreateDelegationForm onDone={onClose} />}
    </Modal>
  );
}

/** Roles the delegator holds today in the active organisation (never system_admin, which cannot be delegated). */
function useDelegableRoles(fromUserId: string): Role[] {
  const me = useRequiredMe();
  const other = useUser(fromUserId === me.user.id ? undefined : fromUserId);
  const today = vietnamDate();
  const roles =
    fromUserId === me.user.id
      ? ownRoles(me)
      : (other.data?.memberships ?? [])
          .filter((m) => m.organizationId === me.organizationId && (m.validTo === null || m.validTo >= today))
          .flatMap((m) => m.roles);
  return [...new Set(roles)].filter((role) => role !== 'system_admin');
}

function CreateDelegationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const admin = isAdministrator(me);
  const describe = useErrorText();
  const notify = useNotify();
  const create = useCreateDelegation();
  const staff = useUsers({ organizationId: me.organizationId, limit: 500, offset: 0 }, admin);
  const today = vietnamDate();

  const [fromUserId, setFromUserId] = useState(me.user.id);
  const [toUserId, setToUserId] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [validFrom, setValidFrom] = useState(today);
  const [validTo, setValidTo] = useState(addDays(today, 7));
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const delegable = useDelegableRoles(fromUserId);

  const people = (staff.data?.items ?? [])
    .filter((u) => u.status === 'active')
    .map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }));
  const errors = {
    to: !UUID_PATTERN.test(toUserId.trim()) || toUserId.trim() === fromUserId,
    roles: roles.length === 0,
    dates: !isIsoDate(validFrom) || !isIsoDate(validTo) || validTo < validFrom,
    reason: !reason.trim(),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    create.mutate(
      {
        fromUserId: fromUserId === me.user.id ? undefined : fromUserId,
        toUserId: toUserId.trim(),
        roles,
        validFrom,
        validTo,
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          notify.success(t('delegations.created'));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {describe(create.error)}
          </Alert>
        )}
        {admin ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('delegations.from')}
              data={people}
              value={fromUserId}
              onChange={(value) => {
                setFromUserId(value ?? me.user.id);
                setRoles([]);
              }}
              allowDeselect={false}
              searchable
              nothingFoundMessage={t('common.nothingFound')}
            />
            <Select
              label={t('delegations.to')}
              required
              data={people.filter((p) => p.value !== fromUserId)}
              value={toUserId || null}
              onChange={(value) => setToUserId(value ?? '')}
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              error={submitted && errors.to ? t('common.required') : undefined}
            />
          </SimpleGrid>
        ) : (
          <>
            <Text size="sm">
              {t('delegations.from')}: <strong>{me.user.fullName}</strong>
            </Text>
            <TextInput
              label={t('delegations.toUserId')}
              description={t('delegations.toUserIdHint')}
              required
              value={toUserId}
              onChange={(e) => setToUserId(e.currentTarget.value)}
              error={submitted && errors.to ? t('common.invalidFormat') : undefined}
              data-autofocus
            />
          </>
        )}
        {delegable.length === 0 ? (
          <Alert color="yellow" variant="light">
            {t('delegations.noRoles')}
          </Alert>
        ) : (
          <RoleMultiSelect
            label={t('delegations.roles')}
            value={roles}
            onChange={setRoles}
            allowed={delegable}
            error={submitted && errors.roles ? t('common.required') : undefined}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('delegations.validFrom')}
            required
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value)}
            error={submitted && !isIsoDate(validFrom) ? t('common.invalidDate') : undefined}
          />
          <TextInput
            type="date"
            label={t('delegations.validTo')}
            required
            value={validTo}
            onChange={(e) => setValidTo(e.currentTarget.value)}
            error={submitted && errors.dates ? t('common.invalidDateRange') : undefined}
          />
        </SimpleGrid>
        <Textarea
          label={t('delegations.reason')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={submitted && errors.reason ? t('common.required') : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={delegable.length === 0}>
            {t('delegations.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
