/**
 * The working-day calendar (STANDARDS §7.2–7.3) — pure, no database.
 *
 * A day is a working day when it is Monday–Friday and not a day off, or when it is a Saturday (or
 * Sunday) made a working day (làm bù). Deadlines in working days count like the civil law: the day the
 * period starts is not counted, and the period ends at 24:00 of the last day (Asia/Ho_Chi_Minh).
 *
 * Conventions:
 * - `addWorkingDays(start, n)`: the start is read as a date and time in Vietnam. If that date is not a
 *   working day, or the time is after the cut-off (when one is given), counting starts from the next
 *   working day instead. Then n working days are counted after it; n = 0 gives the (possibly moved)
 *   start day itself.
 * - `workingDaysBetween(a, b)`: the number of working days d with a < d ≤ b; negative (−count of
 *   b < d ≤ a) when b is before a; 0 when a = b. So for a working day d and no cut-off,
 *   `workingDaysBetween(d, addWorkingDays(d, n).dueDate) === n`; for a day off d it is n + 1 (the
 *   counting day it moved to is itself a working day after d).
 */
import { AppError } from '../../platform/errors.ts';
import { addDays, isIsoDate, TIME_ZONE, vietnamDate } from '../../platform/time.ts';
import { isWeekend, weekday, type DayKind, type HolidayDay, type LocalizedName } from './holidays.ts';

export const OVERRIDE_KINDS = ['day_off', 'working_day', 'remove'] as const;
/**
 * What an administrator records for a date, from the Government's notice of the year:
 * - day_off: an extra day off or a swapped day off (hoán đổi, paired with a làm bù Saturday);
 * - working_day: a Saturday (or Sunday) made a working day (làm bù);
 * - remove: a computed day off that does not apply this year.
 */
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

export interface CalendarOverride {
  readonly id?: string;
  readonly date: string;
  readonly kind: OverrideKind;
  /** Name or reason, as written by the administrator. */
  readonly name: string;
  readonly sourceDocument?: string | null;
}

/** A day of the effective calendar: a computed day, or one set by an override (then with its id). */
export interface CalendarDay extends HolidayDay {
  readonly overrideId?: string;
  readonly sourceDocument?: string | null;
}

/** A day that is not a working day, and why. */
export interface NonWorkingDay {
  readonly date: string;
  readonly kind: DayKind | 'weekend';
  readonly name: LocalizedName;
}

export interface AddWorkingDaysOptions {
  /** 'HH:mm' in Vietnam: a start after this time counts from the next working day. */
  readonly cutoff?: string;
}

export interface DueDate {
  /** The last day of the period (yyyy-mm-dd). */
  readonly dueDate: string;
  /** The end of that day, 23:59:59.999 in Asia/Ho_Chi_Minh, as an ISO instant in UTC. */
  readonly dueAt: string;
  /** The working day from which the n days were counted (the start day, or the next working day). */
  readonly countFrom: string;
}

export interface WorkingCalendar {
  /** The Gregorian years the calendar knows; a date outside them gives `calendar.invalid_year`. */
  readonly years: { readonly from: number; readonly to: number } | undefined;
  isWorkingDay(isoDate: string): boolean;
  /** The first working day after the date (never the date itself). */
  nextWorkingDay(isoDate: string): string;
  addWorkingDays(start: Date, n: number, options?: AddWorkingDaysOptions): DueDate;
  workingDaysBetween(a: string, b: string): number;
  /** The day off or working Saturday at a date, if the date is not an ordinary weekday or weekend day. */
  dayAt(isoDate: string): CalendarDay | undefined;
  /** Every day off and working Saturday of the calendar, in date order. */
  days(): readonly CalendarDay[];
  /** The days from `from` to `to` (both included) that are not working days, with why. */
  nonWorkingDays(from: string, to: string): NonWorkingDay[];
}

const WEEKEND_NAMES: Readonly<Record<number, LocalizedName>> = {
  0: { vi: 'Chủ nhật', en: 'Sunday' },
  6: { vi: 'Thứ Bảy', en: 'Saturday' },
};

const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isCutoff(value: string): boolean {
  return CUTOFF.test(value);
}

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Milliseconds since midnight in Vietnam at the instant. */
function vietnamTimeOfDay(at: Date): number {
  const parts: Record<string, string> = {};
  for (const part of clockFormat.formatToParts(at)) parts[part.type] = part.value;
  const seconds = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  return seconds * 1000 + at.getUTCMilliseconds();
}

