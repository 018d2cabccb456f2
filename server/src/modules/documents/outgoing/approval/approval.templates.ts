/**
 * Approval route templates of an organisation: list (creating the default route on first use), define a
 * new one, and resolve a template's stages into review steps for a draft.
 */
import { writeAudit } from '../../../../platform/audit/audit.ts';
import { authorize, type Actor } from '../../../../platform/authz.ts';
import type { UseCaseContext } from '../../../../platform/context.ts';
import type { Db, Trx } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import { nfc } from '../../../../platform/text.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { findMembersWithRole, isMemberOf } from '../../../identity/index.ts';
import { approvalPolicy } from './approval.policy.ts';
import * as repo from './approval.repository.ts';
import type { NewStep } from './approval.repository.ts';
import { MAX_REVIEWERS, MAX_STAGES, type ApprovalStage, type StageReviewer } from './approval.types.ts';

/**
 * The templates of the actor's organisation, the default first (created on first use); with `includeRetired`
 * (administrators and leaders only) the retired ones follow.
 */
export async function listTemplates(db: Db, actor: Actor, includeRetired = false) {
  if (includeRetired) authorize(approvalPolicy.canManageTemplates(actor));
  return db.transaction().execute(async (trx) => {
    await repo.ensureDefaultTemplate(trx, actor.organizationId);
    return repo.findTemplates(trx, actor.organizationId, includeRetired);
  });
}

const reviewerKey = (r: StageReviewer) => ('role' in r ? `role:${r.role}` : `user:${r.userId}`);

/**
 * A route must end with the competent leader's approval (Điều 13: ký ban hành), and only there; each stage
 * names at least one reviewer, once; people named must belong to the organisation now.
 */
export async function checkStages(trx: Trx, organizationId: string, stages: readonly ApprovalStage[]): Promise<void> {
  const invalid = (details: Record<string, unknown>) => new AppError('documents.invalid_template', details);
  if (stages.length === 0 || stages.length > MAX_STAGES) throw invalid({ reason: `1 to ${MAX_STAGES} stages` });
  const today = vietnamDate();
  for (const [index, stage] of stages.entries()) {
    const last = index === stages.length - 1;
    if (last !== (stage.kind === 'approve')) {
      throw invalid({ stage: index, reason: 'the last stage, and only the last, is the approval (approve)' });
    }
    if (stage.reviewers.length === 0 || stage.reviewers.length > MAX_REVIEWERS) {
      throw invalid({ stage: index, reason: `1 to ${MAX_REVIEWERS} reviewers` });
    }
    const keys = stage.reviewers.map(reviewerKey);
    if (new Set(keys).size !== keys.length) throw invalid({ stage: index, reason: 'a reviewer is listed twice' });
    for (const r of stage.reviewers) {
      if ('userId' in r && !(await isMemberOf(trx, r.userId, organizationId, today))) {
        throw invalid({ stage: index, userId: r.userId, reason: 'not a member of the organisation' });
      }
    }
  }
}

export interface CreateTemplateInput {
  readonly name: string;
  readonly steps: readonly {
    readonly name: string;
    readonly kind: ApprovalStage['kind'];
    readonly mode?: ApprovalStage['mode'];
    readonly reviewers: readonly StageReviewer[];
  }[];
  readonly isDefault?: boolean;
}

/** The stages as stored: names trimmed and NFC, mode `all` unless said, only the fields a reviewer has. */
function normalizeStages(steps: CreateTemplateInput['steps']): ApprovalStage[] {
  const stages: ApprovalStage[] = steps.map((s) => ({
    name: nfc(s.name.trim()),
    kind: s.kind,
    mode: s.mode ?? 'all',
    reviewers: s.reviewers.map((r) => ('role' in r ? { role: r.role } : { userId: r.userId })),
  }));
  if (stages.some((s) => s.name === '')) {
    throw new AppError('documents.invalid_template', { reason: 'names must not be blank' });
  }
  return stages;
}

function normalizeName(raw: string): string {
  const name = nfc(raw.trim());
  if (name === '') throw new AppError('documents.invalid_template', { reason: 'names must not be blank' });
  return name;
}

export async function createTemplate(db: Db, ctx: UseCaseContext, input: CreateTemplateInput) {
  const { actor } = ctx;
  authorize(approvalPolicy.canManageTemplates(actor));
  const name = normalizeName(input.name);
  const stages = normalizeStages(input.steps);
  return db.transaction().execute(async (trx) => {
    await checkStages(trx, actor.organizationId, stages);
    await repo.ensureDefaultTemplate(trx, actor.organizationId);
    const template = await repo.insertTemplate(trx, {
      organizationId: actor.organizationId,
      name,
      stages,
      isDefault: input.isDefault === true,
      by: actor.userId,
    });
    if (!template) throw new AppError('record.duplicate', { field: 'name', name });
    await writeAudit(trx, ctx.audit, {
      action: 'documents.approval_template_created',
      targetType: 'approval_template',
      targetId: template.id,
      summary: { after: { name, isDefault: template.is_default, stages } },
    });
    return template;
  });
}

