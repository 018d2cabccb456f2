/** Use cases of the org module: each owns its transaction and writes its audit row in it. */
import { writeAudit } from '../../platform/audit/audit.ts';
import { authorize } from '../../platform/authz.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { Db, DbOrTrx, Trx } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { addDays } from '../../platform/time.ts';
import { isQcvnIdentifier } from './org.identifier.ts';
import { orgPolicy } from './org.policy.ts';
import * as repo from './org.repository.ts';
import type { LinkKind, OrgKind, UnitKind } from './org.tables.ts';

export async function getOrganizationById(db: DbOrTrx, id: string) {
  const row = await repo.findOrganizationById(db, id);
  if (!row) throw new AppError('record.not_found', { type: 'organization', id });
  return row;
}

export async function listOrganizations(db: Db, filter: repo.OrganizationFilter) {
  const { rows, total } = await repo.findOrganizations(db, filter);
  const links = await repo.findLinks(
    db,
    rows.map((r) => r.id),
  );
  const parents = await repo.findOrganizationsByIds(db, [
    ...new Set(rows.map((r) => r.parent_id).filter((id): id is string => id !== null)),
  ]);
  return { rows, total, links, parents };
}

export async function getOrganizationDetail(db: Db, id: string) {
  const row = await getOrganizationById(db, id);
  const links = await repo.findLinks(db, [id]);
  const parents = row.parent_id ? await repo.findOrganizationsByIds(db, [row.parent_id]) : [];
  return { rows: [row], total: 1, links, parents };
}

export interface OrganizationInput {
  readonly identifier: string;
  readonly name: string;
  readonly shortName: string;
  readonly abbreviation: string;
  readonly kind: OrgKind;
  readonly parentId: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly note?: string | null | undefined;
}

async function checkOrganizationInput(trx: Trx, input: OrganizationInput, exceptId?: string) {
  if (!isQcvnIdentifier(input.identifier)) {
    throw new AppError('org.invalid_identifier', { identifier: input.identifier });
  }
  if (input.validTo !== null && input.validTo < input.validFrom) {
    throw new AppError('org.invalid_dates', { validFrom: input.validFrom, validTo: input.validTo });
  }
  if (input.parentId) {
    if (input.parentId === exceptId) throw new AppError('org.invalid_parent', { reason: 'self' });
    const parent = await repo.findOrganizationById(trx, input.parentId);
    if (!parent) throw new AppError('org.invalid_parent', { parentId: input.parentId });
    if (exceptId && (await repo.findAncestorIds(trx, input.parentId)).includes(exceptId)) {
      throw new AppError('org.invalid_parent', { reason: 'the parent is below this organisation' });
    }
  }
  const clash = await repo.findIdentifierOverlap(trx, input.identifier, input.validFrom, input.validTo, exceptId);
  if (clash) throw new AppError('org.overlapping_identifier', { identifier: input.identifier, usedBy: clash.name });
}

export async function createOrganization(db: Db, ctx: UseCaseContext, input: OrganizationInput) {
  authorize(orgPolicy.canManageOrganizations(ctx.actor));
  return db.transaction().execute(async (trx) => {
    await checkOrganizationInput(trx, input);
    const row = await insertOrganization(trx, input);
    await writeAudit(trx, ctx.audit, {
      action: 'org.organization_created',
      targetType: 'organization',
      targetId: row.id,
      organizationId: row.id,
      summary: { after: auditView(row) },
    });
    return row;
  });
}

