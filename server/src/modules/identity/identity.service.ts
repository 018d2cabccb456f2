/** Use cases for people: users, memberships and delegations. Each owns its transaction and audit row. */
import { writeAudit } from '../../platform/audit/audit.ts';
import { authorize, isSystemAdmin, type Role } from '../../platform/authz.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { Db, DbOrTrx } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { vietnamDate } from '../../platform/time.ts';
import { findPositionById, findUnitById, getOrganizationById } from '../org/index.ts';
import { preparePassword, setPasswordHash } from './auth.service.ts';
import { identityPolicy } from './identity.policy.ts';
import * as repo from './identity.repository.ts';

/** A user the actor may see (themselves, or someone in an organisation they administer), or 404. */
export async function getVisibleUser(db: DbOrTrx, ctx: UseCaseContext, userId: string) {
  const user = await repo.findUserById(db, userId);
  const scope = identityPolicy.administeredOrganizations(ctx.actor);
  const visible =
    user !== undefined &&
    (user.id === ctx.actor.userId || scope === undefined || (await repo.userBelongsTo(db, user.id, scope)));
  if (!user || !visible) throw new AppError('record.not_found', { type: 'user', id: userId });
  return user;
}

export async function listUsers(
  db: Db,
  ctx: UseCaseContext,
  f: { organizationId?: string; q?: string; limit: number; offset: number },
) {
  authorize(identityPolicy.canListPeople(ctx.actor));
  return repo.findUsers(db, { ...f, organizationIds: identityPolicy.administeredOrganizations(ctx.actor) });
}

export interface MembershipInput {
  readonly organizationId: string;
  readonly unitId: string | null;
  readonly positionId: string | null;
  readonly roles: readonly Role[];
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly isPrimary: boolean;
}

async function checkMembership(db: DbOrTrx, ctx: UseCaseContext, m: MembershipInput) {
  authorize(identityPolicy.canAdministerPeopleOf(ctx.actor, m.organizationId));
  if (!identityPolicy.canGrantRoles(ctx.actor, m.roles)) {
    throw new AppError('identity.invalid_roles', { reason: 'only a system administrator grants system_admin' });
  }
  if (m.roles.length === 0) throw new AppError('identity.invalid_roles', { reason: 'at least one role' });
  if (m.validTo !== null && m.validTo < m.validFrom) throw new AppError('org.invalid_dates');
  await getOrganizationById(db, m.organizationId);
  if (m.unitId) {
    const unit = await findUnitById(db, m.unitId);
    if (!unit || unit.organization_id !== m.organizationId)
      throw new AppError('record.not_found', { type: 'unit', id: m.unitId });
  }
  if (m.positionId) {
    const position = await findPositionById(db, m.positionId);
    if (!position || position.organization_id !== m.organizationId) {
      throw new AppError('record.not_found', { type: 'position', id: m.positionId });
    }
  }
}

export async function createUser(
  db: Db,
  ctx: UseCaseContext,
  input: { username: string; fullName: string; email: string | null; password: string; membership: MembershipInput },
) {
  await checkMembership(db, ctx, input.membership);
  const passwordHash = await preparePassword(input.password, input.username);
  return db.transaction().execute(async (trx) => {
    if (await repo.findUserByUsername(trx, input.username)) throw new AppError('identity.username_taken');
    const user = await trx
      .insertInto('users')
      .values({ username: input.username, full_name: input.fullName, email: input.email, password_hash: passwordHash })
      .returningAll()
      .executeTakeFirstOrThrow();
    const m = input.membership;
    const membership = await trx
      .insertInto('memberships')
      .values({
        user_id: user.id,
        organization_id: m.organizationId,
        unit_id: m.unitId,
        position_id: m.positionId,
        roles: [...m.roles],
        is_primary: true,
        valid_from: m.validFrom,
        valid_to: m.validTo,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'identity.user_created',
      targetType: 'user',
      targetId: user.id,
      organizationId: m.organizationId,
      summary: { username: user.username, fullName: user.full_name, membershipId: membership.id, roles: m.roles },
    });
    return user;
  });
}

