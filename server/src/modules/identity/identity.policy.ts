/**
 * Who may see and manage people.
 * - A system administrator: everyone.
 * - An organisation administrator: the people who hold a membership in their organisation, and only
 *   memberships and delegations in that organisation; never the system administrator role.
 * - Everyone: themselves, and delegations they give or receive.
 */
import { hasRole, isSystemAdmin, type Actor, type Role } from '../../platform/authz.ts';

export const identityPolicy = {
  /** Organisations whose people the actor administers; undefined = all (system administrator). */
  administeredOrganizations(actor: Actor): readonly string[] | undefined {
    if (isSystemAdmin(actor)) return undefined;
    return hasRole(actor, 'org_admin') ? [actor.organizationId] : [];
  },
  canAdministerPeopleOf(actor: Actor, organizationId: string): boolean {
    return isSystemAdmin(actor) || (hasRole(actor, 'org_admin') && actor.organizationId === organizationId);
  },
  canGrantRoles(actor: Actor, roles: readonly Role[]): boolean {
    return isSystemAdmin(actor) || !roles.includes('system_admin');
  },
  canListPeople(actor: Actor): boolean {
    return isSystemAdmin(actor) || hasRole(actor, 'org_admin');
  },
};
