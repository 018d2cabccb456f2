/**
 * Approval routes (Decree 30/2020, Điều 11–13: duyệt bản thảo, kiểm tra thể thức, ký ban hành): a route is
 * an ordered list of stages; each stage has one or more reviewers, given by role (resolved when the stage is
 * reached) or by person, and completes when every reviewer approved (mode all: co-review in parallel) or the
 * first one did (mode any).
 */

/** review: a unit head or colleague reviews the draft; form_check: Văn phòng checks the form (thể thức); approve: the competent leader approves and signs. */
export const STAGE_KINDS = ['review', 'form_check', 'approve'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const STAGE_MODES = ['all', 'any'] as const;
export type StageMode = (typeof STAGE_MODES)[number];

/**
 * unit_head — the head of the drafting unit; leader — any leader of the organisation; clerk — any clerk
 * (Văn phòng, who checks the form). Each role reviewer is one seat any holder of the role may take.
 */
export const REVIEWER_ROLES = ['unit_head', 'leader', 'clerk'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

export type StageReviewer = { readonly role: ReviewerRole } | { readonly userId: string };

export interface ApprovalStage {
  readonly name: string;
  readonly kind: StageKind;
  readonly mode: StageMode;
  readonly reviewers: readonly StageReviewer[];
}

export const ROUTE_STATUSES = ['active', 'returned', 'approved', 'rejected', 'cancelled'] as const;
export type RouteStatus = (typeof ROUTE_STATUSES)[number];

/** forwarded: handed to another person (a new pending step); skipped: no longer needed (mode any, or the stage ended). */
export const STEP_STATUSES = ['pending', 'approved', 'returned', 'forwarded', 'skipped', 'rejected'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const MAX_STAGES = 10;
export const MAX_REVIEWERS = 10;

/** The route an organisation gets on first use: unit head reviews → Văn phòng checks the form → leader approves. */
export const DEFAULT_TEMPLATE = {
  name: 'Quy trình mặc định',
  stages: [
    { name: 'Lãnh đạo đơn vị duyệt', kind: 'review', mode: 'any', reviewers: [{ role: 'unit_head' }] },
    { name: 'Văn phòng kiểm tra thể thức', kind: 'form_check', mode: 'any', reviewers: [{ role: 'clerk' }] },
    { name: 'Lãnh đạo cơ quan duyệt, ký', kind: 'approve', mode: 'any', reviewers: [{ role: 'leader' }] },
  ],
} as const satisfies { name: string; stages: readonly ApprovalStage[] };