export interface UpdateTemplateInput extends Partial<CreateTemplateInput> {
  readonly version: number;
  readonly active?: boolean;
}

/**
 * Renames a template, changes its stages, makes it the default, retires or restores it (administrators and
 * leaders of its organisation). Routes already under way keep the stages they started with (each route
 * stores its own copy). The default cannot be retired or stop being the default: another template becomes
 * the default instead, so a submission without a chosen route always has one.
 */
export async function updateTemplate(db: Db, ctx: UseCaseContext, id: string, input: UpdateTemplateInput) {
  const { actor } = ctx;
  authorize(approvalPolicy.canManageTemplates(actor));
  const name = input.name === undefined ? undefined : normalizeName(input.name);
  const stages = input.steps === undefined ? undefined : normalizeStages(input.steps);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findTemplateById(trx, id);
    if (!before || before.organization_id !== actor.organizationId) {
      throw new AppError('record.not_found', { type: 'approval_template', id });
    }
    if (before.version !== input.version) throw new AppError('record.conflict', { version: before.version });
    const active = input.active ?? before.active;
    const isDefault = input.isDefault ?? before.is_default;
    if (before.is_default && (!isDefault || !active)) {
      throw new AppError('documents.default_template_required', { templateId: id });
    }
    if (isDefault && !active) {
      throw new AppError('documents.invalid_template', { reason: 'a retired route cannot be the default' });
    }
    if (stages) await checkStages(trx, actor.organizationId, stages);
    if (isDefault && !before.is_default) await repo.clearDefaultTemplate(trx, actor.organizationId, id);
    const after = await repo.updateTemplate(trx, id, input.version, {
      ...(name !== undefined ? { name } : {}),
      ...(stages !== undefined ? { stages } : {}),
      ...(input.isDefault !== undefined ? { isDefault } : {}),
      ...(input.active !== undefined ? { active } : {}),
    });
    if (!after) throw new AppError('record.conflict', { version: before.version });
    await writeAudit(trx, ctx.audit, {
      action:
        before.active === after.active
          ? 'documents.approval_template_updated'
          : after.active
            ? 'documents.approval_template_restored'
            : 'documents.approval_template_retired',
      targetType: 'approval_template',
      targetId: id,
      summary: {
        before: { name: before.name, isDefault: before.is_default, active: before.active, stages: before.steps },
        after: { name: after.name, isDefault: after.is_default, active: after.active, stages: after.steps },
      },
    });
    return after;
  });
}

/** The template a submission uses: the one chosen (of the organisation, active), or the organisation's default. */
export async function resolveTemplate(trx: Trx, organizationId: string, templateId: string | undefined) {
  if (templateId === undefined) {
    const fallback = await repo.ensureDefaultTemplate(trx, organizationId);
    if (!fallback) throw new AppError('documents.template_not_found', { reason: 'no default template' });
    return fallback;
  }
  const template = await repo.findTemplateById(trx, templateId);
  if (!template || template.organization_id !== organizationId || !template.active) {
    throw new AppError('documents.template_not_found', { templateId });
  }
  return template;
}

/**
 * The steps of a stage for a draft: one per reviewer, a role resolved to "anyone holding it" (the unit
 * head of the drafting unit for unit_head). Fails (400) when nobody could take a step, so a draft is never
 * sent down a route that cannot finish.
 */
export async function stageSteps(
  trx: Trx,
  doc: { organization_id: string; drafting_unit_id: string | null },
  stage: ApprovalStage,
  stageIndex: number,
): Promise<NewStep[]> {
  const today = vietnamDate();
  const steps: NewStep[] = [];
  for (const r of stage.reviewers) {
    if ('userId' in r) {
      if (!(await isMemberOf(trx, r.userId, doc.organization_id, today))) {
        throw new AppError('documents.invalid_template', {
          stage: stageIndex,
          userId: r.userId,
          reason: 'no longer a member',
        });
      }
      steps.push({ reviewerUserId: r.userId });
      continue;
    }
    const unitId = r.role === 'unit_head' ? doc.drafting_unit_id : null;
    const holders =
      r.role === 'unit_head' && !unitId
        ? []
        : await findMembersWithRole(trx, doc.organization_id, r.role, today, unitId ?? undefined);
    if (holders.length === 0) {
      throw new AppError('documents.invalid_template', { stage: stageIndex, role: r.role, reason: 'nobody holds it' });
    }
    steps.push({ reviewerRole: r.role, reviewerUnitId: unitId });
  }
  return steps;
}
