/**
 * What the signed-in user may see in the menu. The server decides for real (per record); these only
 * hide what would be refused anyway.
 */
import type { Me, Membership, Role } from '../../api/types';

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return roles.some((role) => me.roles.includes(role));
}

export function isSystemAdmin(me: Me): boolean {
  return hasRole(me, 'system_admin');
}

/** System or organisation administrator. */
export function isAdministrator(me: Me): boolean {
  return hasRole(me, 'system_admin', 'org_admin');
}

/** May define the organisation's approval routes of outgoing documents (its administrators and leaders). */
export function canManageApprovalTemplates(me: Me): boolean {
  return hasRole(me, 'org_admin', 'leader');
}

/** May use the exchange console (its organisation's messages; system administrators see all). */
export function canUseExchangeConsole(me: Me): boolean {
  return hasRole(me, 'system_admin', 'org_admin', 'clerk');
}

/** May add units and positions to this organisation. */
export function canManageStructureOf(me: Me, organizationId: string): boolean {
  return isSystemAdmin(me) || (hasRole(me, 'org_admin') && me.organizationId === organizationId);
}

export function activeMembership(me: Me): Membership | undefined {
  return me.memberships.find((m) => m.id === me.activeMembershipId);
}

/** Roles this person holds in the active organisation by their own membership (what they may delegate). */
export function ownRoles(me: Me): Role[] {
  return activeMembership(me)?.roles ?? [];
}
