/**
 * The E-office routes of outgoing documents: the lists, the register book export, the draft form (new and
 * edit) and one document.
 */
import type { RouteObject } from 'react-router';

export const outgoingRoutes: RouteObject[] = [
  {
    path: 'e-office/outgoing',
    lazy: async () => ({ Component: (await import('./OutgoingListPage')).OutgoingListPage }),
  },
  {
    path: 'e-office/outgoing/register-book',
    lazy: async () => ({ Component: (await import('./OutgoingBookPage')).OutgoingBookPage }),
  },
  {
    path: 'e-office/outgoing/new',
    lazy: async () => ({ Component: (await import('./DraftFormPage')).NewDraftPage }),
  },
  {
    path: 'e-office/outgoing/:id/edit',
    lazy: async () => ({ Component: (await import('./DraftFormPage')).EditDraftPage }),
  },
  {
    path: 'e-office/outgoing/:id',
    lazy: async () => ({ Component: (await import('./OutgoingDetailPage')).OutgoingDetailPage }),
  },
];
