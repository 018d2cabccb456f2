/**
 * Who may do what with organisations, units and positions.
 * - Every signed-in official may read the organisation directory (it is public administrative data).
 * - Only a system administrator records organisations and their mergers and splits.
 * - A system administrator, or an organisation administrator of that organisation, manages its units
 *   and positions.
 */
import { hasRole, isSystemAdmin, type Actor } from '../../platform/authz.ts';

export const orgPolicy = {
  canReadDirectory: (_actor: Actor) => true,
  canManageOrganizations: (actor: Actor) => isSystemAdmin(actor),
  canManageStructureOf: (actor: Actor, organizationId: string) =>
    isSystemAdmin(actor) || (hasRole(actor, 'org_admin') && actor.organizationId === organizationId),
};
