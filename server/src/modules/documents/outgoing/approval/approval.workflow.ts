/**
 * The approval of a draft (Decree 30/2020, Điều 11–13): the author submits it on a route; at each stage its
 * reviewers approve, return it to the author with comments, or forward their step to a colleague; the last
 * stage is the competent leader's approval. A submission (tờ trình) follows the same route and its final
 * approver decides with a note, approving or rejecting it.
 */
import type { UseCaseContext } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { isMemberOf } from '../../../identity/index.ts';
import { signAtApproval, type SigningInput } from '../issuing/issuing.signing.ts';
import { draftPolicy } from '../drafts/drafts.policy.ts';
import type { Recipient } from './approval.notices.ts';
import { pickStep } from './approval.policy.ts';
import * as repo from './approval.repository.ts';
import type { NewStep } from './approval.repository.ts';
import { resolveTemplate, stageSteps } from './approval.templates.ts';
import { runOutgoingStep, type Deps, type StepContext, type StepRow } from './approval.steps.ts';
import type { ApprovalStage, StageKind } from './approval.types.ts';

function recipientsOf(steps: readonly NewStep[]): Recipient[] {
  return steps.map((s) =>
    s.reviewerUserId ? { userId: s.reviewerUserId } : { role: s.reviewerRole!, unitId: s.reviewerUnitId ?? null },
  );
}

const stageDetail = (stage: ApprovalStage) => ({ vi: `Bước: ${stage.name}`, en: `Stage: ${stage.name}` });

/** The author submits the draft (again, after it was returned): the route starts at its first stage. */
export async function submitOutgoing(deps: Deps, ctx: UseCaseContext, id: string, input: { templateId?: string }) {
  const { actor } = ctx;
  return runOutgoingStep(
    deps,
    ctx,
    id,
    'submit',
    ({ doc }) => draftPolicy.canSubmit(actor, doc),
    async ({ trx, doc, now }) => {
      // Without a choice, a resubmission keeps the route it had, a first submission takes the default.
      const previous = input.templateId === undefined ? (await repo.findRoutes(trx, id))[0] : undefined;
      const template = await resolveTemplate(trx, doc.organization_id, input.templateId ?? previous?.template_id);
      const stages = template.steps;
      // Every stage must have someone to take it before the draft leaves the author.
      const first = await stageSteps(trx, doc, stages[0]!, 0);
      for (const [index, stage] of stages.entries()) if (index > 0) await stageSteps(trx, doc, stage, index);
      const route = await repo.insertRoute(trx, {
        documentId: id,
        templateId: template.id,
        templateName: template.name,
        stages,
        revision: doc.current_revision,
        by: actor.userId,
        at: now,
      });
      await repo.insertSteps(trx, route, 0, first, now);
      return {
        changes: { status: 'in_review', submitted_at: now, decided_at: null, decided_by: null, decision_note: null },
        event: {
          action: route.round > 1 ? 'resubmitted' : 'submitted',
          details: {
            routeId: route.id,
            round: route.round,
            templateId: template.id,
            templateName: template.name,
            revision: doc.current_revision,
          },
        },
        audit: { templateId: template.id, round: route.round, revision: doc.current_revision },
        notices: [
          { kind: 'review_requested', to: recipientsOf(first), document: doc, detail: stageDetail(stages[0]!) },
        ],
      };
    },
  );
}

interface StepInput {
  /** The pending step acted on, when the actor holds more than one in the stage. */
  readonly stepId?: string;
}

const mine = (s: StepContext, input: StepInput) => pickStep(s.scope, s.doc, s.pending, input.stepId)!;

const EVENT_OF_KIND: Record<StageKind, string> = {
  review: 'reviewed',
  form_check: 'form_checked',
  approve: 'reviewed',
};

/**
 * A reviewer approves their step. The stage completes when every reviewer approved (mode all) or at the
 * first approval (mode any); then the next stage opens, or after the last one the document is approved.
 */
export async function approveOutgoing(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: StepInput & { comment?: string; decisionNote?: string } & SigningInput,
) {
  const { actor } = ctx;
  return runOutgoingStep(
    deps,
    ctx,
    id,
    'approve',
    (f) => pickStep(f.scope, f.doc, f.pending, input.stepId) !== undefined,
    async (s) => {
      const { trx, doc, now } = s;
      const route = s.route!;
      const step = mine(s, input);
      const index = route.current_stage;
      const stage = route.stages[index]!;
      const last = index === route.stages.length - 1;
      const decisionNote = input.decisionNote?.trim() || null;
      if (doc.doc_type === 'submission' && last && decisionNote === null) {
        throw new AppError('documents.decision_note_required');
      }
      await repo.decideStep(trx, step.id, {
        status: 'approved',
        comment: input.comment ?? decisionNote,
        by: actor.userId,
        at: now,
      });
      const others = s.pending.filter((p) => p.id !== step.id);
      const stageDone = stage.mode === 'any' || others.length === 0;
      const details = { routeId: route.id, round: route.round, stage: index, stageName: stage.name, stepId: step.id };
      if (!stageDone) {
        return {
          event: { action: EVENT_OF_KIND[stage.kind], note: input.comment, details: { ...details, stageDone } },
          audit: { stage: index, stageDone },
        };
      }
      await repo.skipPendingSteps(trx, route.id, now);
      if (!last) {
        const next = route.stages[index + 1]!;
        const steps = await stageSteps(trx, doc, next, index + 1);
        await repo.updateRoute(trx, route.id, { current_stage: index + 1 });
        await repo.insertSteps(trx, route, index + 1, steps, now);
        return {
          event: { action: EVENT_OF_KIND[stage.kind], note: input.comment, details: { ...details, stageDone } },
          audit: { stage: index, stageDone, nextStage: index + 1 },
          notices: [{ kind: 'review_requested', to: recipientsOf(steps), document: doc, detail: stageDetail(next) }],
        };
      }
      await repo.updateRoute(trx, route.id, { status: 'approved', ended_at: now });
      // An organisation that signs digitally: the approving leader signs the PDF now (number and date blank).
      const signed = await signAtApproval(deps, trx, ctx, doc, now, input);
      return {
        changes: {
          status: 'approved',
          decided_at: now,
          decided_by: actor.userId,
          decision_note: decisionNote,
          ...signed?.changes,
        },
        event: {
          action: 'approved',
          note: decisionNote ?? input.comment,
          details: { ...details, stageDone, ...(signed ? { signed: signed.details } : {}) },
        },
        audit: { stage: index, decisionNote: decisionNote !== null, signed: signed !== null },
        notices: [
          {
            kind: 'approved',
            to: [{ userId: doc.created_by }],
            document: doc,
            ...(decisionNote ? { detail: { vi: decisionNote, en: decisionNote } } : {}),
          },
        ],
      };
    },
  );
}

