/** An administrator sets a person's password; that person's sessions end. */
import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDetail } from '../../api/types';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../lib/useNotify';
import { useSetUserPassword } from './users.queries';

interface SetPasswordModalProps {
  user: UserDetail;
  opened: boolean;
  onClose: () => void;
}

export function SetPasswordModal({ user, opened, onClose }: SetPasswordModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.setPasswordFor', { name: user.fullName })}>
      {opened && <SetPasswordForm user={user} onDone={onClose} />}
    </Modal>
  );
}

function SetPasswordForm({ user, onDone }: { user: UserDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const setPassword = useSetUserPassword(user.id);
  const [password, setValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && confirm !== password;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password || mismatch) return;
    setPassword.mutate(password, {
      onSuccess: () => {
        notify.success(t('users.passwordSet'));
        onDone();
      },
    });
  };

  const toggle = { 'aria-label': t('auth.togglePasswordVisibility') };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <FormError error={setPassword.error} />
        <PasswordInput
          label={t('auth.newPassword')}
          description={t('auth.passwordHint')}
          required
          autoComplete="new-password"
          value={password}
          onChange={(e) => setValue(e.currentTarget.value)}
          visibilityToggleButtonProps={toggle}
          data-autofocus
        />
        <PasswordInput
          label={t('auth.confirmPassword')}
          required
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={mismatch ? t('auth.passwordMismatch') : undefined}
          visibilityToggleButtonProps={toggle}
        />
        <FormActions onCancel={onDone} loading={setPassword.isPending} disabled={!password || mismatch}>
          {t('common.save')}
        </FormActions>
      </Stack>
    </form>
  );
}
