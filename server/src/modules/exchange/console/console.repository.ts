/**
 * SQL of the exchange console: outbox and inbox rows for one organisation (or all), newest first, with the
 * document each message is about (read straight from the documents' tables: a list join, not a lookup per
 * row) and the per-recipient dispatches of an outgoing document.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/schema.ts';
import { escapeLike } from '../../../platform/text.ts';
import type { Confidentiality } from '../../documents/index.ts';
import '../exchange.tables.ts';
import type { InboxOutcome, OutboxStatus } from '../exchange.tables.ts';

export interface ConsoleFilter {
  /** Undefined: every organisation. */
  readonly organizationId: string | undefined;
  readonly state: string | undefined;
  readonly q: string | undefined;
  readonly limit: number;
  readonly offset: number;
  /** Only this message (the detail view). */
  readonly id?: string;
}

/** The document a message is about, as the console may show it. */
export interface LinkedDocument {
  readonly id: string;
  readonly number: string | null;
  readonly subject: string;
  readonly confidentiality: Confidentiality;
}

const pattern = (q: string) => `%${escapeLike(q.trim().toLowerCase())}%`;

/** Number and subject of a linked document, searchable only when it is not confidential (no leak by search). */
const searchable = (alias: 'od' | 'idoc', numberColumn: 'full_number' | 'number_notation') =>
  sql`CASE WHEN ${sql.ref(`${alias}.confidentiality`)} = 'normal'
    THEN coalesce(${sql.ref(`${alias}.${numberColumn}`)}, '') || ' ' || ${sql.ref(`${alias}.subject`)} END`;

export async function listOutbox(db: DbOrTrx, f: ConsoleFilter) {
  let query = db
    .selectFrom('exchange_outbox as x')
    .innerJoin('organizations as org', 'org.id', 'x.organization_id')
    .leftJoin('outgoing_documents as od', (j) =>
      j.onRef('od.id', '=', 'x.outgoing_id').onRef('od.organization_id', '=', 'x.organization_id'),
    )
    .leftJoin('incoming_documents as idoc', (j) =>
      j.onRef('idoc.id', '=', 'x.incoming_id').onRef('idoc.organization_id', '=', 'x.organization_id'),
    )
    .$if(f.organizationId !== undefined, (qb) => qb.where('x.organization_id', '=', f.organizationId!))
    .$if(f.id !== undefined, (qb) => qb.where('x.id', '=', f.id!))
    .$if(f.state !== undefined, (qb) => qb.where('x.status', '=', f.state as OutboxStatus));
  if (f.q) {
    const p = pattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(coalesce(x.document_id, ''))`, 'like', p),
        eb(sql`lower(array_to_string(x.to_codes, ','))`, 'like', p),
        eb(
          sql`lower(coalesce(${searchable('od', 'full_number')}, ${searchable('idoc', 'number_notation')}, ''))`,
          'like',
          p,
        ),
      ]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'x.id',
      'x.organization_id',
      'org.name as organization_name',
      'x.type',
      'x.from_code',
      'x.to_codes',
      'x.sha256',
      'x.status',
      'x.attempts',
      'x.next_attempt_at',
      'x.last_error',
      'x.document_id',
      'x.status_code',
      'x.outgoing_id',
      'x.incoming_id',
      'x.created_at',
      'x.sent_at',
      'od.full_number as od_number',
      'od.subject as od_subject',
      'od.confidentiality as od_confidentiality',
      'idoc.number_notation as id_number',
      'idoc.subject as id_subject',
      'idoc.confidentiality as id_confidentiality',
    ])
    .orderBy('x.created_at', 'desc')
    .orderBy('x.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), rows: rows.map(withOutboxDocument) };
}

export type ConsoleOutboxRow = ReturnType<typeof withOutboxDocument>;

function withOutboxDocument<
  R extends {
    outgoing_id: string | null;
    incoming_id: string | null;
    od_number: string | null;
    od_subject: string | null;
    od_confidentiality: Confidentiality | null;
    id_number: string | null;
    id_subject: string | null;
    id_confidentiality: Confidentiality | null;
  },
>(row: R) {
  const { od_number, od_subject, od_confidentiality, id_number, id_subject, id_confidentiality, ...rest } = row;
  const outgoing: LinkedDocument | null =
    row.outgoing_id && od_subject !== null
      ? { id: row.outgoing_id, number: od_number, subject: od_subject, confidentiality: od_confidentiality! }
      : null;
  const incoming: LinkedDocument | null =
    row.incoming_id && id_subject !== null
      ? { id: row.incoming_id, number: id_number, subject: id_subject, confidentiality: id_confidentiality! }
      : null;
  return { ...rest, outgoing, incoming };
}

export async function listInbox(db: DbOrTrx, f: ConsoleFilter) {
  let query = db
    .selectFrom('exchange_inbox as x')
    .innerJoin('organizations as org', 'org.id', 'x.organization_id')
    .leftJoin('incoming_documents as idoc', (j) =>
      j.onRef('idoc.id', '=', 'x.incoming_document_id').onRef('idoc.organization_id', '=', 'x.organization_id'),
    )
    .$if(f.organizationId !== undefined, (qb) => qb.where('x.organization_id', '=', f.organizationId!))
    .$if(f.id !== undefined, (qb) => qb.where('x.id', '=', f.id!))
    .$if(f.state === 'unprocessed', (qb) => qb.where('x.outcome', 'is', null))
    .$if(f.state !== undefined && f.state !== 'unprocessed', (qb) =>
      qb.where('x.outcome', '=', f.state as InboxOutcome),
    );
  if (f.q) {
    const p = pattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(coalesce(x.document_id, ''))`, 'like', p),
        eb(sql`lower(x.from_code)`, 'like', p),
        eb(sql`lower(coalesce(${searchable('idoc', 'number_notation')}, ''))`, 'like', p),
      ]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'x.id',
      'x.organization_id',
      'org.name as organization_name',
      'x.axis_message_id',
      'x.type',
      'x.from_code',
      'x.sha256',
      'x.received_at',
      'x.outcome',
      'x.error_codes',
      'x.warning_codes',
      'x.document_id',
      'x.status_code',
      'x.incoming_document_id',
      'x.processed_at',
      'idoc.number_notation as id_number',
      'idoc.subject as id_subject',
      'idoc.confidentiality as id_confidentiality',
    ])
    .orderBy('x.received_at', 'desc')
    .orderBy('x.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), rows: rows.map(withInboxDocument) };
}