async function insertOrganization(trx: Trx, input: OrganizationInput) {
  return trx
    .insertInto('organizations')
    .values({
      identifier: input.identifier,
      name: input.name,
      short_name: input.shortName,
      abbreviation: input.abbreviation,
      kind: input.kind,
      parent_id: input.parentId,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      note: input.note ?? null,
      seed_key: null,
      province_name: null,
      province_unit_type: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

function auditView(row: {
  identifier: string;
  name: string;
  kind: string;
  valid_from: string;
  valid_to: string | null;
}) {
  return {
    identifier: row.identifier,
    name: row.name,
    kind: row.kind,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

export async function updateOrganization(
  db: Db,
  ctx: UseCaseContext,
  id: string,
  version: number,
  patch: Partial<OrganizationInput>,
) {
  authorize(orgPolicy.canManageOrganizations(ctx.actor));
  return db.transaction().execute(async (trx) => {
    const before = await repo.findOrganizationById(trx, id);
    if (!before) throw new AppError('record.not_found', { type: 'organization', id });
    const merged: OrganizationInput = {
      identifier: patch.identifier ?? before.identifier,
      name: patch.name ?? before.name,
      shortName: patch.shortName ?? before.short_name,
      abbreviation: patch.abbreviation ?? before.abbreviation,
      kind: patch.kind ?? before.kind,
      parentId: patch.parentId !== undefined ? patch.parentId : before.parent_id,
      validFrom: patch.validFrom ?? before.valid_from,
      validTo: patch.validTo !== undefined ? patch.validTo : before.valid_to,
      note: patch.note !== undefined ? patch.note : before.note,
    };
    await checkOrganizationInput(trx, merged, id);
    const after = await trx
      .updateTable('organizations')
      .set({
        identifier: merged.identifier,
        name: merged.name,
        short_name: merged.shortName,
        abbreviation: merged.abbreviation,
        kind: merged.kind,
        parent_id: merged.parentId,
        valid_from: merged.validFrom,
        valid_to: merged.validTo,
        note: merged.note ?? null,
        identifier_verified: merged.identifier === before.identifier ? before.identifier_verified : false,
        version: version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new AppError('record.conflict', { currentVersion: before.version });
    await writeAudit(trx, ctx.audit, {
      action: 'org.organization_updated',
      targetType: 'organization',
      targetId: id,
      organizationId: id,
      summary: { before: auditView(before), after: auditView(after) },
    });
    return after;
  });
}

export interface ReorganizationInput {
  readonly kind: LinkKind;
  /** First day of the new organisation(s); the predecessors end the day before. */
  readonly effectiveDate: string;
  readonly predecessorIds: readonly string[];
  readonly successors: readonly Omit<OrganizationInput, 'validFrom' | 'validTo'>[];
  readonly note?: string | undefined;
}

/**
 * Records a merger (several → one) or a split (one → several) taking effect on a date, past or future:
 * the predecessors end the day before, the successors begin that day, and links join them, so that
 * history stays correct at every date.
 */
export async function reorganize(db: Db, ctx: UseCaseContext, input: ReorganizationInput) {
  authorize(orgPolicy.canManageOrganizations(ctx.actor));
  const { kind, effectiveDate } = input;
  const shapeOk =
    kind === 'merger'
      ? input.predecessorIds.length >= 2 && input.successors.length === 1
      : input.predecessorIds.length === 1 && input.successors.length >= 2;
  if (!shapeOk || new Set(input.predecessorIds).size !== input.predecessorIds.length) {
    throw new AppError('org.invalid_reorganization', {
      reason:
        kind === 'merger' ? 'a merger joins two or more organisations into one' : 'a split makes one into two or more',
    });
  }
  const lastDay = addDays(effectiveDate, -1);
  return db.transaction().execute(async (trx) => {
    const predecessors = [];
    for (const id of input.predecessorIds) {
      const row = await trx.selectFrom('organizations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw new AppError('record.not_found', { type: 'organization', id });
      const validOnLastDay = row.valid_from <= lastDay && (row.valid_to === null || row.valid_to >= lastDay);
      if (!validOnLastDay) {
        throw new AppError('org.invalid_reorganization', { reason: 'predecessor not in force the day before', id });
      }
      predecessors.push(row);
    }
    for (const p of predecessors) {
      await trx
        .updateTable('organizations')
        .set({ valid_to: lastDay, version: p.version + 1, updated_at: new Date() })
        .where('id', '=', p.id)
        .execute();
    }
    const successors = [];
    for (const s of input.successors) {
      const successorInput = { ...s, validFrom: effectiveDate, validTo: null };
      await checkOrganizationInput(trx, successorInput);
      successors.push(await insertOrganization(trx, successorInput));
    }
    for (const p of predecessors) {
      for (const s of successors) {
        await trx
          .insertInto('organization_links')
          .values({
            predecessor_id: p.id,
            successor_id: s.id,
            kind,
            effective_date: effectiveDate,
            note: input.note ?? null,
          })
          .execute();
      }
    }
    await writeAudit(trx, ctx.audit, {
      action: kind === 'merger' ? 'org.organizations_merged' : 'org.organization_split',
      targetType: 'organization',
      targetId: successors[0]?.id ?? null,
      organizationId: null,
      summary: {
        effectiveDate,
        predecessors: predecessors.map((p) => ({ id: p.id, name: p.name })),
        successors: successors.map((s) => ({ id: s.id, name: s.name, identifier: s.identifier })),
      },
    });
    return successors;
  });
}

export interface UnitInput {
  readonly name: string;
  readonly abbreviation: string;
  readonly kind: UnitKind;
  readonly parentUnitId: string | null;
  readonly identifier: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

async function checkUnitInput(trx: Trx, organizationId: string, input: UnitInput, exceptId?: string) {
  if (input.identifier !== null && !isQcvnIdentifier(input.identifier)) {
    throw new AppError('org.invalid_identifier', { identifier: input.identifier });
  }
  if (input.validTo !== null && input.validTo < input.validFrom) {
    throw new AppError('org.invalid_dates', { validFrom: input.validFrom, validTo: input.validTo });
  }
  if (input.parentUnitId) {
    const parent = await repo.findUnitById(trx, input.parentUnitId);
    if (!parent || parent.organization_id !== organizationId || parent.id === exceptId) {
      throw new AppError('org.invalid_parent', { parentUnitId: input.parentUnitId });
    }
  }
}

export async function createUnit(db: Db, ctx: UseCaseContext, organizationId: string, input: UnitInput) {
  authorize(orgPolicy.canManageStructureOf(ctx.actor, organizationId));
  return db.transaction().execute(async (trx) => {
    await getOrganizationById(trx, organizationId);
    await checkUnitInput(trx, organizationId, input);
    const row = await trx
      .insertInto('units')
      .values({
        organization_id: organizationId,
        parent_unit_id: input.parentUnitId,
        name: input.name,
        abbreviation: input.abbreviation,
        kind: input.kind,
        identifier: input.identifier,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        seed_key: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'org.unit_created',
      targetType: 'unit',
      targetId: row.id,
      organizationId,
      summary: { after: { name: row.name, abbreviation: row.abbreviation, validFrom: row.valid_from } },
    });
    return row;
  });
}

export async function updateUnit(db: Db, ctx: UseCaseContext, id: string, version: number, patch: Partial<UnitInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findUnitById(trx, id);
    if (!before) throw new AppError('record.not_found', { type: 'unit', id });
    authorize(orgPolicy.canManageStructureOf(ctx.actor, before.organization_id));
    const merged: UnitInput = {
      name: patch.name ?? before.name,
      abbreviation: patch.abbreviation ?? before.abbreviation,
      kind: patch.kind ?? before.kind,
      parentUnitId: patch.parentUnitId !== undefined ? patch.parentUnitId : before.parent_unit_id,
      identifier: patch.identifier !== undefined ? patch.identifier : before.identifier,
      validFrom: patch.validFrom ?? before.valid_from,
      validTo: patch.validTo !== undefined ? patch.validTo : before.valid_to,
    };
    await checkUnitInput(trx, before.organization_id, merged, id);
    const after = await trx
      .updateTable('units')
      .set({
        name: merged.name,
        abbreviation: merged.abbreviation,
        kind: merged.kind,
        parent_unit_id: merged.parentUnitId,
        identifier: merged.identifier,
        valid_from: merged.validFrom,
        valid_to: merged.validTo,
        version: version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new AppError('record.conflict', { currentVersion: before.version });
    await writeAudit(trx, ctx.audit, {
      action: 'org.unit_updated',
      targetType: 'unit',
      targetId: id,
      organizationId: before.organization_id,
      summary: {
        before: { name: before.name, validTo: before.valid_to },
        after: { name: after.name, validTo: after.valid_to },
      },
    });
    return after;
  });
}

export async function createPosition(
  db: Db,
  ctx: UseCaseContext,
  organizationId: string,
  input: { name: string; rank: number },
) {
  authorize(orgPolicy.canManageStructureOf(ctx.actor, organizationId));
  return db.transaction().execute(async (trx) => {
    await getOrganizationById(trx, organizationId);
    const row = await trx
      .insertInto('positions')
      .values({ organization_id: organizationId, name: input.name, rank: input.rank, seed_key: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'org.position_created',
      targetType: 'position',
      targetId: row.id,
      organizationId,
      summary: { after: { name: row.name, rank: row.rank } },
    });
    return row;
  });
}
