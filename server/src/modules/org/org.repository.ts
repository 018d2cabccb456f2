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
  readonly limit: number;
  readonly offset: number;
}

export async function findOrganizations(db: DbOrTrx, f: OrganizationFilter) {
  let query = db.selectFrom('organizations').selectAll();
  if (f.kind) query = query.where('kind', '=', f.kind);
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
