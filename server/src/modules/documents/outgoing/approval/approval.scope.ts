/**
 * Whose review steps are the actor's: steps given to them by name, steps given to a role they hold (for the
 * unit-head role: of a unit they head), and the steps of whoever delegated to them now (ủy quyền).
 * `actor.roles` already includes delegated roles; the units a delegated unit-head role covers are the
 * delegators' units.
 */
import { hasRole, type Actor, type Role } from '../../../../platform/authz.ts';
import type { DbOrTrx } from '../../../../platform/db/schema.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { findMemberUnitId } from '../../../identity/index.ts';

export interface ReviewerScope {
  readonly userId: string;
  readonly organizationId: string;
  readonly roles: ReadonlySet<Role>;
  /** Units the actor heads, or stands in for the head of by delegation. */
  readonly headedUnitIds: readonly string[];
  /** People who delegated to the actor now: the steps given to them by name are the actor's too. */
  readonly delegatorIds: readonly string[];
}

export async function resolveReviewerScope(db: DbOrTrx, actor: Actor, today = vietnamDate()): Promise<ReviewerScope> {
  const headed = new Set<string>();
  if (hasRole(actor, 'unit_head') && actor.unitId) headed.add(actor.unitId);
  for (const d of actor.delegations) {
    if (!d.roles.includes('unit_head')) continue;
    const unitId = await findMemberUnitId(db, d.fromUserId, actor.organizationId, today);
    if (unitId) headed.add(unitId);
  }
  return {
    userId: actor.userId,
    organizationId: actor.organizationId,
    roles: actor.roles,
    headedUnitIds: [...headed],
    delegatorIds: [...new Set(actor.delegations.map((d) => d.fromUserId))],
  };
}
