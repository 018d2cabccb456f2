/** The user's menu: who is signed in, change password, log out. */
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { KeyIcon, LogoutIcon } from '../components/icons';
import { useLogout, useRequiredMe } from '../features/auth/auth.queries';
import { activeMembership } from '../features/auth/permissions';
import { ChangePasswordModal } from './ChangePasswordModal';

function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const last = words.at(-1) ?? '';
  const first = words.length > 1 ? (words[0] ?? '') : '';
  return `${first.charAt(0)}${last.charAt(0)}`.toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const membership = activeMembership(me);

  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={me.user.fullName} p={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Group gap={8} wrap="nowrap">
              <Avatar color="blue" radius="xl" size={32}>
                {initials(me.user.fullName)}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="md" maw={180} truncate>
                {me.user.fullName}
              </Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="dark">
              {me.user.fullName}
            </Text>
            <Text size="xs" c="dimmed">
              {me.user.username}
              {membership ? ` · ${membership.organizationShortName || membership.organizationName}` : ''}
            </Text>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item leftSection={<KeyIcon size={16} />} onClick={passwordModal.open}>
            {t('auth.changePassword')}
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<LogoutIcon size={16} />}
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
          >
            {t('auth.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </>
  );
}
