/** Create a person with a first membership: in the admin's organisation, or any for a system administrator. */
import { Modal, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../lib/useNotify';
import { useRequiredMe } from '../auth/auth.queries';
import { defaultMembershipValues, MembershipFields, type MembershipValues } from './MembershipFields';
import { useCreateUser } from './users.queries';

const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{3,60}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.add')} size="lg">
      {opened && <CreateUserForm onDone={onClose} />}
    </Modal>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const notify = useNotify();
  const navigate = useNavigate();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [membership, setMembership] = useState<MembershipValues>(defaultMembershipValues(me.organizationId));
  const [submitted, setSubmitted] = useState(false);

  const errors = {
    username: !USERNAME_PATTERN.test(username),
    fullName: !fullName.trim(),
    email: email.trim() !== '' && !EMAIL_PATTERN.test(email.trim()),
    password: password.length === 0,
    organization: !membership.organizationId,
    roles: membership.roles.length === 0,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean) || !membership.organizationId) return;
    create.mutate(
      {
        username,
        fullName: fullName.trim(),
        email: email.trim() || null,
        password,
        membership: {
          organizationId: membership.organizationId,
          unitId: membership.unitId,
          positionId: membership.positionId,
          roles: membership.roles,
        },
      },
      {
        onSuccess: (user) => {
          notify.success(t('users.created', { username: user.username }));
          onDone();
          void navigate(`/admin/users/${user.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={create.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('users.username')}
            description={t('users.usernameHint')}
            required
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value.trim())}
            error={submitted && errors.username ? t('common.invalidFormat') : undefined}
            data-autofocus
          />
          <TextInput
            label={t('users.fullName')}
            required
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={submitted && errors.fullName ? t('common.required') : undefined}
          />
          <TextInput
            type="email"
            label={t('users.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={submitted && errors.email ? t('common.invalidFormat') : undefined}
          />
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('auth.passwordHint')}
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={submitted && errors.password ? t('common.required') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePasswordVisibility') }}
          />
        </SimpleGrid>
        <MembershipFields
          values={membership}
          onChange={(patch) => setMembership((previous) => ({ ...previous, ...patch }))}
          rolesError={submitted && errors.roles ? t('common.required') : undefined}
        />
        <FormActions onCancel={onDone} loading={create.isPending}>
          {t('common.create')}
        </FormActions>
      </Stack>
    </form>
  );
}
