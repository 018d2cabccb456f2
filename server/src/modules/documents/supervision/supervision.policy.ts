/**
 * Who supervises whose handling of incoming documents (theo dõi, đôn đốc — Decree 30/2020 Điều 24):
 * the organisation's leader supervises every unit and person of the organisation; a unit head their own
 * unit and its people; anyone else only the documents they lead themselves. The scope is applied in SQL
 * (supervision.repository.ts), on top of what the person may see at all (`visibleTo`).
 */
import { hasRole, type Actor } from '../../../platform/authz.ts';

export type SupervisionScope =
  | { readonly kind: 'organization' }
  | { readonly kind: 'unit'; readonly unitId: string }
  | { readonly kind: 'self'; readonly userId: string };

/** A unit or person filter: an id, or 'none' (no unit / not yet given to a person). */
export type KeyFilter = string | 'none';

export function supervisionScopeOf(actor: Actor): SupervisionScope {
  if (hasRole(actor, 'leader')) return { kind: 'organization' };
  if (hasRole(actor, 'unit_head') && actor.unitId !== null) return { kind: 'unit', unitId: actor.unitId };
  return { kind: 'self', userId: actor.userId };
}

export const supervisionPolicy = {
  /** A unit head asks about their own unit only; the leader about any; others narrow their own documents. */
  canFilterUnit: (scope: SupervisionScope, unitId: KeyFilter) => scope.kind !== 'unit' || unitId === scope.unitId,

  /** A specialist asks about themselves only; the leader and a unit head about anyone within their scope. */
  canFilterUser: (scope: SupervisionScope, userId: KeyFilter) => scope.kind !== 'self' || userId === scope.userId,
};
