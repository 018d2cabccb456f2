/** Approval stages and templates → API shape. */
import type { findTemplates } from './approval.repository.ts';
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
    version: t.version,
    createdAt: t.created_at.toISOString(),
  };
}
