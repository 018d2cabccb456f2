/**
 * The handling of an incoming document after registration (Decree 30/2020, Điều 23–24): present, direct,
 * assign, comment, ask for more time, hand back, complete, recall, close. Each step runs in one transaction
 * on the locked document: the state (409 when the step does not fit it), then the permission (403), then the
 * change, the trail row, the audit row and the notices, which commit together.
 */
import { writeAudit } from '../../../platform/audit/audit.ts';
import { authorize, hasRole, type Actor } from '../../../platform/authz.ts';
import type { AppDeps, UseCaseContext } from '../../../platform/context.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { vietnamDate } from '../../../platform/time.ts';
import { addWorkingDays } from '../../calendar/index.ts';
import { assertFilesAttachable } from '../../files/index.ts';
import { findUnitById } from '../../org/index.ts';
import { findMemberUnitId, findMembersWithRole, isMemberOf } from '../../identity/index.ts';
import type { IncomingDocumentsTable } from '../documents.tables.ts';
import type { IncomingStatus } from '../documents.types.ts';
import { recordRecipientStatus } from '../outgoing/issuing/issuing.status.ts';
import { ALLOWED_STATES, type IncomingAction } from './incoming.actions.ts';
import { sendIncomingNotices, type IncomingNotice, type Recipient } from './incoming.notices.ts';
import { headsAssignedUnit, incomingPolicy, ownAssignments } from './incoming.policy.ts';
import * as repo from './incoming.repository.ts';
import { getLockedVisible } from './incoming.service.ts';

type Deps = Pick<AppDeps, 'db' | 'jobs'>;
type Doc = NonNullable<Awaited<ReturnType<typeof repo.lockIncoming>>>;
type Assignment = Awaited<ReturnType<typeof repo.findAssignments>>[number];
type DocChanges = Partial<{
  [K in keyof IncomingDocumentsTable]: IncomingDocumentsTable[K] extends { __update__: infer U } ? U : never;
}>;

interface StepResult {
  readonly changes?: Record<string, unknown>;
  readonly event: { action: string; note?: string | null; details?: Record<string, unknown> };
  readonly notices?: readonly IncomingNotice[];
  readonly audit?: Record<string, unknown>;
}

interface StepContext {
  readonly trx: Trx;
  readonly doc: Doc;
  readonly assignments: Assignment[];
  readonly now: Date;
}

function requireState(doc: Doc, action: IncomingAction): void {
  const allowed = ALLOWED_STATES[action];
  if (!allowed.includes(doc.status)) {
    throw new AppError('documents.invalid_state', { status: doc.status, allowed });
  }
}

