/** SQL of copies: insert, read with names, the copies of a root document, the signer's leadership today. */
import { sql, type SqlBool } from 'kysely';
import type { DbOrTrx, Trx } from '../../../../platform/db/schema.ts';
import './copies.tables.ts';
import type { DocumentCopiesTable } from './copies.tables.ts';
import type { Insertable } from 'kysely';

export async function insertCopy(trx: Trx, values: Insertable<DocumentCopiesTable>) {
  return trx.insertInto('document_copies').values(values).returning('id').executeTakeFirstOrThrow();
}

function withNames(db: DbOrTrx) {
  return db
    .selectFrom('document_copies as c')
    .innerJoin('users as cb', 'cb.id', 'c.created_by')
    .leftJoin('document_copies as sc', 'sc.id', 'c.source_copy_id')
    .selectAll('c')
    .select(['cb.full_name as created_by_name', 'sc.full_number as source_copy_number']);
}

export type CopyRow = NonNullable<Awaited<ReturnType<typeof findCopyById>>>;

/** A copy of the organisation, or undefined. */
export async function findCopyById(db: DbOrTrx, organizationId: string, id: string) {
  return withNames(db).where('c.id', '=', id).where('c.organization_id', '=', organizationId).executeTakeFirst();
}

/** Every copy of a root document (sao lục included), newest first. */
export async function findCopiesOf(db: DbOrTrx, root: { outgoingId: string } | { incomingId: string }) {
  const query =
    'outgoingId' in root
      ? withNames(db).where('c.outgoing_id', '=', root.outgoingId)
      : withNames(db).where('c.incoming_id', '=', root.incomingId);
  return query.orderBy('c.created_at', 'desc').orderBy('c.full_number', 'desc').execute();
}

/** The signer if they are a leader of the organisation today, with the name of their position. */
export async function findLeader(db: DbOrTrx, userId: string, organizationId: string, today: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('positions as p', 'p.id', 'm.position_id')
    .select(['u.id', 'u.full_name', 'p.name as position_name'])
    .where('m.user_id', '=', userId)
    .where('m.organization_id', '=', organizationId)
    .where('u.status', '=', 'active')
    .where(sql<SqlBool>`'leader' = ANY(m.roles)`)
    .where(sql<SqlBool>`m.valid_from <= ${today}::date AND (m.valid_to IS NULL OR m.valid_to >= ${today}::date)`)
    .orderBy('m.is_primary', 'desc')
    .executeTakeFirst();
}
