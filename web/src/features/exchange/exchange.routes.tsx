/** The route of the exchange console (clerks, organisation administrators, system administrators). */
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/RequireAuth';
import { canUseExchangeConsole } from '../auth/permissions';

export const exchangeRoutes: RouteObject[] = [
  {
    element: <RequireRole allow={canUseExchangeConsole} />,
    children: [
      {
        path: 'exchange',
        lazy: async () => ({ Component: (await import('./ExchangePage')).ExchangePage }),
      },
    ],
  },
];
