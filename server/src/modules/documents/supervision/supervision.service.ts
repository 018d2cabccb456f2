/**
 * Supervision of the handling of incoming documents (theo dõi, đôn đốc — Decree 30/2020 Điều 24; the report
 * "Báo cáo tình hình giải quyết văn bản đến" of Phụ lục VI).
 *
 * Definitions (also shown as the help text of the screen):
 * - Population: the organisation's documents directed (given a lead, unit or person) whose first direction
 *   (`first_directed_at`; re-directing keeps it) falls on a day from `from` to `to` (Asia/Ho_Chi_Minh), and
 *   that have a lead now (a direction recalled or handed back is not counted until the leader directs again).
 * - Unit: the lead unit of the direction; for a document the leader gave directly to a person, the unit of
 *   that person's membership on the day it was directed; "Không thuộc đơn vị" (null) when there is none.
 * - Person: whoever leads the handling now or completed it (the specialist the unit head gave it to, or the
 *   person the leader gave it to directly); null ("Chưa giao chuyên viên") while it is with the unit head.
 * - Measures, each document in exactly one of the last five:
 *   received — every document of the population;
 *   in progress — assigned/in progress and not overdue;
 *   overdue — assigned/in progress with a due date before today (overdue now, whatever the period);
 *   completed on time — completed on or before its due date (the completion's date in Vietnam), or with none;
 *   completed late — completed after its due date;
 *   closed — ended without handling (kết thúc), not mixed with completed.
 * - Average processing time: the mean over completed documents of the working days from the day first directed
 *   to the day completed, counted with the working calendar as `workingDaysBetween` does (working days d
 *   with directed < d ≤ completed: directed on a Friday and completed the next Tuesday = 2; the same day = 0),
 *   one decimal; null when none was completed.
 * - On-time rate: completed on time ÷ completed (on time + late), in percent with one decimal; null when
 *   none was completed.
 */
