/** SQL of the printouts: the rows of a register book for a period, and what the processing slip shows. */
import { sql, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/schema.ts';

/** Arrival date in Vietnam between two days (inclusive). */
function arrivedBetween(from: string, to: string) {
  return sql<SqlBool>`(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date`;
}

/** The documents of a register that arrived in the period, in register order (year, then number). */
export async function findBookDocuments(db: DbOrTrx, registerId: string, from: string, to: string) {
  return db
    .selectFrom('incoming_documents as d')
    .leftJoin('users as pt', 'pt.id', 'd.presented_to')
    .select([
      'd.id',
      'd.arrival_year',
      'd.arrival_number',
      'd.received_at',
      'd.issuer_name',
      'd.number_notation',
      'd.document_date',
      'd.doc_type',
      'd.subject',
      'd.urgency',
      'd.confidentiality',
      'd.notes',
      'd.presented_at',
      'pt.full_name as presented_to_name',
    ])
    .where('d.register_id', '=', registerId)
    .where(arrivedBetween(from, to))
    .orderBy('d.arrival_year')
    .orderBy('d.arrival_number')
    .orderBy('d.received_at')
    .execute();
}

/**
 * The units and people the documents of the period were handed to by the leader's direction in force (lead
 * and supporting; not the ones recalled or handed back), with when.
 */
export async function findBookRecipients(db: DbOrTrx, registerId: string, from: string, to: string) {
  return db
    .selectFrom('incoming_assignments as a')
    .innerJoin('incoming_documents as d', 'd.id', 'a.document_id')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('users as p', 'p.id', 'a.user_id')
    .select(['a.document_id', 'a.role', 'a.assigned_at', 'u.name as unit_name', 'p.full_name as user_name'])
    .where('d.register_id', '=', registerId)
    .where(arrivedBetween(from, to))
    .where('a.parent_id', 'is', null)
    .where('a.role', 'in', ['lead', 'support'])
    .where('a.status', 'in', ['active', 'completed', 'closed'])
    .orderBy('a.document_id')
    .orderBy(sql`CASE a.role WHEN 'lead' THEN 0 ELSE 1 END`)
    .orderBy('a.assigned_at')
    .orderBy('a.id')
    .execute();
}

/**
 * The numbers of an outgoing register issued in the period (Vietnam day), cancelled ones included, in book
 * order (year, series, number), with the outgoing document each belongs to, if any.
 */
export async function findOutgoingBookNumbers(db: DbOrTrx, registerId: string, from: string, to: string) {
  return db
    .selectFrom('issued_numbers as n')
    .leftJoin('outgoing_documents as d', 'd.id', 'n.document_id')
    .leftJoin('users as s', 's.id', 'd.signer_user_id')
    .leftJoin('units as u', (j) => j.on(sql<SqlBool>`u.id = coalesce(d.drafting_unit_id, n.drafting_unit_id)`))
    .select([
      'n.id',
      'n.full_number',
      'n.issued_at',
      'n.doc_type',
      'n.subject as number_subject',
      'n.signer_name as number_signer',
      'n.notes',
      'n.confidentiality',
      'n.status',
      'n.cancel_reason',
      'n.document_id',
      'd.subject as document_subject',
      'd.urgency',
      's.full_name as document_signer',
      'u.name as unit_name',
    ])
    .where('n.register_id', '=', registerId)
    .where(sql<SqlBool>`(n.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date`)
    .orderBy('n.year')
    .orderBy('n.series')
    .orderBy('n.number')
    .execute();
}

/** Where the given outgoing documents were sent (one row per recipient), in the order they were sent. */
export async function findOutgoingDispatches(db: DbOrTrx, documentIds: readonly string[]) {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('outgoing_dispatches')
    .select(['outgoing_id', 'recipient_name', 'created_at'])
    .where('outgoing_id', 'in', documentIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
