/** Change your own password. The server ends every other session of yours. */
import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../components/FormActions';
import { FormError } from '../components/FormError';
import { useChangePassword } from '../features/auth/auth.queries';
import { useNotify } from '../lib/useNotify';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && confirm !== newPassword;
  const toggleLabel = { 'aria-label': t('auth.togglePasswordVisibility') };

  const close = () => {
    setCurrent('');
    setNew('');
    setConfirm('');
    change.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || !currentPassword || !newPassword) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notify.success(t('auth.passwordChanged'));
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('auth.changePassword')} centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <FormError error={change.error} />
          <PasswordInput
            label={t('auth.currentPassword')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            visibilityToggleButtonProps={toggleLabel}
            data-autofocus
          />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            visibilityToggleButtonProps={toggleLabel}
          />
          <PasswordInput
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t('auth.passwordMismatch') : undefined}
            visibilityToggleButtonProps={toggleLabel}
          />
          <FormActions
            onCancel={close}
            loading={change.isPending}
            disabled={mismatch || !currentPassword || !newPassword}
          >
            {t('common.save')}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
