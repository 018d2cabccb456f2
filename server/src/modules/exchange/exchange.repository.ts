/** SQL of the exchange: outbox and inbox rows (organisations by identifier code come from the org module). */
import { sql, type Selectable } from 'kysely';
import type { DbOrTrx, Trx } from '../../platform/db/schema.ts';
import type { OrganizationByIdentifier } from '../org/index.ts';
import type { AxisMessageType } from './axis/axis.types.ts';
import './exchange.tables.ts';
import type { ExchangeInboxTable, ExchangeOutboxTable, InboxOutcome } from './exchange.tables.ts';

export type OutboxRow = Selectable<ExchangeOutboxTable>;
export type InboxRow = Selectable<ExchangeInboxTable>;

// --- organisations by identifier (mã định danh): the org module's door ------------------------------------

/** What the inbox and the status packets need of an organisation. */
export type OrganizationByCode = Pick<OrganizationByIdentifier, 'id' | 'name' | 'identifier'>;
/** Organisations holding these identifier codes today; polled codes leave out those reached via the axis. */
export {
  findOrganizationsByIdentifiers as findOrganizationsByCodes,
  findPolledOrganizationCodes,
} from '../org/index.ts';

// --- outbox ---------------------------------------------------------------------------------------------

export interface NewOutboxMessage {
  readonly organizationId: string;
  readonly type: AxisMessageType;
  readonly fromCode: string;
  readonly toCodes: readonly string[];
  readonly xml: Buffer;
  readonly sha256: string;
  readonly documentId: string | null;
  readonly statusCode: string | null;
  readonly outgoingId: string | null;
  readonly incomingId: string | null;
}

