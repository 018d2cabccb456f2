/**
 * All SQL of the supervision of incoming documents (see supervision.service.ts for the definitions).
 *
 * `population` is one row per document directed in the period, within the organisation, visible to the
 * actor (`visibleTo`) and inside their supervision scope, with its unit, its person and its measure
 * (in_progress / overdue / completed_on_time / completed_late / closed). Counting, grouping and the
 * drill-down all read from it, so a number and the list behind it can never disagree.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/authz.ts';
import type { DbOrTrx } from '../../../platform/db/schema.ts';
import { addDays } from '../../../platform/time.ts';
import { visibleTo } from '../incoming/incoming.repository.ts';
import type { KeyFilter, SupervisionScope } from './supervision.policy.ts';

export const MEASURES = ['in_progress', 'overdue', 'completed_on_time', 'completed_late', 'closed'] as const;
export type Measure = (typeof MEASURES)[number];
/** What a number counts: every document received in the period, or those of one measure. */
export type MeasureFilter = Measure | 'received';
export type GroupBy = 'unit' | 'person';

export interface Period {
  /** First and last day (yyyy-mm-dd, Asia/Ho_Chi_Minh), both included. */
  readonly from: string;
  readonly to: string;
  /** Today in Vietnam: "overdue" means open with a due date before today. */
  readonly today: string;
}

export interface PopulationFilter {
  readonly unitId?: KeyFilter;
  readonly userId?: KeyFilter;
  readonly measure?: MeasureFilter;
}