/** Runs one step: lock, check, change, trail, audit, notices — all or nothing. */
async function step(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  action: IncomingAction,
  permitted: (doc: Doc, assignments: Assignment[]) => boolean,
  run: (s: StepContext) => Promise<StepResult>,
) {
  const { actor } = ctx;
  return deps.db.transaction().execute(async (trx) => {
    const doc = await getLockedVisible(trx, actor, id);
    const assignments = await repo.findAssignments(trx, id);
    requireState(doc, action);
    authorize(permitted(doc, assignments), { action });
    const now = new Date();
    const result = await run({ trx, doc, assignments, now });
    const after = await trx
      .updateTable('incoming_documents')
      .set({ ...(result.changes as DocChanges), version: doc.version + 1, last_activity_at: now, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.insertEvent(trx, {
      documentId: id,
      actor,
      action: result.event.action,
      fromStatus: doc.status,
      toStatus: after.status,
      note: result.event.note ?? null,
      details: result.event.details,
    });
    await repo.markRead(trx, id, actor.userId, now);
    // A copy sent on EduGov: the sender's dispatch follows its status (STANDARDS §2.7).
    if (after.status !== doc.status)
      await recordRecipientStatus(trx, deps.jobs, after, after.status, { actorUserId: actor.userId });
    await writeAudit(trx, ctx.audit, {
      action: `documents.incoming_${result.event.action}`,
      targetType: 'incoming_document',
      targetId: id,
      summary: { before: { status: doc.status }, after: { status: after.status, ...result.audit } },
    });
    if (result.notices) await sendIncomingNotices(trx, deps.jobs, actor.userId, result.notices);
    return after;
  });
}

export interface Target {
  readonly unitId?: string;
  readonly userId?: string;
  /** This target's own deadline, when it differs from the common one. */
  readonly deadline?: string;
}

export interface DeadlineInput {
  /** A date (yyyy-mm-dd) … */
  readonly deadline?: string;
  /** … or a number of working days from now (counted with the holiday calendar). */
  readonly workingDays?: number;
}

async function resolveDeadline(trx: Trx, input: DeadlineInput, now: Date): Promise<string | null> {
  if (input.deadline !== undefined && input.workingDays !== undefined) {
    throw new AppError('documents.invalid_deadline', { reason: 'give a date or a number of working days, not both' });
  }
  if (input.workingDays !== undefined) return (await addWorkingDays(trx, now, input.workingDays)).dueDate;
  if (input.deadline === undefined) return null;
  if (input.deadline < vietnamDate(now)) throw new AppError('documents.invalid_deadline', { reason: 'in the past' });
  return input.deadline;
}

function recipientOf(a: { unit_id: string | null; user_id: string | null }): Recipient {
  return a.user_id ? { userId: a.user_id } : { unitHeadsOf: a.unit_id! };
}

async function checkTarget(trx: Trx, organizationId: string, t: Target, today: string): Promise<void> {
  if ((t.unitId === undefined) === (t.userId === undefined)) {
    throw new AppError('documents.invalid_assignment', { reason: 'each target is a unit or a person' });
  }
  if (t.unitId) {
    const unit = await findUnitById(trx, t.unitId);
    if (!unit || unit.organization_id !== organizationId) {
      throw new AppError('documents.invalid_recipient', { unitId: t.unitId });
    }
  }
  if (t.userId && !(await isMemberOf(trx, t.userId, organizationId, today))) {
    throw new AppError('documents.invalid_recipient', { userId: t.userId });
  }
}

async function endAssignments(
  trx: Trx,
  ids: readonly string[],
  status: 'recalled' | 'returned' | 'completed' | 'closed',
  now: Date,
) {
  if (ids.length === 0) return;
  await trx
    .updateTable('incoming_assignments')
    .set({ status, status_changed_at: now })
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
  // A request for more time on an assignment that has ended has nothing left to decide.
  await trx
    .updateTable('incoming_extensions')
    .set({ status: 'withdrawn', decided_at: now })
    .where('assignment_id', 'in', ids)
    .where('status', '=', 'pending')
    .execute();
}

/** Active assignments under (and including) the given ones. */
function withChildren(assignments: readonly Assignment[], roots: readonly Assignment[]): Assignment[] {
  const ids = new Set(roots.map((a) => a.id));
  return assignments.filter(
    (a) => a.status === 'active' && (ids.has(a.id) || (a.parent_id !== null && ids.has(a.parent_id))),
  );
}

export async function presentIncoming(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { leaderId?: string; note?: string },
) {
  return step(
    deps,
    ctx,
    id,
    'present',
    (doc) => incomingPolicy.canPresent(ctx.actor, doc),
    async ({ trx, doc, now }) => {
      if (input.leaderId) {
        const leaders = await findMembersWithRole(trx, doc.organization_id, 'leader', vietnamDate(now));
        if (!leaders.some((l) => l.id === input.leaderId)) {
          throw new AppError('documents.invalid_recipient', { leaderId: input.leaderId });
        }
      }
      return {
        changes: { status: 'presented', presented_to: input.leaderId ?? null, presented_at: now },
        event: { action: 'presented', note: input.note, details: { leaderId: input.leaderId ?? null } },
        notices: [
          { kind: 'presented', to: [input.leaderId ? { userId: input.leaderId } : { role: 'leader' }], document: doc },
        ],
      };
    },
  );
}

export interface DirectInput extends DeadlineInput {
  readonly lead: Target;
  readonly supports?: readonly Target[];
  readonly infos?: readonly Target[];
  readonly instructions?: string;
}

/** The leader's direction (bút phê): lead, supporting and for-information units or people, deadline, instructions. Re-directing replaces the previous direction. */
export async function directIncoming(deps: Deps, ctx: UseCaseContext, id: string, input: DirectInput) {
  const { actor } = ctx;
  return step(
    deps,
    ctx,
    id,
    'direct',
    (doc) => incomingPolicy.canDirect(actor, doc),
    async ({ trx, doc, assignments, now }) => {
      const today = vietnamDate(now);
      const targets = [
        { role: 'lead' as const, t: input.lead },
        ...(input.supports ?? []).map((t) => ({ role: 'support' as const, t })),
        ...(input.infos ?? []).map((t) => ({ role: 'info' as const, t })),
      ];
      const keys = targets.map(({ t }) => t.unitId ?? t.userId);
      if (new Set(keys).size !== keys.length) {
        throw new AppError('documents.invalid_assignment', { reason: 'a unit or person is listed twice' });
      }
      for (const { t } of targets) await checkTarget(trx, doc.organization_id, t, today);
      const deadline = await resolveDeadline(trx, input, now);
      for (const { t } of targets) {
        if (t.deadline !== undefined && t.deadline < today) {
          throw new AppError('documents.invalid_deadline', { reason: 'in the past', target: t });
        }
      }
      const previous = assignments.filter((a) => a.status === 'active');
      await endAssignments(
        trx,
        previous.map((a) => a.id),
        'recalled',
        now,
      );
      // A person given the document directly is recorded with their unit, so that unit's head can follow it.
      const unitOf = new Map<string, string | null>();
      for (const { t } of targets) {
        if (t.userId) unitOf.set(t.userId, await findMemberUnitId(trx, t.userId, doc.organization_id, today));
      }
      const inserted = await trx
        .insertInto('incoming_assignments')
        .values(
          targets.map(({ role, t }) => ({
            document_id: id,
            role,
            unit_id: t.unitId ?? (t.userId ? (unitOf.get(t.userId) ?? null) : null),
            user_id: t.userId ?? null,
            assigned_by: actor.userId,
            assigned_at: now,
            deadline: role === 'info' ? null : (t.deadline ?? deadline),
            instructions: input.instructions ?? null,
          })),
        )
        .returningAll()
        .execute();
      const lead = inserted.find((a) => a.role === 'lead')!;
      const detail = lead.deadline
        ? { vi: `Hạn xử lý: ${formatDate(lead.deadline)}`, en: `Due: ${formatDate(lead.deadline)}` }
        : undefined;
      return {
        changes: {
          status: input.lead.userId ? 'in_progress' : 'assigned',
          directed_at: now,
          directed_by: actor.userId,
          first_directed_at: doc.first_directed_at ?? now,
          due_date: lead.deadline,
          lead_unit_id: input.lead.unitId ?? null,
          lead_user_id: input.lead.userId ?? null,
        },
        event: {
          action: previous.length > 0 ? 'redirected' : 'directed',
          note: input.instructions,
          details: {
            deadline: lead.deadline,
            assignments: inserted.map((a) => ({
              id: a.id,
              role: a.role,
              unitId: a.unit_id,
              userId: a.user_id,
              deadline: a.deadline,
            })),
          },
        },
        audit: { deadline: lead.deadline, assignments: inserted.length },
        notices: inserted.map((a) => ({
          kind: a.role === 'info' ? ('for_info' as const) : ('assigned' as const),
          to: [recipientOf(a)],
          document: doc,
          detail: a.role === 'info' ? undefined : detail,
        })),
      };
    },
  );
}

export interface AssignInput extends DeadlineInput {
  /** The unit's assignment being handed on. */
  readonly assignmentId: string;
  readonly leadUserId?: string;
  readonly supportUserIds?: readonly string[];
  readonly instructions?: string;
}

/** A unit head hands the unit's assignment to specialists (lead and supporting). Re-assigning replaces the previous hand-over. */
export async function assignIncoming(deps: Deps, ctx: UseCaseContext, id: string, input: AssignInput) {
  const { actor } = ctx;
  return step(
    deps,
    ctx,
    id,
    'assign',
    (doc, assignments) => {
      const parent = assignments.find((a) => a.id === input.assignmentId);
      return parent !== undefined && incomingPolicy.canAssign(actor, doc, parent);
    },
    async ({ trx, doc, assignments, now }) => {
      const parent = assignments.find((a) => a.id === input.assignmentId)!;
      if (parent.status !== 'active' || parent.parent_id !== null) {
        throw new AppError('documents.invalid_state', { assignmentStatus: parent.status });
      }
      const people = [
        ...(input.leadUserId ? [{ role: 'lead' as const, userId: input.leadUserId }] : []),
        ...(input.supportUserIds ?? []).map((userId) => ({ role: 'support' as const, userId })),
      ];
      if (people.length === 0)
        throw new AppError('documents.invalid_assignment', { reason: 'choose at least one person' });
      if (parent.role === 'support' && input.leadUserId) {
        throw new AppError('documents.invalid_assignment', {
          reason: 'a supporting unit assigns supporting people only',
        });
      }
      if (new Set(people.map((p) => p.userId)).size !== people.length) {
        throw new AppError('documents.invalid_assignment', { reason: 'a person is listed twice' });
      }
      const today = vietnamDate(now);
      for (const p of people) {
        if (!(await isMemberOf(trx, p.userId, doc.organization_id, today, parent.unit_id!))) {
          throw new AppError('documents.invalid_recipient', { userId: p.userId });
        }
      }
      const deadline = (await resolveDeadline(trx, input, now)) ?? parent.deadline;
      if (deadline && parent.deadline && deadline > parent.deadline) {
        throw new AppError('documents.invalid_deadline', {
          reason: 'after the unit deadline',
          unitDeadline: parent.deadline,
        });
      }
      const previous = assignments.filter((a) => a.status === 'active' && a.parent_id === parent.id);
      await endAssignments(
        trx,
        previous.map((a) => a.id),
        'recalled',
        now,
      );
      const inserted = await trx
        .insertInto('incoming_assignments')
        .values(
          people.map((p) => ({
            document_id: id,
            parent_id: parent.id,
            role: p.role,
            user_id: p.userId,
            unit_id: parent.unit_id,
            assigned_by: actor.userId,
            assigned_at: now,
            deadline,
            instructions: input.instructions ?? null,
          })),
        )
        .returningAll()
        .execute();
      const leadChild = inserted.find((a) => a.role === 'lead');
      const changes: Record<string, unknown> = {};
      if (parent.role === 'lead') {
        changes.status = leadChild ? 'in_progress' : 'assigned';
        changes.lead_user_id = leadChild?.user_id ?? null;
      }
      const detail = deadline
        ? { vi: `Hạn xử lý: ${formatDate(deadline)}`, en: `Due: ${formatDate(deadline)}` }
        : undefined;
      return {
        changes,
        event: {
          action: previous.length > 0 ? 'reassigned' : 'assigned',
          note: input.instructions,
          details: {
            unitId: parent.unit_id,
            deadline,
            assignments: inserted.map((a) => ({ id: a.id, role: a.role, userId: a.user_id, deadline: a.deadline })),
          },
        },
        audit: { deadline, people: inserted.length },
        notices: inserted.map((a) => ({
          kind: 'assigned' as const,
          to: [{ userId: a.user_id! }],
          document: doc,
          detail,
        })),
      };
    },
  );
}

/** Attaches the actor's own uploads to the document as drafts (dự thảo); returns the ids attached. */
async function attachDrafts(
  trx: Trx,
  actor: Actor,
  documentId: string,
  ids: readonly string[] | undefined,
  now: Date,
): Promise<string[]> {
  const fileIds = [...new Set(ids ?? [])];
  if (fileIds.length === 0) return fileIds;
  await assertFilesAttachable(trx, actor, fileIds);
  await repo.insertDocumentFiles(trx, documentId, fileIds, 'draft', actor.userId, now);
  return fileIds;
}

/** An opinion (ý kiến) on the handling, with draft files if any; the state does not change. */
export async function commentIncoming(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { note: string; fileIds?: readonly string[] },
) {
  const { actor } = ctx;
  return step(
    deps,
    ctx,
    id,
    'comment',
    (doc, as) => incomingPolicy.canComment(actor, doc, as),
    async ({ trx, now }) => {
      const fileIds = await attachDrafts(trx, actor, id, input.fileIds, now);
      return { event: { action: 'commented', note: input.note, details: { fileIds } } };
    },
  );
}

/** The assignee's own assignment that a step refers to (the one named, or the only one they hold). */
function pickOwn(
  actor: Actor,
  assignments: readonly Assignment[],
  assignmentId: string | undefined,
): Assignment | undefined {
  const own = ownAssignments(actor, assignments) as Assignment[];
  if (assignmentId) return own.find((a) => a.id === assignmentId);
  return own.find((a) => a.role === 'lead') ?? own[0];
}

export async function requestExtension(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { assignmentId?: string; requestedDeadline: string; reason: string },
) {
  const { actor } = ctx;
  return step(
    deps,
    ctx,
    id,
    'request_extension',
    (doc, as) => {
      const a = pickOwn(actor, as, input.assignmentId);
      return a !== undefined && incomingPolicy.canRequestExtension(actor, doc, a);
    },
    async ({ trx, doc, assignments, now }) => {
      const a = pickOwn(actor, assignments, input.assignmentId)!;
      if (!a.deadline) throw new AppError('documents.invalid_deadline', { reason: 'this assignment has no deadline' });
      if (input.requestedDeadline <= a.deadline) {
        throw new AppError('documents.invalid_deadline', {
          reason: 'not later than the current deadline',
          current: a.deadline,
        });
      }
      const pending = await trx
        .selectFrom('incoming_extensions')
        .select('id')
        .where('assignment_id', '=', a.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (pending) throw new AppError('documents.invalid_state', { reason: 'a request is already pending' });
      const x = await trx
        .insertInto('incoming_extensions')
        .values({
          document_id: id,
          assignment_id: a.id,
          requested_by: actor.userId,
          requested_at: now,
          current_deadline: a.deadline,
          requested_deadline: input.requestedDeadline,
          reason: input.reason,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return {
        event: {
          action: 'extension_requested',
          note: input.reason,
          details: { extensionId: x.id, assignmentId: a.id, from: a.deadline, to: input.requestedDeadline },
        },
        notices: [
          {
            kind: 'extension_requested',
            to: [{ userId: a.assigned_by }],
            document: doc,
            detail: {
              vi: `Đề nghị gia hạn đến ${formatDate(input.requestedDeadline)}`,
              en: `Asks for time until ${formatDate(input.requestedDeadline)}`,
            },
          },
        ],
      };
    },
  );
}

export async function decideExtension(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { extensionId: string; approve: boolean; note?: string },
) {
  const { actor } = ctx;
  let extension:
    { assignment_id: string; status: string; requested_deadline: string; requested_by: string } | undefined;
  return step(
    deps,
    ctx,
    id,
    'decide_extension',
    (doc, as) => {
      // The extension is loaded inside the step below; here only whoever set a deadline on this document may decide.
      return as.some((a) => incomingPolicy.canDecideExtension(actor, doc, a));
    },
    async ({ trx, doc, assignments, now }) => {
      extension = await trx
        .selectFrom('incoming_extensions')
        .selectAll()
        .where('id', '=', input.extensionId)
        .where('document_id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!extension) throw new AppError('record.not_found', { type: 'extension', id: input.extensionId });
      const a = assignments.find((x) => x.id === extension!.assignment_id)!;
      authorize(incomingPolicy.canDecideExtension(actor, doc, a), { reason: 'only whoever set the deadline decides' });
      if (extension.status !== 'pending' || a.status !== 'active') {
        throw new AppError('documents.invalid_state', {
          extensionStatus: extension.status,
          assignmentStatus: a.status,
        });
      }
      const parent = a.parent_id ? assignments.find((x) => x.id === a.parent_id) : undefined;
      if (input.approve && parent?.deadline && extension.requested_deadline > parent.deadline) {
        throw new AppError('documents.invalid_deadline', {
          reason: 'after the unit deadline',
          unitDeadline: parent.deadline,
        });
      }
      await trx
        .updateTable('incoming_extensions')
        .set({
          status: input.approve ? 'approved' : 'refused',
          decided_by: actor.userId,
          decided_at: now,
          decision_note: input.note ?? null,
        })
        .where('id', '=', input.extensionId)
        .execute();
      const changes: Record<string, unknown> = {};
      if (input.approve) {
        await trx
          .updateTable('incoming_assignments')
          .set({ deadline: extension.requested_deadline, due_soon_notified_at: null, overdue_notified_at: null })
          .where('id', '=', a.id)
          .execute();
        if (a.role === 'lead' && a.parent_id === null) changes.due_date = extension.requested_deadline;
      }
      const when = formatDate(extension.requested_deadline);
      return {
        changes,
        event: {
          action: input.approve ? 'extension_approved' : 'extension_refused',
          note: input.note,
          details: { extensionId: input.extensionId, assignmentId: a.id, deadline: extension.requested_deadline },
        },
        notices: [
          {
            kind: 'extension_decided',
            to: [{ userId: extension.requested_by }],
            document: doc,
            detail: input.approve
              ? { vi: `Đồng ý gia hạn đến ${when}`, en: `More time granted until ${when}` }
              : { vi: `Không đồng ý gia hạn đến ${when}`, en: `More time until ${when} refused` },
          },
        ],
      };
    },
  );
}

/** An assignee hands their assignment back to whoever gave it (with a reason). */
export async function returnIncoming(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { assignmentId?: string; note: string },
) {
  const { actor } = ctx;
  return step(
    deps,
    ctx,
    id,
    'return',
    (doc, as) => {
      const a = pickOwn(actor, as, input.assignmentId);
      return a !== undefined && incomingPolicy.canReturn(actor, doc, a);
    },
    async ({ trx, doc, assignments, now }) => {
      const a = pickOwn(actor, assignments, input.assignmentId)!;
      const changes: Record<string, unknown> = {};
      let ended: Assignment[] = [a];
      if (a.role === 'lead' && a.parent_id === null) {
        // The lead hands the whole document back: the leader directs it again.
        ended = withChildren(
          assignments,
          assignments.filter((x) => x.parent_id === null && x.status === 'active'),
        );
        Object.assign(changes, { status: 'presented', due_date: null, lead_unit_id: null, lead_user_id: null });
      } else if (a.role === 'lead') {
        Object.assign(changes, { status: 'assigned', lead_user_id: null });
      } else {
        ended = withChildren(assignments, [a]);
      }
      await endAssignments(trx, [a.id], 'returned', now);
      await endAssignments(
        trx,
        ended.filter((x) => x.id !== a.id).map((x) => x.id),
        'recalled',
        now,
      );
      return {
        changes,
        event: { action: 'returned', note: input.note, details: { assignmentId: a.id, role: a.role } },
        notices: [
          {
            kind: 'returned',
            to: [{ userId: a.assigned_by }],
            document: doc,
            detail: { vi: input.note, en: input.note },
          },
        ],
      };
    },
  );
}

/** Completes the handling (the lead, the lead unit's head or the leader), or a supporter's own part. */
export async function completeIncoming(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { note?: string; answeredBy?: string; answeredByOutgoingId?: string; fileIds?: readonly string[] },
) {
  const { actor } = ctx;
  return step(
    deps,
    ctx,
    id,
    'complete',
    (doc, as) => incomingPolicy.canComplete(actor, doc, as),
    async ({ trx, doc, assignments, now }) => {
      const fileIds = await attachDrafts(trx, actor, id, input.fileIds, now);
      const own = ownAssignments(actor, assignments) as Assignment[];
      const leads = own.some((a) => a.role === 'lead');
      if (!leads && !hasRole(actor, 'leader')) {
        // A supporter finishes their own part; the document stays open for the lead.
        await endAssignments(
          trx,
          withChildren(assignments, own).map((a) => a.id),
          'completed',
          now,
        );
        return {
          event: { action: 'support_completed', note: input.note, details: { assignmentIds: own.map((a) => a.id) } },
        };
      }
      await endAssignments(
        trx,
        assignments.filter((a) => a.status === 'active').map((a) => a.id),
        'completed',
        now,
      );
      const late = doc.due_date !== null && vietnamDate(now) > doc.due_date;
      return {
        changes: {
          status: 'completed',
          completed_at: now,
          completed_by: actor.userId,
          answered_by: input.answeredBy ?? null,
          answered_by_outgoing_id: input.answeredByOutgoingId ?? null,
        },
        event: {
          action: 'completed',
          note: input.note,
          details: { answeredBy: input.answeredBy ?? null, dueDate: doc.due_date, late, fileIds },
        },
        audit: { late },
        notices: doc.directed_by
          ? [{ kind: 'completed' as const, to: [{ userId: doc.directed_by }], document: doc }]
          : [],
      };
    },
  );
}

/** The leader recalls the whole direction (back to them); a unit head recalls what they handed to their people. */
export async function recallIncoming(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { assignmentId?: string; note?: string },
) {
  const { actor } = ctx;
  return step(
    deps,
    ctx,
    id,
    'recall',
    (doc) => incomingPolicy.canRecall(actor, doc),
    async ({ trx, assignments, now }) => {
      const active = assignments.filter((a) => a.status === 'active');
      if (hasRole(actor, 'leader') && !input.assignmentId) {
        await endAssignments(
          trx,
          active.map((a) => a.id),
          'recalled',
          now,
        );
        return {
          changes: { status: 'presented', due_date: null, lead_unit_id: null, lead_user_id: null },
          event: { action: 'recalled', note: input.note, details: { assignmentIds: active.map((a) => a.id) } },
        };
      }
      const byId = new Map(assignments.map((a) => [a.id, a]));
      const mine = active.filter(
        (c) =>
          c.parent_id !== null &&
          (hasRole(actor, 'leader') || headsAssignedUnit(actor, byId.get(c.parent_id)!)) &&
          (!input.assignmentId || c.id === input.assignmentId),
      );
      authorize(mine.length > 0, { reason: 'nothing of yours to recall' });
      await endAssignments(
        trx,
        mine.map((a) => a.id),
        'recalled',
        now,
      );
      const changes: Record<string, unknown> = {};
      const leadRecalled = mine.some((c) => c.role === 'lead' && byId.get(c.parent_id!)?.role === 'lead');
      if (leadRecalled) Object.assign(changes, { status: 'assigned', lead_user_id: null });
      return {
        changes,
        event: { action: 'recalled', note: input.note, details: { assignmentIds: mine.map((a) => a.id) } },
      };
    },
  );
}

/** Ends the handling without further work (e.g. a document for information only). */
export async function closeIncoming(deps: Deps, ctx: UseCaseContext, id: string, input: { note: string }) {
  const { actor } = ctx;
  return step(
    deps,
    ctx,
    id,
    'close',
    (doc, as) => incomingPolicy.canClose(actor, doc, as),
    async ({ trx, assignments, now }) => {
      await endAssignments(
        trx,
        assignments.filter((a) => a.status === 'active').map((a) => a.id),
        'closed',
        now,
      );
      return {
        changes: { status: 'closed' satisfies IncomingStatus, closed_at: now, closed_by: actor.userId },
        event: { action: 'closed', note: input.note },
      };
    },
  );
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
