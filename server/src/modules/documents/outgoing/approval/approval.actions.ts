/**
 * The steps open to a person on an outgoing document right now (policy and state together), sent to the
 * web app so it shows exactly the buttons the server will accept.
 */
import { hasRole, type Actor } from '../../../../platform/authz.ts';
import { draftPolicy } from '../drafts/drafts.policy.ts';
import type { OutgoingStatus } from '../drafts/drafts.types.ts';
import { pickStep, type StepFacts } from './approval.policy.ts';
import type { ReviewerScope } from './approval.scope.ts';
import type { ApprovalStage } from './approval.types.ts';

export const OUTGOING_ACTIONS = [
  'update',
  'submit',
  'approve',
  'return',
  'forward',
  'reject',
  'issue',
  'recall',
] as const;
export type OutgoingAction = (typeof OUTGOING_ACTIONS)[number];

/** The states in which each step may happen. */
export const ALLOWED_STATES: Readonly<Record<OutgoingAction, readonly OutgoingStatus[]>> = {
  update: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['in_review'],
  return: ['in_review'],
  forward: ['in_review'],
  reject: ['in_review'],
  issue: ['approved'],
  recall: ['issued'],
};

export interface DocumentFacts {
  readonly organization_id: string;
  readonly created_by: string;
  readonly status: OutgoingStatus;
  readonly doc_type: string;
}

export interface RouteFacts {
  readonly current_stage: number;
  readonly stages: readonly ApprovalStage[];
}

/** The current stage is the last one, where the competent leader decides (duyệt, ký). */
export function atFinalDecision(route: RouteFacts | undefined): boolean {
  if (!route) return false;
  return route.current_stage === route.stages.length - 1 && route.stages[route.current_stage]?.kind === 'approve';
}

/** Whether the document's state (and, for rejecting, where its route stands) allows the step at all. */
export function stateAllows(action: OutgoingAction, doc: DocumentFacts, route: RouteFacts | undefined): boolean {
  if (!ALLOWED_STATES[action].includes(doc.status)) return false;
  // Only a submission (tờ trình) can be decided against, and only by its final approver.
  if (action === 'reject') return doc.doc_type === 'submission' && atFinalDecision(route);
  return true;
}

export function availableActions(
  actor: Actor,
  scope: ReviewerScope,
  doc: DocumentFacts,
  route: RouteFacts | undefined,
  pending: readonly StepFacts[],
): OutgoingAction[] {
  const reviews = pickStep(scope, doc, pending) !== undefined;
  const allowed: Record<OutgoingAction, boolean> = {
    update: draftPolicy.canEdit(actor, doc),
    submit: draftPolicy.canSubmit(actor, doc),
    approve: reviews,
    return: reviews,
    forward: reviews,
    reject: reviews,
    // Issuing (phát hành) is Văn phòng's; the clerk or a leader may ask the recipients to give it back.
    issue: doc.organization_id === actor.organizationId && hasRole(actor, 'clerk'),
    recall: doc.organization_id === actor.organizationId && hasRole(actor, 'clerk', 'leader'),
  };
  return OUTGOING_ACTIONS.filter((a) => allowed[a] && stateAllows(a, doc, route));
}