const vnDate = (column: RawBuilder<unknown>) => sql`(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const directedDate = vnDate(sql`d.first_directed_at`);
const completedDate = vnDate(sql`d.completed_at`);

/**
 * The lead unit: the unit of the top-level lead assignment; for a document the leader gave directly to a
 * person, that person's unit on the day it was directed (their primary membership first); null when none.
 */
const leadUnit = sql<string | null>`COALESCE(d.lead_unit_id, (
  SELECT m.unit_id FROM memberships m
  WHERE m.user_id = d.lead_user_id AND m.organization_id = d.organization_id
    AND m.valid_from <= ${directedDate} AND (m.valid_to IS NULL OR m.valid_to >= ${directedDate})
  ORDER BY m.is_primary DESC, m.valid_from DESC, m.id
  LIMIT 1
))`;

function measureOf(today: string) {
  return sql<Measure>`CASE
    WHEN d.status = 'closed' THEN 'closed'
    WHEN d.status = 'completed' AND (d.due_date IS NULL OR ${completedDate} <= d.due_date) THEN 'completed_on_time'
    WHEN d.status = 'completed' THEN 'completed_late'
    WHEN d.due_date < ${today}::date THEN 'overdue'
    ELSE 'in_progress'
  END`;
}

function keyCondition(column: RawBuilder<unknown>, value: KeyFilter): RawBuilder<SqlBool> {
  return value === 'none' ? sql<SqlBool>`${column} IS NULL` : sql<SqlBool>`${column} = ${value}::uuid`;
}

function scopeCondition(scope: SupervisionScope): RawBuilder<SqlBool> {
  switch (scope.kind) {
    case 'organization':
      return sql<SqlBool>`true`;
    case 'unit':
      return keyCondition(sql`p.unit_id`, scope.unitId);
    case 'self':
      return keyCondition(sql`p.user_id`, scope.userId);
  }
}

/** The start of a Vietnamese calendar day as an instant (so the index on first_directed_at can be used). */
const startOfDay = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);

function population(db: DbOrTrx, actor: Actor, period: Period) {
  return db
    .selectFrom('incoming_documents as d')
    .select([
      'd.id',
      leadUnit.as('unit_id'),
      'd.lead_user_id as user_id',
      measureOf(period.today).as('measure'),
      sql<string>`to_char(${directedDate}, 'YYYY-MM-DD')`.as('directed_date'),
      sql<string | null>`to_char(${completedDate}, 'YYYY-MM-DD')`.as('completed_date'),
    ])
    .where('d.organization_id', '=', actor.organizationId)
    .where('d.first_directed_at', '>=', startOfDay(period.from))
    .where('d.first_directed_at', '<', startOfDay(addDays(period.to, 1)))
    .where('d.status', 'in', ['assigned', 'in_progress', 'completed', 'closed'])
    .where(sql<SqlBool>`(d.lead_unit_id IS NOT NULL OR d.lead_user_id IS NOT NULL)`)
    .where(visibleTo(actor));
}

/** The population as `p`, with the scope and the filters applied. */
function scoped(db: DbOrTrx, actor: Actor, scope: SupervisionScope, period: Period, f: PopulationFilter) {
  let query = db.selectFrom(population(db, actor, period).as('p')).where(scopeCondition(scope));
  if (f.unitId !== undefined) query = query.where(keyCondition(sql`p.unit_id`, f.unitId));
  if (f.userId !== undefined) query = query.where(keyCondition(sql`p.user_id`, f.userId));
  if (f.measure !== undefined && f.measure !== 'received') query = query.where('p.measure', '=', f.measure);
  return query;
}

const count = (measure: Measure) => sql<number>`count(*) FILTER (WHERE p.measure = ${measure})`;

/**
 * The working calendar as a running count: `counts[i]` is the number of working days from `first` to
 * `first + i` days, both included. The working days d with a < d ≤ b are then `counts[b] − counts[a]`, two
 * array lookups in SQL instead of a walk over the calendar per document.
 */
export interface WorkingDayCounts {
  readonly first: string;
  readonly counts: readonly number[];
}

/** The working days from `from` (excluded) to `to` (included), both yyyy-mm-dd text columns of `p`. */
function workingDaysBetween(calendar: WorkingDayCounts, from: RawBuilder<unknown>, to: RawBuilder<unknown>) {
  const at = (date: RawBuilder<unknown>) =>
    sql<number>`(${calendar.counts}::int[])[${date}::date - ${calendar.first}::date + 1]`;
  return sql<number>`${at(to)} - ${at(from)}`;
}

/**
 * One row per unit (or per unit and person) with the counts of each measure and, over the completed
 * documents, the sum of their working days from direction to completion (`calendar` covers every date).
 */
export async function countSupervised(
  db: DbOrTrx,
  actor: Actor,
  scope: SupervisionScope,
  period: Period,
  groupBy: GroupBy,
  f: PopulationFilter,
  calendar: WorkingDayCounts,
) {
  const byPerson = groupBy === 'person';
  let query = scoped(db, actor, scope, period, f)
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('users as us', 'us.id', 'p.user_id')
    .select([
      'p.unit_id',
      'u.name as unit_name',
      sql<string | null>`${byPerson ? sql`p.user_id` : sql`NULL::uuid`}`.as('user_id'),
      sql<string | null>`${byPerson ? sql`us.full_name` : sql`NULL::text`}`.as('user_name'),
      sql<number>`count(*)`.as('received'),
      count('in_progress').as('in_progress'),
      count('overdue').as('overdue'),
      count('completed_on_time').as('completed_on_time'),
      count('completed_late').as('completed_late'),
      count('closed').as('closed'),
      sql<number | null>`sum(${workingDaysBetween(calendar, sql`p.directed_date`, sql`p.completed_date`)})
        FILTER (WHERE p.measure IN ('completed_on_time', 'completed_late'))`.as('working_days'),
    ])
    .groupBy(['p.unit_id', 'u.name']);
  if (byPerson) query = query.groupBy(['p.user_id', 'us.full_name']);
  return query.execute();
}

/** The documents behind a number, with what the incoming list shows of each; all of them without a limit. */
export async function findSupervisedDocuments(
  db: DbOrTrx,
  actor: Actor,
  scope: SupervisionScope,
  period: Period,
  f: PopulationFilter,
  page?: { limit: number; offset: number },
) {
  let query = scoped(db, actor, scope, period, f)
    .innerJoin('incoming_documents as d', 'd.id', 'p.id')
    .leftJoin('registers as rg', 'rg.id', 'd.register_id')
    .leftJoin('units as lu', 'lu.id', 'd.lead_unit_id')
    .leftJoin('users as lp', 'lp.id', 'd.lead_user_id')
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('d')
    .select([
      'p.unit_id',
      'u.name as unit_name',
      'p.user_id',
      'lp.full_name as user_name',
      'p.measure',
      'p.directed_date',
      'p.completed_date',
      'rg.name as register_name',
      'lu.name as lead_unit_name',
      'lp.full_name as lead_user_name',
      sql<boolean>`NOT EXISTS (
        SELECT 1 FROM incoming_reads r WHERE r.document_id = d.id AND r.user_id = ${actor.userId}
          AND r.read_at >= d.last_activity_at
      )`.as('unread'),
      sql<number>`count(*) OVER ()`.as('total'),
    ])
    .orderBy('d.first_directed_at', 'desc')
    .orderBy('d.id');
  if (page) query = query.limit(page.limit).offset(page.offset);
  const rows = await query.execute();
  return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
}
