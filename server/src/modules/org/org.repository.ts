/** All SQL of the org module. Functions take `db` or `trx` first and return rows. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../platform/db/schema.ts';
import { escapeLike, vietnameseOrder } from '../../platform/text.ts';
import type { OrgKind } from './org.tables.ts';

/** Rows valid on a calendar date (valid_from ≤ at ≤ valid_to, open-ended when valid_to is null). */
export function validOn(at: string) {
  return sql<SqlBool>`valid_from <= ${at}::date AND (valid_to IS NULL OR valid_to >= ${at}::date)`;
}

export interface OrganizationFilter {
  readonly kind?: OrgKind | undefined;
  readonly at?: string | undefined;
  readonly parentId?: string | undefined;
  readonly q?: string | undefined;
  /**
   * Also organisations known only from the axis directory (kind 'external'). They are not part of this
   * deployment's tree, so the directory leaves them out unless asked (the recipient picker asks).
   */
  readonly includeExternal?: boolean | undefined;
  readonly limit: number;
  readonly offset: number;
}

export async function findOrganizations(db: DbOrTrx, f: OrganizationFilter) {
  let query = db.selectFrom('organizations').selectAll();
  if (f.kind) query = query.where('kind', '=', f.kind);
  else if (!f.includeExternal) query = query.where('kind', '<>', 'external');
  if (f.at) query = query.where(validOn(f.at) as Expression<SqlBool>);
  if (f.parentId) query = query.where('parent_id', '=', f.parentId);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`f_unaccent(lower(name))`, 'like', sql`f_unaccent(lower(${pattern}))`),
        eb(sql`f_unaccent(lower(short_name))`, 'like', sql`f_unaccent(lower(${pattern}))`),
        eb('identifier', 'like', pattern),
      ]),
    );
  }
  const countQuery = query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'));
  const [rows, total] = await Promise.all([
    query
      .orderBy('kind')
      .orderBy(vietnameseOrder('name'))
      .orderBy('name')
      .orderBy('valid_from')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    countQuery.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findOrganizationById(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The organisation and every organisation above it (bounded, in case of bad data). */
export async function findAncestorIds(db: DbOrTrx, id: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM organizations WHERE id = ${id}
      UNION ALL
      SELECT o.id, o.parent_id, up.depth + 1 FROM organizations o JOIN up ON o.id = up.parent_id WHERE up.depth < 50
    )
    SELECT id FROM up
  `.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function findOrganizationsByIds(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').selectAll().where('id', 'in', ids).execute();
}

/** Predecessor and successor links of the given organisations, with the other side's name. */
export async function findLinks(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return { predecessors: [], successors: [] };
  const predecessors = await db
    .selectFrom('organization_links as l')
    .innerJoin('organizations as o', 'o.id', 'l.predecessor_id')
    .select(['l.successor_id as ownerId', 'o.id', 'o.name', 'o.identifier', 'l.kind', 'l.effective_date'])
    .where('l.successor_id', 'in', ids)
    .orderBy('o.name')
    .execute();
  const successors = await db
    .selectFrom('organization_links as l')
    .innerJoin('organizations as o', 'o.id', 'l.successor_id')
    .select(['l.predecessor_id as ownerId', 'o.id', 'o.name', 'o.identifier', 'l.kind', 'l.effective_date'])
    .where('l.predecessor_id', 'in', ids)
    .orderBy('o.name')
    .execute();
  return { predecessors, successors };
}

/** Another organisation holding the same identifier in an overlapping period. */
export async function findIdentifierOverlap(
  db: DbOrTrx,
  identifier: string,
  validFrom: string,
  validTo: string | null,
  exceptId?: string,
) {
  let query = db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('identifier', '=', identifier)
    .where(
      sql<SqlBool>`daterange(valid_from, valid_to, '[]') && daterange(${validFrom}::date, ${validTo}::date, '[]')`,
    );
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function findUnits(db: DbOrTrx, organizationId: string, at?: string) {
  let query = db.selectFrom('units').selectAll().where('organization_id', '=', organizationId);
  if (at) query = query.where(validOn(at) as Expression<SqlBool>);
  return query.orderBy('valid_to', 'desc').orderBy('name').execute();
}

export async function findUnitById(db: DbOrTrx, id: string) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPositions(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('positions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('rank')
    .orderBy('name')
    .execute();
}

export async function findPositionById(db: DbOrTrx, id: string) {
  return db.selectFrom('positions').selectAll().where('id', '=', id).executeTakeFirst();
}

// --- the interchange axis (issue 6) -----------------------------------------------------------------------

/**
 * Someone holds a membership there on `at`: the organisation works on this deployment. (Memberships belong to
 * the identity module, which imports org; this read-only EXISTS is the one place org looks at them.)
 */
const hostedOn = (at: string) => sql<boolean>`EXISTS (
  SELECT 1 FROM memberships m WHERE m.organization_id = organizations.id
    AND m.valid_from <= ${at}::date AND (m.valid_to IS NULL OR m.valid_to >= ${at}::date))`;

/** Organisations holding these identifier codes on `at` (one per code: the one in force). */
export async function findOrganizationsInForceByIdentifiers(db: DbOrTrx, codes: readonly string[], at: string) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'identifier', 'kind', 'via_axis', 'parent_id'])
    .select(hostedOn(at).as('hosted'))
    .where('identifier', 'in', [...new Set(codes)])
    .where(validOn(at))
    .execute();
}

/** Identifier codes of the organisations that work on this deployment on `at` and are not reached via the axis. */
export async function findHostedOrganizationCodes(db: DbOrTrx, at: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organizations')
    .select('identifier')
    .distinct()
    .where(validOn(at))
    .where('via_axis', '=', false)
    .where(hostedOn(at))
    .orderBy('identifier')
    .execute();
  return rows.map((r) => r.identifier);
}

export async function lockOrganization(trx: DbOrTrx, id: string, at: string) {
  return trx
    .selectFrom('organizations')
    .selectAll()
    .select(hostedOn(at).as('hosted'))
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** An organisation known only from the axis directory: reached through the axis, its code as the axis has it. */
export async function insertExternalOrganization(
  trx: DbOrTrx,
  o: { identifier: string; name: string; validFrom: string },
) {
  return trx
    .insertInto('organizations')
    .values({
      identifier: o.identifier,
      identifier_verified: true,
      name: o.name,
      short_name: o.name,
      // Never used for numbering (external organisations issue nothing here); the code is unique and has no '/'.
      abbreviation: o.identifier,
      kind: 'external',
      via_axis: true,
      parent_id: null,
      valid_from: o.validFrom,
      valid_to: null,
      seed_key: null,
      province_name: null,
      province_unit_type: null,
      note: null,
    })
    .returning(['id', 'name', 'identifier', 'kind', 'via_axis', 'parent_id'])
    .executeTakeFirstOrThrow();
}

export async function renameExternalOrganization(trx: DbOrTrx, id: string, name: string) {
  await trx
    .updateTable('organizations')
    .set((eb) => ({ name, short_name: name, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

export async function setExternalParent(trx: DbOrTrx, id: string, parentId: string | null) {
  await trx
    .updateTable('organizations')
    .set((eb) => ({ parent_id: parentId, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

export async function setViaAxis(trx: DbOrTrx, id: string, version: number, viaAxis: boolean) {
  return trx
    .updateTable('organizations')
    .set({ via_axis: viaAxis, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