/** Ends the active route (returned or rejected): the other reviewers' pending steps are no longer needed. */
async function endRoute(s: StepContext, status: 'returned' | 'rejected') {
  await repo.skipPendingSteps(s.trx, s.route!.id, s.now);
  await repo.updateRoute(s.trx, s.route!.id, { status, ended_at: s.now });
}

/** A reviewer sends the draft back to its author with comments; resubmitting starts the route again. */
export async function returnOutgoing(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: StepInput & { comment: string },
) {
  const { actor } = ctx;
  return runOutgoingStep(
    deps,
    ctx,
    id,
    'return',
    (f) => pickStep(f.scope, f.doc, f.pending, input.stepId) !== undefined,
    async (s) => {
      const step = mine(s, input);
      const route = s.route!;
      await repo.decideStep(s.trx, step.id, {
        status: 'returned',
        comment: input.comment,
        by: actor.userId,
        at: s.now,
      });
      await endRoute(s, 'returned');
      return {
        changes: { status: 'returned' },
        event: {
          action: 'returned',
          note: input.comment,
          details: { routeId: route.id, round: route.round, stage: route.current_stage, stepId: step.id },
        },
        audit: { stage: route.current_stage },
        notices: [
          {
            kind: 'returned',
            to: [{ userId: s.doc.created_by }],
            document: s.doc,
            detail: { vi: input.comment, en: input.comment },
          },
        ],
      };
    },
  );
}

/** A reviewer hands their step to a colleague of the organisation, who reviews in their place. */
export async function forwardOutgoing(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: StepInput & { toUserId: string; comment?: string },
) {
  const { actor } = ctx;
  return runOutgoingStep(
    deps,
    ctx,
    id,
    'forward',
    (f) => pickStep(f.scope, f.doc, f.pending, input.stepId) !== undefined,
    async (s) => {
      const { trx, doc, now } = s;
      const route = s.route!;
      const step = mine(s, input);
      const invalid = (reason: string) =>
        new AppError('documents.invalid_recipient', { userId: input.toUserId, reason });
      if (input.toUserId === actor.userId) throw invalid('forwarding to oneself');
      if (input.toUserId === doc.created_by) throw invalid('the author does not review their own draft');
      if (s.pending.some((p) => p.reviewer_user_id === input.toUserId)) throw invalid('already reviews this stage');
      if (!(await isMemberOf(trx, input.toUserId, doc.organization_id, vietnamDate(now)))) {
        throw invalid('not a member of the organisation');
      }
      await repo.decideStep(trx, step.id, {
        status: 'forwarded',
        comment: input.comment ?? null,
        by: actor.userId,
        at: now,
      });
      const [created] = await repo.insertSteps(
        trx,
        route,
        route.current_stage,
        [{ reviewerUserId: input.toUserId, forwardedFrom: step.id }],
        now,
      );
      return {
        event: {
          action: 'forwarded',
          note: input.comment,
          details: {
            routeId: route.id,
            round: route.round,
            stage: route.current_stage,
            stepId: step.id,
            newStepId: created!.id,
            toUserId: input.toUserId,
          },
        },
        audit: { stage: route.current_stage, toUserId: input.toUserId },
        notices: [
          {
            kind: 'forwarded',
            to: [{ userId: input.toUserId }],
            document: doc,
            detail: stageDetail(route.stages[route.current_stage]!),
          },
        ],
      };
    },
  );
}

/** The final approver decides against a submission (tờ trình), with the decision note. */
export async function rejectOutgoing(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: StepInput & { decisionNote: string },
) {
  const { actor } = ctx;
  return runOutgoingStep(
    deps,
    ctx,
    id,
    'reject',
    (f) => pickStep(f.scope, f.doc, f.pending, input.stepId) !== undefined,
    async (s) => {
      const step: StepRow = mine(s, input);
      const route = s.route!;
      const note = input.decisionNote.trim();
      if (note === '') throw new AppError('documents.decision_note_required');
      await repo.decideStep(s.trx, step.id, { status: 'rejected', comment: note, by: actor.userId, at: s.now });
      await endRoute(s, 'rejected');
      return {
        changes: { status: 'rejected', decided_at: s.now, decided_by: actor.userId, decision_note: note },
        event: {
          action: 'rejected',
          note,
          details: { routeId: route.id, round: route.round, stage: route.current_stage, stepId: step.id },
        },
        audit: { stage: route.current_stage },
        notices: [
          { kind: 'rejected', to: [{ userId: s.doc.created_by }], document: s.doc, detail: { vi: note, en: note } },
        ],
      };
    },
  );
}
