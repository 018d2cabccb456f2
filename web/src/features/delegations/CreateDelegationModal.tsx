/**
 * Ủy quyền cho đồng nghiệp: roles you hold in the active organisation, to a colleague of the same
 * organisation (picked from the colleague directory), for a date range, with a reason. Administrators may
 * also pick the delegator from the same list.
 */
import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, Person, Role } from '../../api/types';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { ValidityFields, type Validity } from '../../components/ValidityFields';
import { addDays, validityErrors, vietnamDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { useRequiredMe } from '../auth/auth.queries';
import { activeMembership, isAdministrator, ownRoles } from '../auth/permissions';
import { PersonSelect } from '../people/PersonSelect';
import { RoleMultiSelect } from '../roles/RoleMultiSelect';
import { useCreateDelegation } from './delegations.queries';

export function CreateDelegationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('delegations.create')} size="lg">
      {opened && <CreateDelegationForm onDone={onClose} />}
    </Modal>
  );
}

/** The signed-in user as a colleague, with the roles of their active membership. */
function asPerson(me: Me): Person {
  const membership = activeMembership(me);
  return {
    id: me.user.id,
    fullName: me.user.fullName,
    username: me.user.username,
    unitId: membership?.unitId ?? null,
    unitName: membership?.unitName ?? null,
    positionName: membership?.positionName ?? null,
    roles: ownRoles(me),
  };
}

function CreateDelegationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const admin = isAdministrator(me);
  const notify = useNotify();
  const create = useCreateDelegation();
  const today = vietnamDate();

  const [from, setFrom] = useState<Person>(() => asPerson(me));
  const [to, setTo] = useState<Person | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [validity, setValidity] = useState<Validity>({ validFrom: today, validTo: addDays(today, 7) });
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  // Roles the delegator holds today in the active organisation; system_admin cannot be delegated.
  const delegable = from.roles.filter((role) => role !== 'system_admin');

  const errors = {
    to: to === null || to.id === from.id,
    roles: roles.length === 0,
    dates: Object.keys(validityErrors(validity.validFrom, validity.validTo, { toRequired: true })).length > 0,
    reason: !reason.trim(),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean) || to === null) return;
    create.mutate(
      {
        fromUserId: from.id === me.user.id ? undefined : from.id,
        toUserId: to.id,
        roles,
        ...validity,
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
        <FormError error={create.error} />
        {admin ? (
          <PersonSelect
            label={t('delegations.from')}
            required
            value={from}
            onChange={(person) => {
              setFrom(person ?? asPerson(me));
              setRoles([]);
              if (person && person.id === to?.id) setTo(null);
            }}
            allowDeselect={false}
          />
        ) : (
          <Text size="sm">
            {t('delegations.from')}: <strong>{me.user.fullName}</strong>
          </Text>
        )}
        <PersonSelect
          label={t('delegations.to')}
          required
          value={to}
          onChange={setTo}
          excludeId={from.id}
          error={submitted && errors.to ? t('common.required') : undefined}
        />
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
        <ValidityFields
          {...validity}
          onChange={(patch) => setValidity((previous) => ({ ...previous, ...patch }))}
          showErrors={submitted}
          toRequired
          fromLabel={t('delegations.validFrom')}
          toLabel={t('delegations.validTo')}
        />
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
        <FormActions onCancel={onDone} loading={create.isPending} disabled={delegable.length === 0}>
          {t('delegations.create')}
        </FormActions>
      </Stack>
    </form>
  );
}
