/**
 * The outbox (issue 6): a message to send over the axis is written in the transaction of the change that
 * produces it (`enqueueMessage`), so it exists exactly when that change commits; a job hands due messages to
 * the connector. A retryable failure is tried again after min(cap, base·2^tries) plus up to 10% jitter; after
 * EXCHANGE_MAX_ATTEMPTS tries, or at once when the axis refuses it, the message is dead until a clerk or an
 * administrator of the organisation sends it again (`replayMessage`).
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { writeAudit } from '../../../platform/audit/audit.ts';
import { authorize, hasRole } from '../../../platform/authz.ts';
import type { AppDeps, UseCaseContext } from '../../../platform/context.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { AxisError, type AxisConnector, type AxisMessageType } from '../axis/axis.types.ts';
import * as repo from '../exchange.repository.ts';

/**
 * How long a delivery in flight keeps its message from other workers: longer than a try can last (the
 * connector's calls time out after 30 s), and short, because a process killed during a try leaves its message
 * waiting until the lease ends. A try that outlives it anyway is harmless: the resend carries the same
 * idempotency key, and only the first outcome is recorded.
 */
const LEASE_SECONDS = 90;

export interface EnqueueMessageInput {
  readonly organizationId: string;
  readonly type: AxisMessageType;
  /** The sender's identifier code. */
  readonly fromCode: string;
  readonly toCodes: readonly string[];
  readonly xml: string | Uint8Array;
  /** edoc: the package's DocumentId; status: the DocumentId it answers. */
  readonly documentId?: string | null;
  readonly statusCode?: string | null;
  readonly outgoingId?: string | null;
  readonly incomingId?: string | null;
}

/** Queues a message for the axis inside the caller's transaction (it is sent only if that commits). */
export async function enqueueMessage(trx: Trx, input: EnqueueMessageInput): Promise<repo.OutboxRow> {
  const toCodes = [...new Set(input.toCodes)];
  if (toCodes.length === 0) throw new AppError('request.invalid', { field: 'toCodes', reason: 'no recipient' });
  const xml = typeof input.xml === 'string' ? Buffer.from(input.xml, 'utf8') : Buffer.from(input.xml);
  return repo.insertOutbox(trx, {
    organizationId: input.organizationId,
    type: input.type,
    fromCode: input.fromCode,
    toCodes,
    xml,
    sha256: createHash('sha256').update(xml).digest('hex'),
    documentId: input.documentId ?? null,
    statusCode: input.statusCode ?? null,
    outgoingId: input.outgoingId ?? null,
    incomingId: input.incomingId ?? null,
  });
}

export interface RetryPolicy {
  readonly baseSeconds: number;
  readonly capSeconds: number;
  readonly maxAttempts: number;
}

export const retryPolicyOf = (config: AppDeps['config']): RetryPolicy => ({
  baseSeconds: config.exchangeRetryBaseSeconds,
  capSeconds: config.exchangeRetryCapSeconds,
  maxAttempts: config.exchangeMaxAttempts,
});

/** Seconds before the next try after `attemptsBefore` earlier failed tries (without jitter). */
export function retryDelaySeconds(policy: RetryPolicy, attemptsBefore: number): number {
  return Math.min(policy.capSeconds, policy.baseSeconds * 2 ** Math.min(attemptsBefore, 40));
}

export interface DeliveryDeps {
  readonly db: AppDeps['db'];
  readonly config: AppDeps['config'];
  readonly logger: Logger;
  readonly connector: AxisConnector;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  dead: number;
}

/** Sends every due message (up to `limit`), one at a time; `now` is the clock (tests move it). */
export async function deliverDueMessages(
  deps: DeliveryDeps,
  options: { now?: Date; limit?: number; random?: () => number } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, dead: 0 };
  const policy = retryPolicyOf(deps.config);
  const random = options.random ?? Math.random;
  for (let i = 0; i < (options.limit ?? 100); i++) {
    const now = options.now ?? new Date();
    const row = await repo.claimDueOutbox(deps.db, now, new Date(now.getTime() + LEASE_SECONDS * 1000));
    if (!row) break;
    const log = deps.logger.child({ outboxId: row.id, type: row.type, attempt: row.attempts + 1 });
    try {
      const receipt = await deps.connector.send({
        type: row.type,
        from: row.from_code,
        to: row.to_codes,
        xml: new Uint8Array(row.xml),
        // The same key on every try: an axis that took the message before a crash does not take it twice.
        idempotencyKey: `edugov-outbox-${row.id}`,
      });
      await repo.recordOutboxAttempt(deps.db, row, {
        status: 'sent',
        axisMessageId: receipt.messageId,
        at: options.now ?? new Date(),
      });
      report.sent++;
      log.info({ axisMessageId: receipt.messageId }, 'exchange message sent');
    } catch (error) {
      const retryable = error instanceof AxisError ? error.retryable : true;
      const reason = error instanceof AxisError ? `${error.reason}: ${error.message}` : String(error);
      const lastError = reason.slice(0, 2000);
      if (!retryable || row.attempts + 1 >= policy.maxAttempts) {
        await repo.recordOutboxAttempt(deps.db, row, { status: 'dead', error: lastError });
        report.dead++;
        log.warn({ err: error, retryable }, 'exchange message dead');
      } else {
        const delay = retryDelaySeconds(policy, row.attempts) * (1 + 0.1 * random());
        const at = options.now ?? new Date();
        await repo.recordOutboxAttempt(deps.db, row, {
          status: 'pending',
          nextAttemptAt: new Date(at.getTime() + Math.round(delay * 1000)),
          error: lastError,
        });
        report.retried++;
        log.info({ err: error, retryInSeconds: Math.round(delay) }, 'exchange message will be retried');
      }
    }
  }
  return report;
}

/** A clerk or an administrator of the organisation sends a dead message again (from the first try). */
export async function replayMessage(deps: Pick<AppDeps, 'db'>, ctx: UseCaseContext, id: string) {
  const { actor } = ctx;
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockOutbox(trx, id);
    if (!row || row.organization_id !== actor.organizationId) {
      throw new AppError('record.not_found', { type: 'exchange_message', id });
    }
    authorize(hasRole(actor, 'clerk', 'org_admin'), { action: 'replay' });
    if (row.status !== 'dead') throw new AppError('exchange.message_not_dead', { status: row.status });
    const after = await repo.resetOutbox(trx, id, new Date());
    await writeAudit(trx, ctx.audit, {
      action: 'exchange.message_replayed',
      targetType: 'exchange_message',
      targetId: id,
      summary: {
        before: { status: 'dead', attempts: row.attempts, lastError: row.last_error },
        after: { status: 'pending', attempts: 0 },
      },
    });
    return after;
  });
}
