/** Route guards: the signed-in part of the app, pages for some roles only, and the login page itself. */
import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Me } from '../../api/types';
import { ForbiddenPage } from '../../components/ForbiddenPage';
import { FullPageLoader } from '../../components/FullPageLoader';
import { QueryError } from '../../components/QueryError';
import { useMe, useRequiredMe } from './auth.queries';

export interface LoginLocationState {
  from?: string;
}

/** Where to go after logging in: back to the page that sent the user to the login page, or home. */
export function redirectTarget(state: unknown): string {
  const from = (state as LoginLocationState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
}

/** Renders the child routes for a signed-in user; otherwise sends them to the login page and back after. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <Center p="md" mih="60vh">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  if (!me.data) {
    const state: LoginLocationState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return children ?? <Outlet />;
}

/** Shows the child routes only to users the rule allows (the menu hides them too); others get a 403 page. */
export function RequireRole({ allow }: { allow: (me: Me) => boolean }) {
  const me = useRequiredMe();
  return allow(me) ? <Outlet /> : <ForbiddenPage />;
}

/**
 * The login page is for signed-out users. Once signed in (now, or already), the user goes back to the
 * page that sent them here, or home.
 */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.data) return <Navigate to={redirectTarget(location.state)} replace />;
  if (me.isPending) return <FullPageLoader />;
  return children;
}
