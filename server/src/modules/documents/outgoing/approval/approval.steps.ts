/**
 * The step runner of outgoing documents: each step (save, submit, approve, return, forward, reject) runs in
 * one transaction on the locked document — visibility (404), state (409), permission (403), then the
 * change, the trail row, the audit row and the notices, which commit together.
 */
import type { Updateable } from 'kysely';
import { writeAudit } from '../../../../platform/audit/audit.ts';
import { authorize } from '../../../../platform/authz.ts';
import type { AppDeps, UseCaseContext } from '../../../../platform/context.ts';
import type { Trx } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import * as drafts from '../drafts/drafts.repository.ts';
import type { OutgoingDocumentsTable } from '../drafts/drafts.tables.ts';
import { ALLOWED_STATES, stateAllows, type OutgoingAction } from './approval.actions.ts';
import { sendOutgoingNotices, type OutgoingNotice } from './approval.notices.ts';
import * as repo from './approval.repository.ts';
import { resolveReviewerScope, type ReviewerScope } from './approval.scope.ts';

export type Deps = Pick<AppDeps, 'db' | 'jobs' | 'config'>;
export type OutgoingRow = NonNullable<Awaited<ReturnType<typeof drafts.lockOutgoing>>>;
export type RouteRow = NonNullable<Awaited<ReturnType<typeof repo.findActiveRoute>>>;
export type StepRow = Awaited<ReturnType<typeof repo.findPendingSteps>>[number];
type DocChanges = Updateable<OutgoingDocumentsTable>;

export interface StepFacts {
  readonly doc: OutgoingRow;
  /** The active route (while in review). */
  readonly route: RouteRow | undefined;
  /** The pending steps of the route's current stage. */
  readonly pending: readonly StepRow[];
  readonly scope: ReviewerScope;
}

export interface StepContext extends StepFacts {
  readonly trx: Trx;
  readonly now: Date;
}

export interface StepResult {
  readonly changes?: DocChanges;
  readonly event: { action: string; note?: string | null; details?: Record<string, unknown> };
  readonly notices?: readonly OutgoingNotice[];
  readonly audit?: Record<string, unknown>;
}

/** The document, locked for a change, if the actor may see it; otherwise 404 (never reveal what one may not see). */
export async function getLockedVisible(trx: Trx, scope: ReviewerScope, id: string): Promise<OutgoingRow> {
  const visible = await drafts.findVisibleOutgoingById(trx, scope, id);
  const doc = visible ? await drafts.lockOutgoing(trx, id) : undefined;
  if (!doc) throw new AppError('record.not_found', { type: 'outgoing_document', id });
  return doc;
}

/** Runs one step: lock, check, change, trail, audit, notices — all or nothing. Returns the document after. */
export async function runOutgoingStep(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  action: OutgoingAction,
  permitted: (f: StepFacts) => boolean,
  run: (s: StepContext) => Promise<StepResult>,
): Promise<OutgoingRow> {
  const { actor } = ctx;
  return deps.db.transaction().execute(async (trx) => {
    const scope = await resolveReviewerScope(trx, actor);
    const doc = await getLockedVisible(trx, scope, id);
    const route = await repo.findActiveRoute(trx, id);
    const pending = route ? await repo.findPendingSteps(trx, route.id, route.current_stage) : [];
    if (!stateAllows(action, doc, route)) {
      throw new AppError('documents.invalid_state', { status: doc.status, allowed: ALLOWED_STATES[action] });
    }
    const facts: StepFacts = { doc, route, pending, scope };
    authorize(permitted(facts), { action });
    const now = new Date();
    const result = await run({ ...facts, trx, now });
    const after = await trx
      .updateTable('outgoing_documents')
      .set({ ...result.changes, version: doc.version + 1, last_activity_at: now, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await drafts.insertEvent(trx, {
      documentId: id,
      actor,
      action: result.event.action,
      fromStatus: doc.status,
      toStatus: after.status,
      note: result.event.note ?? null,
      details: result.event.details,
    });
    await writeAudit(trx, ctx.audit, {
      action: `documents.outgoing_${result.event.action}`,
      targetType: 'outgoing_document',
      targetId: id,
      summary: { before: { status: doc.status }, after: { status: after.status, ...result.audit } },
    });
    if (result.notices) await sendOutgoingNotices(trx, deps.jobs, actor.userId, result.notices);
    return after;
  });
}
