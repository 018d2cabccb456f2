/** Navigation: home, the seven business systems, and administration (what the user may use). */
import { AppShell, Divider, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Fragment, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { HomeIcon } from '../components/icons';
import { useRequiredMe } from '../features/auth/auth.queries';
import { isAdministrator } from '../features/auth/permissions';
import { EOfficeNav, EOfficeNavBadge, useEOfficeWaitingText } from '../features/incoming/EOfficeNav';
import { SYSTEMS } from '../features/systems/systems';
import { ADMIN_ENTRIES } from './navigation';
import { OrgSwitcher } from './OrgSwitcher';

interface NavItemProps {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number }>;
  exact?: boolean;
  /** Shown after the label (a count badge); the link's name stays the label, the badge only describes it. */
  rightSection?: ReactNode;
  description?: string;
}

function NavItem({ to, label, icon: Icon, exact = false, rightSection, description }: NavItemProps) {
  const { pathname } = useLocation();
  const active = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={<Icon size={18} />}
      rightSection={rightSection}
      aria-label={rightSection ? label : undefined}
      aria-description={description}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

/** A labelled group of links (the label is a caption, not a page heading). */
function NavSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div role="group" aria-labelledby={id}>
      <Text id={id} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
        {title}
      </Text>
      <Stack gap={2}>{children}</Stack>
    </div>
  );
}

export function AppNavbar({ isDesktop }: { isDesktop: boolean }) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const adminEntries = ADMIN_ENTRIES.filter((entry) => entry.visibleTo(me));
  const admin = isAdministrator(me);
  const eOfficeWaiting = useEOfficeWaitingText();

  return (
    <>
      {!isDesktop && me.memberships.length > 1 && (
        <AppShell.Section p="sm" pb={0}>
          <OrgSwitcher variant="navbar" />
          <Divider mt="sm" />
        </AppShell.Section>
      )}
      <AppShell.Section grow component={ScrollArea} px="xs" py="xs">
        <nav aria-label={t('nav.main')}>
          <Stack gap={2}>
            <NavItem to="/" label={t('nav.home')} icon={HomeIcon} exact />
            <NavSection id="nav-systems" title={t('nav.systems')}>
              {SYSTEMS.filter((system) => system.visibleTo?.(me) ?? true).map((system) => (
                <Fragment key={system.key}>
                  <NavItem
                    to={system.path}
                    label={t(`systems.${system.key}.name`)}
                    icon={system.icon}
                    rightSection={system.key === 'eOffice' ? <EOfficeNavBadge /> : undefined}
                    description={system.key === 'eOffice' ? eOfficeWaiting : undefined}
                  />
                  {system.key === 'eOffice' && <EOfficeNav />}
                </Fragment>
              ))}
            </NavSection>
            <NavSection id="nav-admin" title={admin ? t('nav.admin') : t('nav.personal')}>
              {adminEntries.map((entry) => (
                <NavItem key={entry.key} to={entry.path} label={t(`nav.${entry.key}`)} icon={entry.icon} />
              ))}
            </NavSection>
          </Stack>
        </nav>
      </AppShell.Section>
    </>
  );
}
