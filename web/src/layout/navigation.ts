/** The administration menu: who sees which entry. Delegations are for everyone (people delegate their own roles). */
import type { ComponentType } from 'react';
import type { Me } from '../api/types';
import {
  AlertIcon,
  BuildingIcon,
  CalendarIcon,
  HandshakeIcon,
  ListIcon,
  ShieldIcon,
  SignatureIcon,
  UsersIcon,
} from '../components/icons';
import { canManageApprovalTemplates, isAdministrator, isSystemAdmin } from '../features/auth/permissions';

export type AdminEntryKey =
  'organizations' | 'users' | 'roles' | 'approvalTemplates' | 'delegations' | 'audit' | 'jobs' | 'calendar';

export interface AdminEntry {
  readonly key: AdminEntryKey;
  readonly path: string;
  readonly icon: ComponentType<{ size?: number }>;
  readonly visibleTo: (me: Me) => boolean;
}

const everyone = () => true;

export const ADMIN_ENTRIES: readonly AdminEntry[] = [
  { key: 'organizations', path: '/admin/organizations', icon: BuildingIcon, visibleTo: isAdministrator },
  { key: 'users', path: '/admin/users', icon: UsersIcon, visibleTo: isAdministrator },
  { key: 'roles', path: '/admin/roles', icon: ShieldIcon, visibleTo: isAdministrator },
  {
    key: 'approvalTemplates',
    path: '/admin/approval-templates',
    icon: SignatureIcon,
    visibleTo: canManageApprovalTemplates,
  },
  { key: 'delegations', path: '/delegations', icon: HandshakeIcon, visibleTo: everyone },
  { key: 'audit', path: '/admin/audit', icon: ListIcon, visibleTo: isAdministrator },
  { key: 'jobs', path: '/admin/jobs', icon: AlertIcon, visibleTo: isSystemAdmin },
  { key: 'calendar', path: '/admin/calendar', icon: CalendarIcon, visibleTo: isSystemAdmin },
];
