import type { Selectable } from 'kysely';
import type { Role } from '../../platform/authz.ts';
import type { UsersTable } from './identity.tables.ts';

export function presentUser(u: Selectable<UsersTable>) {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    status: u.status,
    isDemo: u.is_demo,
    version: u.version,
    createdAt: new Date(u.created_at).toISOString(),
  };
}

export function presentMembership(m: {
  id: string;
  organization_id: string;
  organization_name: string;
  organization_short_name: string;
  unit_id: string | null;
  unit_name: string | null;
  position_id: string | null;
  position_name: string | null;
  roles: Role[];
  is_primary: boolean;
  valid_from: string;
  valid_to: string | null;
  version: number;
}) {
  return {
    id: m.id,
    organizationId: m.organization_id,
    organizationName: m.organization_name,
    organizationShortName: m.organization_short_name,
    unitId: m.unit_id,
    unitName: m.unit_name,
    positionId: m.position_id,
    positionName: m.position_name,
    roles: m.roles,
    isPrimary: m.is_primary,
    validFrom: m.valid_from,
    validTo: m.valid_to,
    version: m.version,
  };
}

export function presentDelegation(d: {
  id: string;
  organization_id: string;
  organization_name: string;
  from_user_id: string;
  from_name: string;
  to_user_id: string;
  to_name: string;
  roles: Role[];
  valid_from: string;
  valid_to: string;
  reason: string;
  revoked_at: Date | string | null;
  created_at: Date | string;
}) {
  return {
    id: d.id,
    organizationId: d.organization_id,
    organizationName: d.organization_name,
    fromUserId: d.from_user_id,
    fromName: d.from_name,
    toUserId: d.to_user_id,
    toName: d.to_name,
    roles: d.roles,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    reason: d.reason,
    revokedAt: d.revoked_at ? new Date(d.revoked_at).toISOString() : null,
    createdAt: new Date(d.created_at).toISOString(),
  };
}