export async function insertOutbox(trx: Trx, m: NewOutboxMessage): Promise<OutboxRow> {
  return trx
    .insertInto('exchange_outbox')
    .values({
      organization_id: m.organizationId,
      type: m.type,
      from_code: m.fromCode,
      to_codes: [...m.toCodes],
      xml: m.xml,
      sha256: m.sha256,
      document_id: m.documentId,
      status_code: m.statusCode,
      outgoing_id: m.outgoingId,
      incoming_id: m.incomingId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Takes the oldest due pending message and leases it until `leaseUntil` (its next_attempt_at), so another
 * worker skips it; a worker that dies mid-delivery leaves it due again when the lease ends.
 */
export async function claimDueOutbox(db: DbOrTrx, now: Date, leaseUntil: Date): Promise<OutboxRow | undefined> {
  const result = await sql<OutboxRow>`
    UPDATE exchange_outbox SET next_attempt_at = ${leaseUntil}
    WHERE id = (
      SELECT id FROM exchange_outbox
      WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *
  `.execute(db);
  return result.rows[0];
}

/** Records the outcome of the try made on a claimed row (nothing if someone else already did). */
export async function recordOutboxAttempt(
  db: DbOrTrx,
  claimed: Pick<OutboxRow, 'id' | 'attempts'>,
  outcome:
    | { status: 'sent'; axisMessageId: string; at: Date }
    | { status: 'pending'; nextAttemptAt: Date; error: string }
    | { status: 'dead'; error: string },
): Promise<boolean> {
  const base = db
    .updateTable('exchange_outbox')
    .where('id', '=', claimed.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', claimed.attempts);
  const attempts = claimed.attempts + 1;
  const query =
    outcome.status === 'sent'
      ? base.set({
          status: 'sent',
          attempts,
          axis_message_id: outcome.axisMessageId,
          sent_at: outcome.at,
          last_error: null,
        })
      : outcome.status === 'pending'
        ? base.set({ attempts, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error })
        : base.set({ status: 'dead', attempts, last_error: outcome.error });
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findOutboxById(db: DbOrTrx, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('exchange_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockOutbox(trx: Trx, id: string): Promise<OutboxRow | undefined> {
  return trx.selectFrom('exchange_outbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function resetOutbox(trx: Trx, id: string, now: Date): Promise<OutboxRow> {
  return trx
    .updateTable('exchange_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOutboxByOrganization(db: DbOrTrx, organizationId: string, limit = 100) {
  return db
    .selectFrom('exchange_outbox')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Status codes we already queued (sent or not) about one incoming document (and its DocumentId), oldest first. */
export async function findStatusCodesQueued(
  trx: Trx,
  q: { organizationId: string; documentId: string; incomingId: string },
): Promise<string[]> {
  const rows = await trx
    .selectFrom('exchange_outbox')
    .select('status_code')
    .where('organization_id', '=', q.organizationId)
    .where('document_id', '=', q.documentId)
    .where('incoming_id', '=', q.incomingId)
    .where('type', '=', 'status')
    .where('status_code', 'is not', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.status_code!);
}

// --- inbox ----------------------------------------------------------------------------------------------

export interface NewInboxMessage {
  readonly organizationId: string;
  readonly axisMessageId: string;
  readonly type: AxisMessageType;
  readonly fromCode: string;
  readonly raw: Buffer;
  readonly sha256: string;
  readonly receivedAt: Date;
}

/** Stores a received message once per (organisation, axis message id); returns the stored row either way. */
export async function insertInboxOnce(db: DbOrTrx, m: NewInboxMessage): Promise<{ row: InboxRow; created: boolean }> {
  const inserted = await db
    .insertInto('exchange_inbox')
    .values({
      organization_id: m.organizationId,
      axis_message_id: m.axisMessageId,
      type: m.type,
      from_code: m.fromCode,
      raw: m.raw,
      sha256: m.sha256,
      received_at: m.receivedAt,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'axis_message_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  const row = await db
    .selectFrom('exchange_inbox')
    .selectAll()
    .where('organization_id', '=', m.organizationId)
    .where('axis_message_id', '=', m.axisMessageId)
    .executeTakeFirstOrThrow();
  return { row, created: false };
}

export async function lockInbox(trx: Trx, id: string): Promise<InboxRow> {
  return trx.selectFrom('exchange_inbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

/** The accepted package from this sender with this DocumentId, if any. */
export async function findAcceptedPackage(trx: Trx, organizationId: string, fromCode: string, documentId: string) {
  return trx
    .selectFrom('exchange_inbox')
    .select(['id', 'incoming_document_id'])
    .where('organization_id', '=', organizationId)
    .where('from_code', '=', fromCode)
    .where('document_id', '=', documentId)
    .where('outcome', '=', 'accepted')
    .executeTakeFirst();
}

/** The raw bytes of the accepted package from this sender with this DocumentId (to answer it), if any. */
export async function findAcceptedPackageRaw(trx: Trx, organizationId: string, fromCode: string, documentId: string) {
  const row = await trx
    .selectFrom('exchange_inbox')
    .select('raw')
    .where('organization_id', '=', organizationId)
    .where('from_code', '=', fromCode)
    .where('document_id', '=', documentId)
    .where('outcome', '=', 'accepted')
    .executeTakeFirst();
  return row?.raw;
}

/** Serialises the intake of one (recipient, sender, DocumentId) until the transaction ends. */
export async function lockPackageKey(trx: Trx, organizationId: string, fromCode: string, documentId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`exchange:${organizationId}:${fromCode}:${documentId}`}, 0))`.execute(
    trx,
  );
}

export async function setInboxOutcome(
  trx: Trx,
  id: string,
  o: {
    outcome: InboxOutcome;
    errorCodes?: readonly string[];
    warningCodes?: readonly string[];
    documentId?: string | null;
    statusCode?: string | null;
    incomingDocumentId?: string | null;
    at: Date;
  },
): Promise<InboxRow> {
  return trx
    .updateTable('exchange_inbox')
    .set({
      outcome: o.outcome,
      error_codes: [...(o.errorCodes ?? [])],
      warning_codes: [...(o.warningCodes ?? [])],
      document_id: o.documentId ?? null,
      status_code: o.statusCode ?? null,
      incoming_document_id: o.incomingDocumentId ?? null,
      processed_at: o.at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The incoming document that a package from this sender with this DocumentId became: the one it created, or
 * the one it updated (an update that changed the number carries a new DocumentId the sender may name later).
 */
export async function findReceivedDocumentId(
  trx: Trx,
  organizationId: string,
  fromCode: string,
  documentId: string,
): Promise<string | undefined> {
  const row = await trx
    .selectFrom('exchange_inbox')
    .select('incoming_document_id')
    .where('organization_id', '=', organizationId)
    .where('from_code', '=', fromCode)
    .where('document_id', '=', documentId)
    .where('outcome', 'in', ['accepted', 'updated'])
    .where('incoming_document_id', 'is not', null)
    .orderBy('received_at')
    .limit(1)
    .executeTakeFirst();
  return row?.incoming_document_id ?? undefined;
}

/** The raw bytes of the update packages already applied with this DocumentId (to recognise a resend). */
export async function findAppliedUpdates(trx: Trx, organizationId: string, fromCode: string, documentId: string) {
  return trx
    .selectFrom('exchange_inbox')
    .select(['id', 'raw', 'sha256'])
    .where('organization_id', '=', organizationId)
    .where('from_code', '=', fromCode)
    .where('document_id', '=', documentId)
    .where('outcome', '=', 'updated')
    .orderBy('received_at')
    .execute();
}
