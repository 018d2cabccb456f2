/** Use cases for register books: list, create, rename or retire. Numbers are allocated by the documents that use them. */
import { writeAudit } from '../../../platform/audit/audit.ts';
import { authorize, hasRole, type Actor } from '../../../platform/authz.ts';
import type { UseCaseContext } from '../../../platform/context.ts';
import type { Db, Trx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import * as repo from './registers.repository.ts';

/** Clerks keep the books; the organisation's administrators may set them up too. Everyone in the org may read them. */
export const registerPolicy = {
  canManage: (actor: Actor, organizationId: string) =>
    actor.organizationId === organizationId && hasRole(actor, 'clerk', 'org_admin'),
};

/**
 * Every outgoing book numbers every document type (in one series or one per type) from 01 each year, and a
 * số, ký hiệu is unique in the organisation's year: two books in use for the same confidentiality would
 * give the same numbers (409 documents.number_taken at issue). So an organisation keeps one outgoing book in
 * use per confidentiality; opening or reactivating another is refused here, with the book in the way named.
 * The organisation row is locked so that two clerks doing it at once are taken one after the other.
 */
async function assertNoOverlappingBook(
  trx: Trx,
  book: { organizationId: string; direction: repo.Direction; confidential: boolean; exceptId?: string },
) {
  if (book.direction !== 'outgoing') return;
  await trx.selectFrom('organizations').select('id').where('id', '=', book.organizationId).forNoKeyUpdate().execute();
  let query = trx
    .selectFrom('registers')
    .select(['id', 'name'])
    .where('organization_id', '=', book.organizationId)
    .where('direction', '=', 'outgoing')
    .where('confidential', '=', book.confidential)
    .where('active', '=', true);
  if (book.exceptId) query = query.where('id', '!=', book.exceptId);
  const other = await query.orderBy('created_at').limit(1).executeTakeFirst();
  if (other) {
    throw new AppError('documents.register_overlap', {
      registerId: other.id,
      registerName: other.name,
      confidential: book.confidential,
    });
  }
}

export async function listRegisters(db: Db, ctx: UseCaseContext, direction?: repo.Direction) {
  return repo.findRegisters(db, ctx.actor.organizationId, direction);
}

export async function createRegister(
  db: Db,
  ctx: UseCaseContext,
  input: { direction: repo.Direction; name: string; confidential: boolean; numbering?: 'single' | 'per_type' },
) {
  authorize(registerPolicy.canManage(ctx.actor, ctx.actor.organizationId));
  // Arrival numbers run in one series per book; outgoing books may number each document type apart.
  if (input.direction === 'incoming' && input.numbering === 'per_type') {
    throw new AppError('request.invalid', { field: 'numbering', reason: 'incoming registers have one series' });
  }
  return db.transaction().execute(async (trx) => {
    await assertNoOverlappingBook(trx, { organizationId: ctx.actor.organizationId, ...input });
    const register = await trx
      .insertInto('registers')
      .values({ organization_id: ctx.actor.organizationId, ...input, numbering: input.numbering ?? 'single' })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'documents.register_created',
      targetType: 'register',
      targetId: register.id,
      summary: { after: input },
    });
    return register;
  });
}

export async function updateRegister(
  db: Db,
  ctx: UseCaseContext,
  id: string,
  input: { version: number; name?: string; active?: boolean },
) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findRegisterById(trx, id);
    if (!before || before.organization_id !== ctx.actor.organizationId) {
      throw new AppError('record.not_found', { type: 'register', id });
    }
    authorize(registerPolicy.canManage(ctx.actor, before.organization_id));
    if (input.active === true && !before.active) {
      await assertNoOverlappingBook(trx, {
        organizationId: before.organization_id,
        direction: before.direction,
        confidential: before.confidential,
        exceptId: id,
      });
    }
    const after = await trx
      .updateTable('registers')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new AppError('record.conflict', { version: before.version });
    await writeAudit(trx, ctx.audit, {
      action: 'documents.register_updated',
      targetType: 'register',
      targetId: id,
      summary: {
        before: { name: before.name, active: before.active },
        after: { name: after.name, active: after.active },
      },
    });
    return after;
  });
}
