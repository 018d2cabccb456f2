/**
 * Every route of the app. Signed-in pages sit inside the shell; admin pages sit behind role guards and are
 * loaded on first visit (code splitting keeps the login page small).
 */
import type { RouteObject } from 'react-router';
import { FullPageLoader } from './components/FullPageLoader';
import { NotFoundPage } from './components/NotFoundPage';
import { RouteErrorPage } from './components/RouteErrorPage';
import { LoginPage } from './features/auth/LoginPage';
import { canManageApprovalTemplates, isAdministrator, isSystemAdmin } from './features/auth/permissions';
import { RedirectIfSignedIn, RequireAuth, RequireRole } from './features/auth/RequireAuth';
import { exchangeRoutes } from './features/exchange/exchange.routes';
import { HomePage } from './features/home/HomePage';
import { incomingRoutes } from './features/incoming/incoming.routes';
import { outgoingRoutes } from './features/outgoing/outgoing.routes';
import { signatureRoutes } from './features/signatures/signatures.routes';
import { SystemPage } from './features/systems/SystemPage';
import { SYSTEMS } from './features/systems/systems';
import { AppLayout } from './layout/AppLayout';

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      {
        path: '/login',
        element: (
          <RedirectIfSignedIn>
            <LoginPage />
          </RedirectIfSignedIn>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              ...SYSTEMS.filter((system) => !system.available).map((system) => ({
                path: system.path.slice(1),
                element: <SystemPage system={system} />,
              })),
              ...incomingRoutes,
              ...outgoingRoutes,
              ...signatureRoutes,
              ...exchangeRoutes,
              {
                path: 'e-office/supervision',
                lazy: async () => ({
                  Component: (await import('./features/supervision/SupervisionPage')).SupervisionPage,
                }),
              },
              {
                path: 'admin/organizations',
                lazy: async () => ({
                  Component: (await import('./features/organizations/OrganizationsPage')).OrganizationsPage,
                }),
              },
              {
                path: 'delegations',
                lazy: async () => ({
                  Component: (await import('./features/delegations/DelegationsPage')).DelegationsPage,
                }),
              },
              {
                element: <RequireRole allow={isAdministrator} />,
                children: [
                  {
                    path: 'admin/users',
                    lazy: async () => ({ Component: (await import('./features/users/UsersPage')).UsersPage }),
                  },
                  {
                    path: 'admin/users/:id',
                    lazy: async () => ({ Component: (await import('./features/users/UserDetailPage')).UserDetailPage }),
                  },
                  {
                    path: 'admin/roles',
                    lazy: async () => ({ Component: (await import('./features/roles/RolesPage')).RolesPage }),
                  },
                  {
                    path: 'admin/audit',
                    lazy: async () => ({ Component: (await import('./features/audit/AuditPage')).AuditPage }),
                  },
                ],
              },
              {
                element: <RequireRole allow={canManageApprovalTemplates} />,
                children: [
                  {
                    path: 'admin/approval-templates',
                    lazy: async () => ({
                      Component: (await import('./features/approvals/ApprovalTemplatesPage')).ApprovalTemplatesPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole allow={isSystemAdmin} />,
                children: [
                  {
                    path: 'admin/jobs',
                    lazy: async () => ({ Component: (await import('./features/jobs/FailedJobsPage')).FailedJobsPage }),
                  },
                  {
                    path: 'admin/calendar',
                    lazy: async () => ({ Component: (await import('./features/calendar/CalendarPage')).CalendarPage }),
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