export async function updateUser(
  db: Db,
  ctx: UseCaseContext,
  id: string,
  version: number,
  patch: { fullName?: string; email?: string | null; status?: 'active' | 'disabled' },
) {
  const before = await getVisibleUser(db, ctx, id);
  authorize(identityPolicy.canListPeople(ctx.actor));
  if (patch.status === 'disabled' && id === ctx.actor.userId)
    throw new AppError('auth.forbidden', { reason: 'cannot disable yourself' });
  return db.transaction().execute(async (trx) => {
    const after = await trx
      .updateTable('users')
      .set({
        full_name: patch.fullName ?? before.full_name,
        email: patch.email !== undefined ? patch.email : before.email,
        status: patch.status ?? before.status,
        version: version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new AppError('record.conflict', { currentVersion: before.version });
    if (after.status === 'disabled') {
      await trx
        .updateTable('sessions')
        .set({ revoked_at: new Date() })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    await writeAudit(trx, ctx.audit, {
      action: 'identity.user_updated',
      targetType: 'user',
      targetId: id,
      summary: {
        before: { fullName: before.full_name, email: before.email, status: before.status },
        after: { fullName: after.full_name, email: after.email, status: after.status },
      },
    });
    return after;
  });
}

/** An administrator sets a new password for someone; all their sessions end. */
export async function resetPassword(db: Db, ctx: UseCaseContext, id: string, newPassword: string) {
  authorize(identityPolicy.canListPeople(ctx.actor));
  const user = await getVisibleUser(db, ctx, id);
  const passwordHash = await preparePassword(newPassword, user.username);
  await db.transaction().execute(async (trx) => {
    const { revokedSessions } = await setPasswordHash(
      trx,
      id,
      passwordHash,
      id === ctx.actor.userId ? ctx.actor.sessionId : null,
    );
    await writeAudit(trx, ctx.audit, {
      action: 'identity.password_reset',
      targetType: 'user',
      targetId: id,
      summary: { revokedSessions },
    });
  });
}

export async function addMembership(db: Db, ctx: UseCaseContext, userId: string, m: MembershipInput) {
  await getVisibleUser(db, ctx, userId);
  await checkMembership(db, ctx, m);
  return db.transaction().execute(async (trx) => {
    if (m.isPrimary)
      await trx.updateTable('memberships').set({ is_primary: false }).where('user_id', '=', userId).execute();
    const row = await trx
      .insertInto('memberships')
      .values({
        user_id: userId,
        organization_id: m.organizationId,
        unit_id: m.unitId,
        position_id: m.positionId,
        roles: [...m.roles],
        is_primary: m.isPrimary,
        valid_from: m.validFrom,
        valid_to: m.validTo,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'identity.membership_added',
      targetType: 'membership',
      targetId: row.id,
      organizationId: m.organizationId,
      summary: { userId, roles: m.roles, unitId: m.unitId, validFrom: m.validFrom, validTo: m.validTo },
    });
    return row;
  });
}

export async function updateMembership(
  db: Db,
  ctx: UseCaseContext,
  id: string,
  version: number,
  patch: { unitId?: string | null; positionId?: string | null; roles?: Role[]; validTo?: string | null },
) {
  const before = await repo.findMembershipById(db, id);
  if (!before || !identityPolicy.canAdministerPeopleOf(ctx.actor, before.organization_id)) {
    throw new AppError('record.not_found', { type: 'membership', id });
  }
  const merged: MembershipInput = {
    organizationId: before.organization_id,
    unitId: patch.unitId !== undefined ? patch.unitId : before.unit_id,
    positionId: patch.positionId !== undefined ? patch.positionId : before.position_id,
    roles: patch.roles ?? before.roles,
    validFrom: before.valid_from,
    validTo: patch.validTo !== undefined ? patch.validTo : before.valid_to,
    isPrimary: before.is_primary,
  };
  if (!isSystemAdmin(ctx.actor) && before.roles.includes('system_admin')) throw new AppError('auth.forbidden');
  await checkMembership(db, ctx, merged);
  return db.transaction().execute(async (trx) => {
    const after = await trx
      .updateTable('memberships')
      .set({
        unit_id: merged.unitId,
        position_id: merged.positionId,
        roles: [...merged.roles],
        valid_to: merged.validTo,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new AppError('record.conflict', { currentVersion: before.version });
    await writeAudit(trx, ctx.audit, {
      action: 'identity.membership_updated',
      targetType: 'membership',
      targetId: id,
      organizationId: before.organization_id,
      summary: {
        before: { roles: before.roles, unitId: before.unit_id, validTo: before.valid_to },
        after: { roles: after.roles, unitId: after.unit_id, validTo: after.valid_to },
      },
    });
    return after;
  });
}

export async function listDelegations(db: Db, ctx: UseCaseContext) {
  return repo.findDelegations(db, {
    organizationIds: identityPolicy.administeredOrganizations(ctx.actor),
    involvingUserId: ctx.actor.userId,
    limit: 500,
  });
}

/**
 * Ủy quyền: a person hands some of their roles in the active organisation to a colleague of the same
 * organisation for a date range. The delegator themself, or an organisation administrator, records it.
 */
export async function createDelegation(
  db: Db,
  ctx: UseCaseContext,
  input: { fromUserId?: string; toUserId: string; roles: Role[]; validFrom: string; validTo: string; reason: string },
) {
  const organizationId = ctx.actor.organizationId;
  const fromUserId = input.fromUserId ?? ctx.actor.userId;
  if (fromUserId !== ctx.actor.userId) authorize(identityPolicy.canAdministerPeopleOf(ctx.actor, organizationId));
  const invalid = (reason: string) => new AppError('identity.invalid_delegation', { reason });
  if (fromUserId === input.toUserId) throw invalid('a person cannot delegate to themself');
  if (input.validTo < input.validFrom) throw new AppError('org.invalid_dates');
  if (input.roles.includes('system_admin')) throw invalid('system_admin cannot be delegated');
  const today = vietnamDate();
  const fromMemberships = (await repo.findMembershipsOfUser(db, fromUserId, today)).filter(
    (m) => m.organization_id === organizationId,
  );
  const toMemberships = (await repo.findMembershipsOfUser(db, input.toUserId, today)).filter(
    (m) => m.organization_id === organizationId,
  );
  if (fromMemberships.length === 0) throw invalid('the delegator has no membership in this organisation');
  if (toMemberships.length === 0) throw new AppError('record.not_found', { type: 'user', id: input.toUserId });
  const held = fromMemberships.flatMap((m) => m.roles);
  if (!repo.rolesSubset(input.roles, held)) throw invalid('only roles the delegator holds can be delegated');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('delegations')
      .values({
        organization_id: organizationId,
        from_user_id: fromUserId,
        to_user_id: input.toUserId,
        roles: input.roles,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        reason: input.reason,
        created_by: ctx.actor.userId,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'identity.delegation_created',
      targetType: 'delegation',
      targetId: row.id,
      summary: {
        fromUserId,
        toUserId: input.toUserId,
        roles: input.roles,
        validFrom: input.validFrom,
        validTo: input.validTo,
      },
    });
    return row;
  });
}

export async function revokeDelegation(db: Db, ctx: UseCaseContext, id: string) {
  const d = await repo.findDelegationById(db, id);
  const allowed =
    d !== undefined &&
    (d.from_user_id === ctx.actor.userId || identityPolicy.canAdministerPeopleOf(ctx.actor, d.organization_id));
  if (!d || !allowed) throw new AppError('record.not_found', { type: 'delegation', id });
  if (d.revoked_at) return d;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('delegations')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'identity.delegation_revoked',
      targetType: 'delegation',
      targetId: id,
      organizationId: d.organization_id,
      summary: { fromUserId: d.from_user_id, toUserId: d.to_user_id },
    });
    return row;
  });
}

export { repo as identityRepository };
