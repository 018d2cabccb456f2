/**
 * Who may act on an approval route (Decree 30/2020, Điều 11–13), as plain rules. The workflow checks the
 * document's state first (409 when the step does not fit it) and then asks the policy (403).
 */
import { hasRole, type Actor } from '../../../../platform/authz.ts';
import type { ReviewerRole, StepStatus } from './approval.types.ts';
import type { ReviewerScope } from './approval.scope.ts';

export interface StepFacts {
  readonly id: string;
  readonly stage_index: number;
  readonly reviewer_user_id: string | null;
  readonly reviewer_role: ReviewerRole | null;
  readonly reviewer_unit_id: string | null;
  readonly status: StepStatus;
}

/** The step is given to the actor: by name, to someone who delegated to them, or to a role they hold. */
export function isReviewerOf(scope: ReviewerScope, step: StepFacts): boolean {
  if (step.reviewer_user_id !== null) {
    return step.reviewer_user_id === scope.userId || scope.delegatorIds.includes(step.reviewer_user_id);
  }
  if (step.reviewer_role === null || !scope.roles.has(step.reviewer_role)) return false;
  return (
    step.reviewer_role !== 'unit_head' ||
    (step.reviewer_unit_id !== null && scope.headedUnitIds.includes(step.reviewer_unit_id))
  );
}

export const approvalPolicy = {
  /** Only a reviewer of a pending step of the current stage approves, returns, forwards (or rejects) it. */
  canDecide: (scope: ReviewerScope, doc: { organization_id: string }, step: StepFacts) =>
    doc.organization_id === scope.organizationId && step.status === 'pending' && isReviewerOf(scope, step),

  /** The organisation's administrators and leaders define approval routes; everyone of the organisation reads them. */
  canManageTemplates: (actor: Actor) => hasRole(actor, 'org_admin', 'leader'),
};

/** The pending step of the current stage the actor acts on: the one named, or the first that is theirs. */
export function pickStep<S extends StepFacts>(
  scope: ReviewerScope,
  doc: { organization_id: string },
  pending: readonly S[],
  stepId?: string,
): S | undefined {
  return pending.find((s) => (stepId === undefined || s.id === stepId) && approvalPolicy.canDecide(scope, doc, s));
}
