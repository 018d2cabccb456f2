/** All SQL of approval routes: templates (with the organisation's default), the route of each submission, its steps. */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx, Trx } from '../../../../platform/db/schema.ts';
import { vietnameseOrder } from '../../../../platform/text.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import './approval.tables.ts';
import { DEFAULT_TEMPLATE, type ApprovalStage, type RouteStatus, type StepStatus } from './approval.types.ts';

/** The organisation's templates in use (and, for its administrators, the retired ones after them). */
export async function findTemplates(db: DbOrTrx, organizationId: string, includeRetired = false) {
  let query = db.selectFrom('approval_templates as t').selectAll('t').where('t.organization_id', '=', organizationId);
  if (!includeRetired) query = query.where('t.active', '=', true);
  return query
    .orderBy('t.active', 'desc')
    .orderBy('t.is_default', 'desc')
    .orderBy(vietnameseOrder('t.name'))
    .orderBy('t.name')
    .execute();
}

export async function findTemplateById(db: DbOrTrx, id: string) {
  return db.selectFrom('approval_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDefaultTemplate(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('approval_templates')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('is_default', '=', true)
    .executeTakeFirst();
}

/**
 * The organisation's default route, created on first use (idempotent and safe under concurrency: the
 * partial unique index on the default lets one insert win). If the default name is already used by a
 * template made by hand, that template is not touched and no default is made.
 */
export async function ensureDefaultTemplate(trx: Trx, organizationId: string) {
  const existing = await findDefaultTemplate(trx, organizationId);
  if (existing) return existing;
  const inserted = await trx
    .insertInto('approval_templates')
    .values({
      organization_id: organizationId,
      name: DEFAULT_TEMPLATE.name,
      steps: JSON.stringify(DEFAULT_TEMPLATE.stages),
      is_default: true,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  return inserted ?? (await findDefaultTemplate(trx, organizationId));
}

export async function insertTemplate(
  trx: Trx,
  t: { organizationId: string; name: string; stages: readonly ApprovalStage[]; isDefault: boolean; by: string },
) {
  if (t.isDefault) {
    await trx
      .updateTable('approval_templates')
      .set({ is_default: false, updated_at: new Date() })
      .where('organization_id', '=', t.organizationId)
      .where('is_default', '=', true)
      .execute();
  }
  return trx
    .insertInto('approval_templates')
    .values({
      organization_id: t.organizationId,
      name: t.name,
      steps: JSON.stringify(t.stages),
      is_default: t.isDefault,
      created_by: t.by,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Changes a template if it still has the version the caller read; undefined otherwise. */
export async function updateTemplate(
  trx: Trx,
  id: string,
  version: number,
  changes: { name?: string; stages?: readonly ApprovalStage[]; isDefault?: boolean; active?: boolean },
) {
  return trx
    .updateTable('approval_templates')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.stages !== undefined ? { steps: JSON.stringify(changes.stages) } : {}),
      ...(changes.isDefault !== undefined ? { is_default: changes.isDefault } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      version: version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** No template of the organisation is the default any more (before another one becomes it). */
export async function clearDefaultTemplate(trx: Trx, organizationId: string, exceptId: string) {
  await trx
    .updateTable('approval_templates')
    .set({ is_default: false, updated_at: new Date() })
    .where('organization_id', '=', organizationId)
    .where('is_default', '=', true)
    .where('id', '!=', exceptId)
    .execute();
}

export async function findActiveRoute(db: DbOrTrx, documentId: string) {
  return db
    .selectFrom('approval_routes')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Every route of a document, the latest first. */
export async function findRoutes(db: DbOrTrx, documentId: string) {
  return db
    .selectFrom('approval_routes')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('round', 'desc')
    .execute();
}

export async function insertRoute(
  trx: Trx,
  r: {
    documentId: string;
    templateId: string;
    templateName: string;
    stages: readonly ApprovalStage[];
    revision: number;
    by: string;
    at: Date;
  },
) {
  const last = await trx
    .selectFrom('approval_routes')
    .select(sql<number>`coalesce(max(round), 0)`.as('round'))
    .where('document_id', '=', r.documentId)
    .executeTakeFirstOrThrow();
  return trx
    .insertInto('approval_routes')
    .values({
      document_id: r.documentId,
      template_id: r.templateId,
      template_name: r.templateName,
      stages: JSON.stringify(r.stages),
      round: Number(last.round) + 1,
      revision: r.revision,
      submitted_by: r.by,
      submitted_at: r.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateRoute(
  trx: Trx,
  routeId: string,
  changes: { current_stage?: number; status?: RouteStatus; ended_at?: Date },
) {
  await trx.updateTable('approval_routes').set(changes).where('id', '=', routeId).execute();
}

export async function findPendingSteps(db: DbOrTrx, routeId: string, stageIndex: number) {
  return db
    .selectFrom('approval_steps')
    .selectAll()
    .where('route_id', '=', routeId)
    .where('stage_index', '=', stageIndex)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The position (chức vụ) a person holds in the document's organisation: of the membership in force on the
 * given day if there is one, else of the latest; the primary membership first.
 */
function positionIn(userColumn: string, day: RawBuilder<unknown>) {
  return sql<string | null>`(
    SELECT p.name FROM memberships m JOIN positions p ON p.id = m.position_id
    WHERE m.user_id = ${sql.ref(userColumn)} AND m.organization_id = d.organization_id
    ORDER BY (m.valid_from <= ${day} AND (m.valid_to IS NULL OR m.valid_to >= ${day})) DESC,
      m.is_primary DESC, m.valid_from DESC
    LIMIT 1)`;
}

export interface StepAssignee {
  readonly userId: string;
  readonly name: string;
  readonly position: string | null;
}

/**
 * Every step of every round of a document, in the order they happened, with the names they show: the
 * person named (and their position), the person who decided (and their position then), and for a pending
 * step given to a role the people holding it today (for unit_head, in the drafting unit).
 */
export async function findSteps(db: DbOrTrx, documentId: string) {
  const today = vietnamDate();
  const decidedDay = sql`(s.decided_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
  return db
    .selectFrom('approval_steps as s')
    .innerJoin('approval_routes as r', 'r.id', 's.route_id')
    .innerJoin('outgoing_documents as d', 'd.id', 's.document_id')
    .leftJoin('users as ru', 'ru.id', 's.reviewer_user_id')
    .leftJoin('units as un', 'un.id', 's.reviewer_unit_id')
    .leftJoin('users as du', 'du.id', 's.decided_by')
    .selectAll('s')
    .select([
      'r.round',
      'ru.full_name as reviewer_name',
      'un.name as reviewer_unit_name',
      'du.full_name as decided_by_name',
      positionIn('s.reviewer_user_id', sql`${today}::date`).as('reviewer_position'),
      positionIn('s.decided_by', decidedDay).as('decided_by_position'),
      sql<StepAssignee[]>`CASE WHEN s.status = 'pending' AND s.reviewer_role IS NOT NULL THEN coalesce((
        SELECT json_agg(json_build_object('userId', x.id, 'name', x.full_name, 'position', x.position)
          ORDER BY f_unaccent(lower(x.full_name)), x.full_name)
        FROM (
          SELECT DISTINCT ON (u.id) u.id, u.full_name, p.name AS position
          FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN positions p ON p.id = m.position_id
          WHERE m.organization_id = d.organization_id AND u.status = 'active'
            AND s.reviewer_role = ANY(m.roles)
            AND (s.reviewer_unit_id IS NULL OR m.unit_id = s.reviewer_unit_id)
            AND m.valid_from <= ${today}::date AND (m.valid_to IS NULL OR m.valid_to >= ${today}::date)
          ORDER BY u.id, m.is_primary DESC
        ) x), '[]'::json) ELSE '[]'::json END`.as('assignees'),
    ])
    .where('s.document_id', '=', documentId)
    .orderBy('r.round')
    .orderBy('s.stage_index')
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}

export interface NewStep {
  readonly reviewerUserId?: string;
  readonly reviewerRole?: 'unit_head' | 'leader' | 'clerk';
  readonly reviewerUnitId?: string | null;
  readonly forwardedFrom?: string;
}

export async function insertSteps(
  trx: Trx,
  route: { id: string; document_id: string },
  stageIndex: number,
  steps: readonly NewStep[],
  at: Date,
) {
  if (steps.length === 0) return [];
  return trx
    .insertInto('approval_steps')
    .values(
      steps.map((s) => ({
        document_id: route.document_id,
        route_id: route.id,
        stage_index: stageIndex,
        reviewer_user_id: s.reviewerUserId ?? null,
        reviewer_role: s.reviewerRole ?? null,
        reviewer_unit_id: s.reviewerUnitId ?? null,
        forwarded_from: s.forwardedFrom ?? null,
        created_at: at,
      })),
    )
    .returningAll()
    .execute();
}

export async function decideStep(
  trx: Trx,
  stepId: string,
  d: { status: StepStatus; comment: string | null; by: string; at: Date },
) {
  await trx
    .updateTable('approval_steps')
    .set({ status: d.status, comment: d.comment, decided_by: d.by, decided_at: d.at })
    .where('id', '=', stepId)
    .where('status', '=', 'pending')
    .execute();
}

/** The pending steps of a route that are no longer needed (the stage completed, or the route ended). */
export async function skipPendingSteps(trx: Trx, routeId: string, at: Date) {
  await trx
    .updateTable('approval_steps')
    .set({ status: 'skipped', decided_at: at })
    .where('route_id', '=', routeId)
    .where('status', '=', 'pending')
    .execute();
}
