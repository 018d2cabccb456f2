/** SQL of the exchange: outbox and inbox rows, and finding our organisations by identifier code. */
import { sql, type Selectable } from 'kysely';
import type { DbOrTrx, Trx } from '../../platform/db/schema.ts';
import type { AxisMessageType } from './axis/axis.types.ts';
import './exchange.tables.ts';
import type { ExchangeInboxTable, ExchangeOutboxTable, InboxOutcome } from './exchange.tables.ts';

export type OutboxRow = Selectable<ExchangeOutboxTable>;
export type InboxRow = Selectable<ExchangeInboxTable>;

// --- organisations by identifier (mã định danh) ---------------------------------------------------------
// The org module has no lookup by identifier yet; this reads its table directly (to move behind its door).

export interface OrganizationByCode {
  readonly id: string;
  readonly name: string;
  readonly identifier: string;
}

/** Organisations holding these identifier codes today (one per code: the one in force). */
export async function findOrganizationsByCodes(db: DbOrTrx, codes: readonly string[]): Promise<OrganizationByCode[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'identifier'])
    .where('identifier', 'in', [...new Set(codes)])
    .where(sql<boolean>`valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)`)
    .execute();
}

/** Identifier codes of the organisations that work on EduGov today (someone holds a membership there). */
export async function findPolledOrganizationCodes(db: DbOrTrx): Promise<string[]> {
  const rows = await sql<{ identifier: string }>`
    SELECT DISTINCT o.identifier FROM organizations o
    WHERE o.valid_from <= current_date AND (o.valid_to IS NULL OR o.valid_to >= current_date)
      AND EXISTS (
        SELECT 1 FROM memberships m WHERE m.organization_id = o.id
          AND m.valid_from <= current_date AND (m.valid_to IS NULL OR m.valid_to >= current_date))
    ORDER BY o.identifier
  `.execute(db);
  return rows.rows.map((r) => r.identifier);
}

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
