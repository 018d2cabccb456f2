/**
 * Use cases of the calendar module: the working calendar of a range of years (computed days + the
 * administrators' overrides), due dates, and the administration of overrides and year confirmations.
 */
import { writeAudit } from '../../platform/audit/audit.ts';
import { authorize } from '../../platform/authz.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { Db, DbOrTrx } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { isIsoDate, vietnamDate } from '../../platform/time.ts';
import {
  createWorkingCalendar,
  isCutoff,
  type AddWorkingDaysOptions,
  type CalendarOverride,
  type DueDate,
  type NonWorkingDay,
  type OverrideKind,
  type WorkingCalendar,
} from './calendar.ts';
import { calendarPolicy } from './calendar.policy.ts';
import * as repo from './calendar.repository.ts';
import { holidaysOfYear, isWeekend, type HolidayDay } from './holidays.ts';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AppError('calendar.invalid_year', { year, min: MIN_YEAR, max: MAX_YEAR });
  }
}

function toOverride(row: repo.OverrideRow): CalendarOverride {
  return { id: row.id, date: row.date, kind: row.kind, name: row.name, sourceDocument: row.source_document };
}

/** The computed days of the years, with the computed days that administrators removed left out. */
function computedDays(fromYear: number, toYear: number, overrides: readonly CalendarOverride[]): HolidayDay[] {
  const removed = new Set(overrides.filter((o) => o.kind === 'remove').map((o) => o.date));
  const days: HolidayDay[] = [];
  for (let year = fromYear; year <= toYear; year++) days.push(...holidaysOfYear(year, { removed }));
  return days;
}

/** The working calendar of the years `fromYear`…`toYear` (computed days and overrides from the database). */
export async function loadWorkingCalendar(db: DbOrTrx, fromYear: number, toYear: number): Promise<WorkingCalendar> {
  checkYear(fromYear);
  checkYear(toYear);
  if (toYear < fromYear) throw new AppError('calendar.invalid_year', { fromYear, toYear });
  const overrides = (await repo.findOverrides(db, `${fromYear}-01-01`, `${toYear}-12-31`)).map(toOverride);
  return createWorkingCalendar(computedDays(fromYear, toYear, overrides), overrides, {
    years: { from: fromYear, to: toYear },
  });
}

/** Years to load so that n working days from a start in `year` fit (≥ 200 working days a year). */
function yearsFor(year: number, n: number): [number, number] {
  checkYear(year);
  return [year, Math.min(MAX_YEAR, year + 1 + Math.ceil(n / 200))];
}

/** The due date n working days after `start` (see calendar.ts for the counting rule). */
export async function addWorkingDays(
  db: DbOrTrx,
  start: Date,
  n: number,
  options?: AddWorkingDaysOptions,
): Promise<DueDate> {
  const [from, to] = yearsFor(Number(vietnamDate(start).slice(0, 4)), n);
  return (await loadWorkingCalendar(db, from, to)).addWorkingDays(start, n, options);
}

/** Working days d with a < d ≤ b (negative when b < a), dates yyyy-mm-dd. */
export async function workingDaysBetween(db: DbOrTrx, a: string, b: string): Promise<number> {
  if (!isIsoDate(a) || !isIsoDate(b)) throw new AppError('request.invalid', { a, b });
  const years = [Number(a.slice(0, 4)), Number(b.slice(0, 4))];
  const calendar = await loadWorkingCalendar(db, Math.min(...years), Math.max(...years));
  return calendar.workingDaysBetween(a, b);
}

export interface DueDateExplained extends DueDate {
  readonly skipped: NonWorkingDay[];
}

/** A due date with the non-working days skipped from the start day to the due day (for the explanation). */
export async function explainDueDate(
  db: Db,
  start: Date,
  n: number,
  cutoff: string | undefined,
): Promise<DueDateExplained> {
  if (cutoff !== undefined && !isCutoff(cutoff)) throw new AppError('request.invalid', { cutoff });
  const startDate = vietnamDate(start);
  const [from, to] = yearsFor(Number(startDate.slice(0, 4)), n);
  const calendar = await loadWorkingCalendar(db, from, to);
  const due = calendar.addWorkingDays(start, n, cutoff === undefined ? {} : { cutoff });
  return { ...due, skipped: calendar.nonWorkingDays(startDate, due.dueDate) };
}

