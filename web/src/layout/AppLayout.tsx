/** The signed-in shell: header, navigation (a drawer behind a burger on phones) and the page. */
import { AppShell } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';

/** Below this width the navigation collapses behind the burger. Matches Mantine's `sm` breakpoint. */
export const DESKTOP_QUERY = '(min-width: 48em)';

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const isDesktop = useMediaQuery(DESKTOP_QUERY, true, { getInitialValueInEffect: false }) ?? true;
  const { pathname } = useLocation();

  useEffect(() => close(), [pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 270, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <AppHeader navOpened={opened} onToggleNav={toggle} isDesktop={isDesktop} />
      </AppShell.Header>
      <AppShell.Navbar>
        <AppNavbar isDesktop={isDesktop} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
