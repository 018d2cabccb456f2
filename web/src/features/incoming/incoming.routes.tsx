/**
 * The E-office routes of incoming documents: /e-office opens the inbox; pages load on first visit.
 * Registering a document from a scan is for clerks (others get the 403 page).
 */
import { Navigate, type RouteObject } from 'react-router';
import type { Me } from '../../api/types';
import { hasRole } from '../auth/permissions';
import { RequireRole } from '../auth/RequireAuth';

const isClerk = (me: Me) => hasRole(me, 'clerk');

export const incomingRoutes: RouteObject[] = [
  { path: 'e-office', element: <Navigate to="/e-office/incoming" replace /> },
  {
    path: 'e-office/incoming',
    lazy: async () => ({ Component: (await import('./IncomingListPage')).IncomingListPage }),
  },
  {
    element: <RequireRole allow={isClerk} />,
    children: [
      {
        path: 'e-office/incoming/new',
        lazy: async () => ({ Component: (await import('./RegisterIncomingPage')).RegisterIncomingPage }),
      },
    ],
  },
  {
    path: 'e-office/incoming/:id',
    lazy: async () => ({ Component: (await import('./IncomingDetailPage')).IncomingDetailPage }),
  },
  {
    path: 'e-office/registers',
    lazy: async () => ({ Component: (await import('./RegistersPage')).RegistersPage }),
  },
];