import type { Actor } from '../../../platform/authz.ts';
import { authorize } from '../../../platform/authz.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { UseCaseContext } from '../../../platform/context.ts';
import type { Db, DbOrTrx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { addDays, vietnamDate } from '../../../platform/time.ts';
import { loadWorkingCalendar, type WorkingCalendar } from '../../calendar/index.ts';
import { findOrganizationsByIds } from '../../org/index.ts';
import * as repo from './supervision.repository.ts';
import { supervisionPolicy, supervisionScopeOf, type KeyFilter, type SupervisionScope } from './supervision.policy.ts';

/** The longest period a report covers (a leap year). */
export const MAX_PERIOD_DAYS = 366;

export interface PeriodInput {
  readonly from: string;
  readonly to: string;
}

export interface Measures {
  readonly received: number;
  readonly inProgress: number;
  readonly overdue: number;
  readonly completedOnTime: number;
  readonly completedLate: number;
  readonly closed: number;
  readonly averageWorkingDays: number | null;
  readonly onTimeRate: number | null;
}

export interface SupervisionRow extends Measures {
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly userId: string | null;
  readonly userName: string | null;
}

export interface SupervisionSummary {
  readonly period: repo.Period;
  readonly groupBy: repo.GroupBy;
  readonly scope: SupervisionScope['kind'];
  readonly rows: readonly SupervisionRow[];
  readonly totals: Measures;
}

/** The period, checked: `to` not before `from`, at most 366 days. */
export function checkPeriod(input: PeriodInput, now: Date = new Date()): repo.Period {
  const days = (Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (!(days >= 1))
    throw new AppError('documents.invalid_period', { from: input.from, to: input.to, reason: 'to before from' });
  if (days > MAX_PERIOD_DAYS) {
    throw new AppError('documents.invalid_period', { from: input.from, to: input.to, maxDays: MAX_PERIOD_DAYS });
  }
  return { from: input.from, to: input.to, today: vietnamDate(now) };
}

/** The actor's scope, refusing (403) a unit or person outside it. */
function scopeFor(
  actor: Actor,
  filter: { unitId?: KeyFilter | undefined; userId?: KeyFilter | undefined },
): SupervisionScope {
  const scope = supervisionScopeOf(actor);
  if (filter.unitId !== undefined)
    authorize(supervisionPolicy.canFilterUnit(scope, filter.unitId), { unitId: filter.unitId });
  if (filter.userId !== undefined)
    authorize(supervisionPolicy.canFilterUser(scope, filter.userId), { userId: filter.userId });
  return scope;
}

/** One working calendar covering every date given (loaded once; the counting is then done in memory). */
async function calendarFor(db: DbOrTrx, dates: readonly string[]): Promise<WorkingCalendar | undefined> {
  if (dates.length === 0) return undefined;
  const years = dates.map((d) => Number(d.slice(0, 4)));
  return loadWorkingCalendar(db, Math.min(...years), Math.max(...years));
}

/**
 * The running count of working days over every date a completion of the period can have: directed on or
 * after `from`, completed by today at the latest (so the statistics are counted in one SQL statement).
 */
async function workingDayCounts(db: DbOrTrx, period: repo.Period): Promise<repo.WorkingDayCounts> {
  const first = `${period.from.slice(0, 4)}-01-01`;
  const lastYear = Math.max(Number(period.to.slice(0, 4)), Number(period.today.slice(0, 4)));
  const calendar = await loadWorkingCalendar(db, Number(period.from.slice(0, 4)), lastYear);
  const counts: number[] = [];
  let working = 0;
  for (let day = first; day <= `${lastYear}-12-31`; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) working++;
    counts.push(working);
  }
  return { first, counts };
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

type Counts = Omit<Measures, 'averageWorkingDays' | 'onTimeRate'>;

/** The rates of the counts; `workingDays` is the sum over the completed documents. */
function measures(counts: Counts, workingDays: number): Measures {
  const completed = counts.completedOnTime + counts.completedLate;
  return {
    ...counts,
    averageWorkingDays: completed > 0 ? oneDecimal(workingDays / completed) : null,
    onTimeRate: completed > 0 ? oneDecimal((counts.completedOnTime * 100) / completed) : null,
  };
}

/** Names in Vietnamese order; "no unit" and "not given to a person" last. */
function compareRows(a: SupervisionRow, b: SupervisionRow): number {
  const byName = (x: string | null, y: string | null) =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : x.localeCompare(y, 'vi');
  return (
    byName(a.unitName, b.unitName) ||
    (a.unitId ?? '').localeCompare(b.unitId ?? '') ||
    byName(a.userName, b.userName) ||
    (a.userId ?? '').localeCompare(b.userId ?? '')
  );
}

export interface SummaryQuery extends PeriodInput {
  readonly groupBy: repo.GroupBy;
  readonly unitId?: KeyFilter | undefined;
}

/** The counts per unit (or per unit and person) within the actor's scope, with the totals. */
export async function summarizeSupervision(
  db: DbOrTrx,
  actor: Actor,
  q: SummaryQuery,
  now = new Date(),
): Promise<SupervisionSummary> {
  const period = checkPeriod(q, now);
  const scope = scopeFor(actor, { unitId: q.unitId });
  const groups = await repo.countSupervised(
    db,
    actor,
    scope,
    period,
    q.groupBy,
    q.unitId !== undefined ? { unitId: q.unitId } : {},
    await workingDayCounts(db, period),
  );
  const countsOf = (g: (typeof groups)[number]): Counts => ({
    received: Number(g.received),
    inProgress: Number(g.in_progress),
    overdue: Number(g.overdue),
    completedOnTime: Number(g.completed_on_time),
    completedLate: Number(g.completed_late),
    closed: Number(g.closed),
  });
  const rows = groups
    .map((g) => ({
      unitId: g.unit_id,
      unitName: g.unit_name,
      userId: g.user_id,
      userName: g.user_name,
      ...measures(countsOf(g), Number(g.working_days ?? 0)),
    }))
    .sort(compareRows);
  const sum = (key: keyof Counts) => rows.reduce((total, r) => total + r[key], 0);
  const totals = measures(
    {
      received: sum('received'),
      inProgress: sum('inProgress'),
      overdue: sum('overdue'),
      completedOnTime: sum('completedOnTime'),
      completedLate: sum('completedLate'),
      closed: sum('closed'),
    },
    groups.reduce((total, g) => total + Number(g.working_days ?? 0), 0),
  );
  return { period, groupBy: q.groupBy, scope: scope.kind, rows, totals };
}

export interface DocumentsQuery extends PeriodInput {
  readonly unitId?: KeyFilter | undefined;
  readonly userId?: KeyFilter | undefined;
  readonly measure?: repo.MeasureFilter | undefined;
}

type DocumentRow = Awaited<ReturnType<typeof repo.findSupervisedDocuments>>['rows'][number];
export type SupervisedDocument = DocumentRow & { readonly working_days: number | null };

/** The documents behind one number (drill-down); every one of them when no page is given (export). */
export async function listSupervisedDocuments(
  db: DbOrTrx,
  actor: Actor,
  q: DocumentsQuery,
  page?: { limit: number; offset: number },
  now = new Date(),
): Promise<{ period: repo.Period; items: SupervisedDocument[]; total: number }> {
  const period = checkPeriod(q, now);
  const scope = scopeFor(actor, q);
  const filter = {
    ...(q.unitId !== undefined ? { unitId: q.unitId } : {}),
    ...(q.userId !== undefined ? { userId: q.userId } : {}),
    ...(q.measure !== undefined ? { measure: q.measure } : {}),
  };
  const { rows, total } = await repo.findSupervisedDocuments(db, actor, scope, period, filter, page);
  const calendar = await calendarFor(
    db,
    rows.flatMap((r) => (r.completed_date && r.status === 'completed' ? [r.directed_date, r.completed_date] : [])),
  );
  const items = rows.map((r) => ({
    ...r,
    working_days:
      calendar && r.status === 'completed' && r.completed_date
        ? calendar.workingDaysBetween(r.directed_date, r.completed_date)
        : null,
  }));
  return { period, items, total };
}

/** Everything the Excel report holds: the organisation, the table, and the documents behind it. */
export async function buildSupervisionReport(db: DbOrTrx, actor: Actor, q: SummaryQuery, now = new Date()) {
  const summary = await summarizeSupervision(db, actor, q, now);
  const { items } = await listSupervisedDocuments(db, actor, q, undefined, now);
  const [organization] = await findOrganizationsByIds(db, [actor.organizationId]);
  return { organizationName: organization?.name ?? '', generatedAt: now, summary, documents: items };
}

/** An export discloses the list of documents (subjects included): who took it, for which period, is audited. */
export async function auditSupervisionExport(
  db: Db,
  ctx: UseCaseContext,
  summary: { from: string; to: string; groupBy: string; unitId?: string; documents: number },
): Promise<void> {
  await db.transaction().execute((trx) =>
    writeAudit(trx, ctx.audit, {
      action: 'documents.supervision_exported',
      targetType: 'organization',
      targetId: ctx.actor.organizationId,
      summary,
    }),
  );
}
