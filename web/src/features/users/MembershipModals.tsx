/** Add a membership, change its unit/position/roles, or end it on a date. */
import { Checkbox, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDetail } from '../../api/types';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { isIsoDate, vietnamDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { useRequiredMe } from '../auth/auth.queries';
import { defaultMembershipValues, MembershipFields, type MembershipValues } from './MembershipFields';
import { useAddMembership, useUpdateMembership } from './users.queries';

type UserMembership = UserDetail['memberships'][number];

export function AddMembershipModal({
  userId,
  opened,
  onClose,
}: {
  userId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.addMembership')} size="lg">
      {opened && <AddMembershipForm userId={userId} onDone={onClose} />}
    </Modal>
  );
}

function AddMembershipForm({ userId, onDone }: { userId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const notify = useNotify();
  const add = useAddMembership(userId);
  const [values, setValues] = useState<MembershipValues>(defaultMembershipValues(me.organizationId));
  const [validFrom, setValidFrom] = useState(vietnamDate());
  const [isPrimary, setIsPrimary] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!values.organizationId || values.roles.length === 0 || !isIsoDate(validFrom)) return;
    add.mutate(
      { ...values, organizationId: values.organizationId, validFrom, isPrimary },
      {
        onSuccess: () => {
          notify.success(t('users.membershipAdded'));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={add.error} />
        <MembershipFields
          values={values}
          onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
          rolesError={submitted && values.roles.length === 0 ? t('common.required') : undefined}
        />
        <TextInput
          type="date"
          label={t('orgs.fields.validFrom')}
          required
          value={validFrom}
          onChange={(e) => setValidFrom(e.currentTarget.value)}
          error={submitted && !isIsoDate(validFrom) ? t('common.invalidDate') : undefined}
        />
        <Checkbox
          label={t('users.isPrimary')}
          checked={isPrimary}
          onChange={(e) => setIsPrimary(e.currentTarget.checked)}
        />
        <FormActions onCancel={onDone} loading={add.isPending}>
          {t('common.add')}
        </FormActions>
      </Stack>
    </form>
  );
}

export function EditMembershipModal({ membership, onClose }: { membership?: UserMembership; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={membership !== undefined} onClose={onClose} title={t('users.editMembership')} size="lg">
      {membership && <EditMembershipForm key={membership.id} membership={membership} onDone={onClose} />}
    </Modal>
  );
}

function EditMembershipForm({ membership, onDone }: { membership: UserMembership; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateMembership();
  const [values, setValues] = useState<MembershipValues>({
    organizationId: membership.organizationId,
    unitId: membership.unitId,
    positionId: membership.positionId,
    roles: membership.roles,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.roles.length === 0) return;
    update.mutate(
      {
        id: membership.id,
        body: {
          version: membership.version,
          unitId: values.unitId,
          positionId: values.positionId,
          roles: values.roles,
        },
      },
      {
        onSuccess: () => {
          notify.success(t('users.membershipUpdated'));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fw={500}>{membership.organizationName}</Text>
        <FormError error={update.error} />
        <MembershipFields
          values={values}
          onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
          fixedOrganization
          rolesError={values.roles.length === 0 ? t('common.required') : undefined}
        />
        <FormActions onCancel={onDone} loading={update.isPending}>
          {t('common.save')}
        </FormActions>
      </Stack>
    </form>
  );
}

export function EndMembershipModal({ membership, onClose }: { membership?: UserMembership; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={membership !== undefined}
      onClose={onClose}
      title={membership ? t('users.endMembershipAt', { organization: membership.organizationName }) : ''}
    >
      {membership && <EndMembershipForm key={membership.id} membership={membership} onDone={onClose} />}
    </Modal>
  );
}

function EndMembershipForm({ membership, onDone }: { membership: UserMembership; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateMembership();
  const [validTo, setValidTo] = useState(vietnamDate());
  const invalid = !isIsoDate(validTo) || validTo < membership.validFrom;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    update.mutate(
      { id: membership.id, body: { version: membership.version, validTo } },
      {
        onSuccess: () => {
          notify.success(t('users.membershipEnded'));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={update.error} />
        <TextInput
          type="date"
          label={t('users.endDate')}
          description={t('users.endDateHint')}
          required
          value={validTo}
          onChange={(e) => setValidTo(e.currentTarget.value)}
          error={invalid ? t('common.invalidDate') : undefined}
          data-autofocus
        />
        <FormActions onCancel={onDone} loading={update.isPending}>
          {t('users.endMembership')}
        </FormActions>
      </Stack>
    </form>
  );
}
