/**
 * The E-office menu (Văn bản đến/đi): the inbox views of incoming documents, the register books and the
 * supervision screen, and who sees which entry. The server decides for real; these only hide what would be
 * empty or refused anyway.
 */
import type { Me } from '../../api/types';
import { hasRole } from '../auth/permissions';
import type { OutgoingView } from '../outgoing/outgoing.types';
import type { IncomingView } from './incoming.types';

export type EOfficeEntryKey = IncomingView | 'registers' | 'supervision' | `outgoing_${OutgoingView}` | 'outgoing_book';

export interface EOfficeEntry {
  /** Also the label's key: `incoming.nav.<key>` (unless `label` says otherwise). */
  readonly key: EOfficeEntryKey;
  /** The label's i18n key when it is not `incoming.nav.<key>`. */
  readonly label?: string;
  readonly path: string;
  /** The inbox view the entry opens (its count badge comes from /counts). */
  readonly view?: IncomingView;
  readonly visibleTo: (me: Me) => boolean;
}

const everyone = () => true;
const isClerk = (me: Me) => hasRole(me, 'clerk');

function viewEntry(view: IncomingView, visibleTo: (me: Me) => boolean = everyone): EOfficeEntry {
  return { key: view, path: `/e-office/incoming?view=${view}`, view, visibleTo };
}

function outgoingEntry(view: OutgoingView): EOfficeEntry {
  return {
    key: `outgoing_${view}`,
    label: `outgoing.nav.${view}`,
    path: `/e-office/outgoing?view=${view}`,
    visibleTo: everyone,
  };
}

export const E_OFFICE_ENTRIES: readonly EOfficeEntry[] = [
  viewEntry('to_register', isClerk),
  viewEntry('to_process'),
  viewEntry('in_progress'),
  viewEntry('due_soon'),
  viewEntry('overdue'),
  viewEntry('for_info'),
  viewEntry('done'),
  viewEntry('all'),
  outgoingEntry('mine'),
  outgoingEntry('to_review'),
  outgoingEntry('all'),
  {
    key: 'outgoing_book',
    label: 'outgoing.nav.book',
    path: '/e-office/outgoing/register-book',
    visibleTo: (me) => hasRole(me, 'clerk', 'leader', 'org_admin'),
  },
  { key: 'registers', path: '/e-office/registers', visibleTo: (me) => hasRole(me, 'clerk', 'org_admin', 'leader') },
  {
    key: 'supervision',
    path: '/e-office/supervision',
    visibleTo: (me) => hasRole(me, 'leader', 'unit_head', 'specialist'),
  },
];

/** The view the E-office system opens on. */
export const DEFAULT_VIEW: IncomingView = 'to_process';