/** A year's days off and working Saturdays, its overrides, and whether an administrator confirmed it. */
export async function getYearCalendar(db: DbOrTrx, year: number) {
  checkYear(year);
  const calendar = await loadWorkingCalendar(db, year, year);
  const overrides = await repo.findOverrides(db, `${year}-01-01`, `${year}-12-31`);
  const confirmation = await repo.findYearConfirmation(db, year);
  return { year, days: calendar.days(), overrides, confirmation };
}

export interface OverrideInput {
  readonly date: string;
  readonly kind: OverrideKind;
  readonly name: string;
  readonly sourceDocument: string | null;
}

/** Why an override cannot apply to its date, or undefined when it can. */
function overrideProblem(input: OverrideInput, computed: readonly HolidayDay[]): string | undefined {
  const computedDay = computed.find((d) => d.date === input.date);
  switch (input.kind) {
    case 'working_day':
      if (!isWeekend(input.date)) return 'only a Saturday or Sunday can be made a working day';
      return computedDay ? `a holiday cannot be made a working day: ${computedDay.name.vi}` : undefined;
    case 'day_off':
      if (isWeekend(input.date)) return 'a Saturday or Sunday is already a day off';
      return computedDay ? `already a day off: ${computedDay.name.vi}` : undefined;
    case 'remove':
      return computedDay ? undefined : 'no computed day off on this date';
  }
}

export async function createOverride(db: Db, ctx: UseCaseContext, input: OverrideInput) {
  authorize(calendarPolicy.canManageCalendar(ctx.actor));
  if (!isIsoDate(input.date)) throw new AppError('calendar.invalid_override', { date: input.date });
  const year = Number(input.date.slice(0, 4));
  checkYear(year);
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findOverrideByDate(trx, input.date);
    if (existing) throw new AppError('record.duplicate', { type: 'calendar_override', date: input.date });
    const overrides = (await repo.findOverrides(trx, `${year}-01-01`, `${year}-12-31`)).map(toOverride);
    const problem = overrideProblem(input, computedDays(year, year, overrides));
    if (problem)
      throw new AppError('calendar.invalid_override', { date: input.date, kind: input.kind, reason: problem });
    const { id } = await repo.insertOverride(trx, { ...input, createdBy: ctx.actor.userId });
    const confirmationWithdrawn = await repo.deleteYearConfirmation(trx, year);
    await writeAudit(trx, ctx.audit, {
      action: 'calendar.override_created',
      targetType: 'calendar_override',
      targetId: id,
      summary: { after: { ...input }, confirmationWithdrawn },
    });
    return (await repo.findOverrideById(trx, id))!;
  });
}

export async function deleteOverride(db: Db, ctx: UseCaseContext, id: string) {
  authorize(calendarPolicy.canManageCalendar(ctx.actor));
  return db.transaction().execute(async (trx) => {
    const before = await repo.findOverrideById(trx, id);
    if (!before || !(await repo.deleteOverride(trx, id))) {
      throw new AppError('record.not_found', { type: 'calendar_override', id });
    }
    const confirmationWithdrawn = await repo.deleteYearConfirmation(trx, Number(before.date.slice(0, 4)));
    await writeAudit(trx, ctx.audit, {
      action: 'calendar.override_deleted',
      targetType: 'calendar_override',
      targetId: id,
      summary: {
        before: { date: before.date, kind: before.kind, name: before.name, sourceDocument: before.source_document },
        confirmationWithdrawn,
      },
    });
  });
}

/** Records that an administrator checked the year's calendar against the Government's notice. */
export async function confirmYear(db: Db, ctx: UseCaseContext, year: number, note: string | null) {
  authorize(calendarPolicy.canManageCalendar(ctx.actor));
  checkYear(year);
  await db.transaction().execute(async (trx) => {
    const calendar = await loadWorkingCalendar(trx, year, year);
    await repo.upsertYearConfirmation(trx, year, ctx.actor.userId, note);
    await writeAudit(trx, ctx.audit, {
      action: 'calendar.year_confirmed',
      targetType: 'calendar_year',
      targetId: String(year),
      summary: {
        year,
        note,
        days: calendar.days().map((d) => ({ date: d.date, kind: d.kind, source: d.source })),
      },
    });
  });
  return getYearCalendar(db, year);
}
