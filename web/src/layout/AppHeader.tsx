import { Burger, Group, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { useRequiredMe } from '../features/auth/auth.queries';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { OrgSwitcher } from './OrgSwitcher';
import { UserMenu } from './UserMenu';

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
  isDesktop: boolean;
}

/** EduGov, the organisation switcher (on wide screens), the language switch and the user menu. */
export function AppHeader({ navOpened, onToggleNav, isDesktop }: AppHeaderProps) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  return (
    <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="xs" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? t('nav.closeMenu') : t('nav.openMenu')}
          aria-expanded={navOpened}
        />
        <UnstyledButton component={Link} to="/" aria-label={t('nav.home')}>
          <Logo withTagline />
        </UnstyledButton>
      </Group>
      <Group gap="xs" wrap="nowrap">
        {isDesktop && me.memberships.length > 1 && <OrgSwitcher variant="header" />}
        <NotificationBell />
        <LanguageSwitch />
        <UserMenu />
      </Group>
    </Group>
  );
}
