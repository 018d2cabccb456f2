/** Approval stages, templates and steps → API shape. */
import type { findSteps, findTemplates } from './approval.repository.ts';
import type { ApprovalStage } from './approval.types.ts';

type TemplateRow = Awaited<ReturnType<typeof findTemplates>>[number];

export const presentStage = (s: ApprovalStage) => ({
  name: s.name,
  kind: s.kind,
  mode: s.mode,
  reviewers: s.reviewers.map((r) => ('role' in r ? { role: r.role } : { userId: r.userId })),
});

export function presentTemplate(t: TemplateRow) {
  return {
    id: t.id,
    name: t.name,
    steps: t.steps.map(presentStage),
    isDefault: t.is_default,
    active: t.active,
    version: t.version,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
  };
}

type StepRow = Awaited<ReturnType<typeof findSteps>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A step with the people behind it: the reviewer named (name, position), who decided it (name, position),
 * and while it waits on a role, the people who hold that role (`assignees`).
 */
export function presentStep(s: StepRow) {
  return {
    id: s.id,
    routeId: s.route_id,
    round: s.round,
    stageIndex: s.stage_index,
    reviewerUserId: s.reviewer_user_id,
    reviewerName: s.reviewer_name,
    reviewerPosition: s.reviewer_position,
    reviewerRole: s.reviewer_role,
    reviewerUnitId: s.reviewer_unit_id,
    reviewerUnitName: s.reviewer_unit_name,
    assignees: s.assignees.map((a) => ({ userId: a.userId, name: a.name, position: a.position })),
    forwardedFrom: s.forwarded_from,
    status: s.status,
    comment: s.comment,
    decidedBy: s.decided_by,
    decidedByName: s.decided_by_name,
    decidedByPosition: s.decided_by_position,
    decidedAt: iso(s.decided_at),
    createdAt: s.created_at.toISOString(),
  };
}