/** The end of a Vietnamese calendar day (23:59:59.999 at UTC+7) as an ISO instant. */
export function endOfVietnamDay(isoDate: string): string {
  return new Date(`${isoDate}T23:59:59.999+07:00`).toISOString();
}

/** The effective days: computed days, then the overrides applied over them. */
function applyOverrides(days: readonly HolidayDay[], overrides: readonly CalendarOverride[]): Map<string, CalendarDay> {
  const byDate = new Map<string, CalendarDay>(days.map((d) => [d.date, d]));
  const yearsWithWorkingDays = new Set(
    overrides.filter((o) => o.kind === 'working_day').map((o) => o.date.slice(0, 4)),
  );
  for (const o of overrides) {
    const name = { vi: o.name, en: o.name };
    const common = {
      date: o.date,
      name,
      source: 'override' as const,
      sourceDocument: o.sourceDocument ?? null,
      ...(o.id ? { overrideId: o.id } : {}),
    };
    if (o.kind === 'remove') byDate.delete(o.date);
    else if (o.kind === 'working_day') byDate.set(o.date, { ...common, kind: 'working_saturday' });
    else {
      // A day off granted in a year that also has a làm bù Saturday is a swap (hoán đổi); else an extra day.
      const kind = yearsWithWorkingDays.has(o.date.slice(0, 4)) ? 'swap_day_off' : 'extra_day_off';
      byDate.set(o.date, { ...common, kind });
    }
  }
  return byDate;
}

/**
 * A working calendar over the given computed days (e.g. `holidaysOfYear` of each year) and overrides.
 * With `years`, asking about a date outside those years throws `calendar.invalid_year` rather than
 * silently treating it as an ordinary week.
 */
export function createWorkingCalendar(
  days: readonly HolidayDay[],
  overrides: readonly CalendarOverride[],
  options: { years?: { from: number; to: number } } = {},
): WorkingCalendar {
  const byDate = applyOverrides(days, overrides);
  const sorted = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const years = options.years;

  const check = (isoDate: string) => {
    if (!isIsoDate(isoDate)) throw new RangeError(`Not a yyyy-mm-dd date: ${isoDate}`);
    const year = Number(isoDate.slice(0, 4));
    if (years && (year < years.from || year > years.to)) {
      throw new AppError('calendar.invalid_year', { year, known: years });
    }
  };

  const isWorkingDay = (isoDate: string) => {
    check(isoDate);
    const day = byDate.get(isoDate);
    if (day) return day.kind === 'working_saturday';
    return !isWeekend(isoDate);
  };

  const nextWorkingDay = (isoDate: string) => {
    let d = addDays(isoDate, 1);
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };

  const countWorkingDays = (after: string, through: string) => {
    let count = 0;
    for (let d = addDays(after, 1); d <= through; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  };

  return {
    years,
    isWorkingDay,
    nextWorkingDay,
    addWorkingDays(start, n, addOptions = {}) {
      if (Number.isNaN(start.getTime())) throw new RangeError('Invalid start instant');
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
      const cutoff = addOptions.cutoff;
      if (cutoff !== undefined && !isCutoff(cutoff)) throw new RangeError(`Cut-off must be HH:mm: ${cutoff}`);
      const startDate = vietnamDate(start);
      const afterCutoff =
        cutoff !== undefined &&
        vietnamTimeOfDay(start) > (Number(cutoff.slice(0, 2)) * 60 + Number(cutoff.slice(3, 5))) * 60_000;
      const countFrom = !isWorkingDay(startDate) || afterCutoff ? nextWorkingDay(startDate) : startDate;
      let due = countFrom;
      for (let i = 0; i < n; i++) due = nextWorkingDay(due);
      return { dueDate: due, dueAt: endOfVietnamDay(due), countFrom };
    },
    workingDaysBetween(a, b) {
      check(a);
      check(b);
      if (a === b) return 0;
      return a < b ? countWorkingDays(a, b) : 0 - countWorkingDays(b, a); // never -0
    },
    dayAt(isoDate) {
      check(isoDate);
      return byDate.get(isoDate);
    },
    days: () => sorted,
    nonWorkingDays(from, to) {
      check(from);
      check(to);
      const result: NonWorkingDay[] = [];
      for (let d = from; d <= to; d = addDays(d, 1)) {
        if (isWorkingDay(d)) continue;
        const day = byDate.get(d);
        result.push(
          day
            ? { date: d, kind: day.kind, name: day.name }
            : { date: d, kind: 'weekend', name: WEEKEND_NAMES[weekday(d)]! },
        );
      }
      return result;
    },
  };
}
