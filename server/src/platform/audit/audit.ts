/**
 * The audit trail: an append-only, hash-chained log written in the same transaction as the change it
 * records. Each row's hash covers its fields and the previous row's hash, so editing, deleting or
 * reordering any row breaks the chain from that row on (`npm run audit:verify`).
 */
import { createHash } from 'node:crypto';

import { beforeCommit } from '../db/commit-hooks.ts';
import type { DbOrTrx, Trx, Timestamp } from '../db/schema.ts';

declare module '../db/schema.ts' {
  interface Database {
    audit_log: AuditLogTable;
    audit_chain: { id: number; last_seq: number; last_hash: string };
  }
}

export interface AuditLogTable {
  seq: number;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_name: string | null;
  organization_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditContext {
  readonly actorUserId: string | null;
  /** The actor's name at the time (names change; the trail keeps who it was). */
  readonly actorName: string | null;
  readonly organizationId: string | null;
  readonly requestId: string | null;
}

export interface AuditEntry {
  /** `module.past_tense`, e.g. `org.organization_created`. */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  /** A before/after summary; never secrets or document bodies. */
  readonly summary: Record<string, unknown>;
  /** Overrides the context's organisation (e.g. the record's owner). */
  readonly organizationId?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the hash does not depend on key order (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashableAuditRow {
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorName: string | null;
  organizationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: unknown;
  requestId: string | null;
  prevHash: string;
}

export function hashAuditRow(row: HashableAuditRow): string {
  const payload = canonicalJson([
    row.seq,
    row.occurredAt.toISOString(),
    row.actorUserId,
    row.actorName,
    row.organizationId,
    row.action,
    row.targetType,
    row.targetId,
    row.summary,
    row.requestId,
    row.prevHash,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

/** An entry waiting for its transaction's commit, with the context it was written in. */
interface PendingEntry {
  readonly context: AuditContext;
  readonly entry: AuditEntry;
  /** The summary as jsonb will store it, taken when written (the caller may change its object later). */
  readonly summary: unknown;
}

const pendingOf = new WeakMap<Trx, PendingEntry[]>();

/**
 * Records one audit row in the caller's transaction (requires a Transaction by type): the row commits or
 * rolls back with the change it records. The rows of a transaction are appended to the chain together as its
 * last statement before COMMIT (`beforeCommit`), so the chain's head is locked only for that append and the
 * commit rather than for the whole business transaction: that lock serialises every write of the platform.
 */
export async function writeAudit(trx: Trx, context: AuditContext, entry: AuditEntry): Promise<void> {
  // Round-trip the summary through JSON so the hash covers exactly what jsonb stores.
  const pending: PendingEntry = { context, entry, summary: JSON.parse(JSON.stringify(entry.summary)) };
  const queued = pendingOf.get(trx);
  if (queued) {
    queued.push(pending);
    return;
  }
  if (beforeCommit(trx, () => appendToChain(trx, pendingOf.get(trx) ?? []))) {
    pendingOf.set(trx, [pending]);
    return;
  }
  await appendToChain(trx, [pending]);
}

/** Locks the chain's head, then inserts the rows after it and moves the head in one statement. */
async function appendToChain(trx: Trx, entries: readonly PendingEntry[]): Promise<void> {
  pendingOf.delete(trx);
  if (entries.length === 0) return;
  const head = await trx
    .selectFrom('audit_chain')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // The time the rows join the chain, so that seq and occurred_at grow together.
  const occurredAt = new Date();
  let seq = Number(head.last_seq);
  let prevHash = head.last_hash;
  const rows = entries.map(({ context, entry, summary }) => {
    const row: HashableAuditRow = {
      seq: ++seq,
      occurredAt,
      actorUserId: context.actorUserId,
      actorName: context.actorName,
      organizationId: entry.organizationId !== undefined ? entry.organizationId : context.organizationId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      summary,
      requestId: context.requestId,
      prevHash,
    };
    prevHash = hashAuditRow(row);
    return {
      seq: row.seq,
      occurred_at: row.occurredAt,
      actor_user_id: row.actorUserId,
      actor_name: row.actorName,
      organization_id: row.organizationId,
      action: row.action,
      target_type: row.targetType,
      target_id: row.targetId,
      summary: JSON.stringify(summary),
      request_id: row.requestId,
      prev_hash: row.prevHash,
      hash: prevHash,
    };
  });
  await trx
    .with('appended', (db) => db.insertInto('audit_log').values(rows))
    .updateTable('audit_chain')
    .set({ last_seq: seq, last_hash: prevHash })
    .where('id', '=', 1)
    .execute();
}

export type AuditVerification =
  | { readonly ok: true; readonly rows: number }
  | { readonly ok: false; readonly rows: number; readonly firstBadSeq: number; readonly reason: string };

/** Recomputes the whole chain in batches (keyset pagination), stopping at the first broken link. */
export async function verifyAuditChain(db: DbOrTrx, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const r of batch) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) {
        return { ok: false, rows, firstBadSeq: expectedSeq, reason: `row ${expectedSeq} is missing` };
      }
      if (r.prev_hash !== prevHash) {
        return { ok: false, rows, firstBadSeq: seq, reason: `row ${seq} does not link to the row before it` };
      }
      const recomputed = hashAuditRow({
        seq,
        occurredAt: new Date(r.occurred_at),
        actorUserId: r.actor_user_id,
        actorName: r.actor_name,
        organizationId: r.organization_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        summary: r.summary,
        requestId: r.request_id,
        prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) {
        return { ok: false, rows, firstBadSeq: seq, reason: `row ${seq} was altered (hash mismatch)` };
      }
      prevHash = r.hash;
      expectedSeq = seq + 1;
      rows++;
    }
    if (batch.length < batchSize) break;
  }
  const head = await db.selectFrom('audit_chain').select(['last_seq', 'last_hash']).executeTakeFirst();
  if (head && (Number(head.last_seq) !== rows || (rows > 0 && head.last_hash !== prevHash))) {
    return { ok: false, rows, firstBadSeq: rows + 1, reason: `rows after ${rows} were removed` };
  }
  return { ok: true, rows };
}

export interface AuditQuery {
  readonly organizationIds?: readonly string[] | undefined;
  readonly action?: string | undefined;
  readonly actorUserId?: string | undefined;
  readonly targetType?: string | undefined;
  readonly targetId?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

/** Audit rows newest first; `organizationIds` scopes the list in SQL (undefined = all, for system admins). */
export async function findAuditRows(db: DbOrTrx, q: AuditQuery) {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.organizationIds) {
    if (q.organizationIds.length === 0) return [];
    query = query.where('organization_id', 'in', q.organizationIds);
  }
  if (q.action) query = query.where('action', '=', q.action);
  if (q.actorUserId) query = query.where('actor_user_id', '=', q.actorUserId);
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.from) query = query.where('occurred_at', '>=', q.from);
  if (q.to) query = query.where('occurred_at', '<', q.to);
  if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
  return query.orderBy('seq', 'desc').limit(q.limit).execute();
}