export type ConsoleInboxRow = ReturnType<typeof withInboxDocument>;

function withInboxDocument<
  R extends {
    incoming_document_id: string | null;
    id_number: string | null;
    id_subject: string | null;
    id_confidentiality: Confidentiality | null;
  },
>(row: R) {
  const { id_number, id_subject, id_confidentiality, ...rest } = row;
  const incoming: LinkedDocument | null =
    row.incoming_document_id && id_subject !== null
      ? { id: row.incoming_document_id, number: id_number, subject: id_subject, confidentiality: id_confidentiality! }
      : null;
  return { ...rest, incoming };
}

/** The stored bytes of a message (the console reads them only for one message at a time). */
export async function findOutboxBytes(db: DbOrTrx, id: string) {
  const row = await db.selectFrom('exchange_outbox').select(['xml']).where('id', '=', id).executeTakeFirst();
  return row?.xml;
}

export async function findInboxBytes(db: DbOrTrx, id: string) {
  const row = await db.selectFrom('exchange_inbox').select(['raw']).where('id', '=', id).executeTakeFirst();
  return row?.raw;
}

/** Each recipient of an outgoing document and the status of its copy (the same rows as the issuing screen). */
export async function listDispatchesOf(db: DbOrTrx, outgoingId: string) {
  return db
    .selectFrom('outgoing_dispatches')
    .select(['id', 'recipient_name', 'recipient_code', 'channel', 'status', 'status_at', 'reason'])
    .where('outgoing_id', '=', outgoingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Names of organisations by identifier code (any validity: an old message may name a merged province). */
export async function organizationNamesByCode(db: DbOrTrx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('organizations')
    .select(['identifier', 'name'])
    .where('identifier', 'in', [...new Set(codes)])
    .orderBy('valid_from')
    .execute();
  // Ordered by valid_from: the newest holder of a code wins.
  return new Map(rows.map((r) => [r.identifier, r.name]));
}
