/** Name and e-mail of a person, enable/disable the account, and set a new password. */
import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDetail } from '../../api/types';
import { FormError } from '../../components/FormError';
import { KeyIcon } from '../../components/icons';
import { formatDateTime } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { SetPasswordModal } from './SetPasswordModal';
import { useUpdateUser } from './users.queries';

export function UserProfileCard({ user, onReload }: { user: UserDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateUser(user.id);
  const [fullName, setFullName] = useState(user.fullName);
  const [email, setEmail] = useState(user.email ?? '');
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const changed = fullName.trim() !== user.fullName || (email.trim() || null) !== user.email;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!fullName.trim() || !changed) return;
    update.mutate(
      { version: user.version, fullName: fullName.trim(), email: email.trim() || null },
      { onSuccess: () => notify.success(t('common.saved')) },
    );
  };

  const toggleStatus = () => {
    const status = user.status === 'active' ? 'disabled' : 'active';
    update.mutate(
      { version: user.version, status },
      { onSuccess: () => notify.success(t(status === 'active' ? 'users.enabledDone' : 'users.disabledDone')) },
    );
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('users.profile')}
      </Title>
      <form onSubmit={save}>
        <Stack gap="sm">
          <FormError error={update.error} onReload={onReload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('users.fullName')}
              required
              value={fullName}
              onChange={(e) => setFullName(e.currentTarget.value)}
            />
            <TextInput
              type="email"
              label={t('users.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('users.createdAt')}: {formatDateTime(user.createdAt)} · {t('common.version')}: {user.version}
          </Text>
          <Group justify="space-between" gap="xs">
            <Group gap="xs">
              <Button
                variant="light"
                color={user.status === 'active' ? 'red' : 'green'}
                onClick={toggleStatus}
                loading={update.isPending && !changed}
              >
                {user.status === 'active' ? t('users.disable') : t('users.enable')}
              </Button>
              <Button variant="light" leftSection={<KeyIcon size={16} />} onClick={passwordModal.open}>
                {t('users.setPassword')}
              </Button>
            </Group>
            <Button type="submit" disabled={!changed || !fullName.trim()} loading={update.isPending && changed}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <SetPasswordModal user={user} opened={passwordOpened} onClose={passwordModal.close} />
    </Paper>
  );
}
