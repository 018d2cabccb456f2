import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { addDays } from '../../platform/time.ts';
import { createWorkingCalendar, type CalendarOverride } from './calendar.ts';
import { holidaysOfYear, isWeekend } from './holidays.ts';

const YEARS = { from: 2024, to: 2031 };
const computed = () => {
  const days = [];
  for (let y = YEARS.from; y <= YEARS.to; y++) days.push(...holidaysOfYear(y));
  return days;
};
const calendarWith = (overrides: CalendarOverride[] = []) =>
  createWorkingCalendar(computed(), overrides, { years: YEARS });
/** An instant at a Vietnamese wall-clock time. */
const vn = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`);

describe('working days (unit)', () => {
  const cal = calendarWith();

  it('skips the Tết 2026 break: Friday 13/02 + 3 working days → Wednesday 25/02', () => {
    // 14–15 weekend, 16–20 Tết, 21–22 weekend; 23 (1), 24 (2), 25 (3).
    expect(cal.addWorkingDays(vn('2026-02-13'), 3)).toEqual({
      dueDate: '2026-02-25',
      dueAt: '2026-02-25T16:59:59.999Z',
      countFrom: '2026-02-13',
    });
    expect(cal.nonWorkingDays('2026-02-13', '2026-02-25').map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
  });

  it('skips Giỗ Tổ 2026 with its nghỉ bù and 30/4–1/5', () => {
    // Fri 24/04 → Sat, Sun (Giỗ Tổ), Mon 27/04 nghỉ bù → Tue 28/04.
    expect(cal.addWorkingDays(vn('2026-04-24'), 1).dueDate).toBe('2026-04-28');
    // 28 (1), 29 (2), 30/4 Thu and 1/5 Fri off, weekend → Mon 04/05 (3).
    expect(cal.addWorkingDays(vn('2026-04-24'), 3).dueDate).toBe('2026-05-04');
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    expect(cal.dayAt('2026-04-27')?.kind).toBe('compensatory');
  });

  it('counts from the next working day when the start is a day off or after the cut-off', () => {
    expect(cal.addWorkingDays(vn('2026-02-14'), 0).dueDate).toBe('2026-02-23'); // Saturday in the Tết break
    expect(cal.addWorkingDays(vn('2026-02-14'), 1).dueDate).toBe('2026-02-24');
    expect(cal.addWorkingDays(vn('2026-03-10', '15:00'), 0, { cutoff: '15:00' }).dueDate).toBe('2026-03-10');
    expect(cal.addWorkingDays(vn('2026-03-10', '15:01'), 0, { cutoff: '15:00' })).toMatchObject({
      dueDate: '2026-03-11',
      countFrom: '2026-03-11',
    });
    expect(cal.addWorkingDays(vn('2026-03-13', '16:30'), 1, { cutoff: '15:00' }).dueDate).toBe('2026-03-17');
    expect(cal.addWorkingDays(vn('2026-03-10', '15:01'), 1).dueDate).toBe('2026-03-11'); // no cut-off given
  });

  it('reads the start in Vietnam: 23:30 UTC on Friday is Saturday morning in Hà Nội', () => {
    expect(cal.addWorkingDays(new Date('2026-03-13T23:30:00Z'), 0).dueDate).toBe('2026-03-16');
    expect(cal.addWorkingDays(new Date('2026-03-13T16:59:59Z'), 0).dueDate).toBe('2026-03-13');
  });

  it('counts working days in (a, b], negative backwards, zero for the same day', () => {
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-25')).toBe(3);
    expect(cal.workingDaysBetween('2026-02-25', '2026-02-13')).toBe(-3);
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
    expect(cal.workingDaysBetween('2026-02-14', '2026-02-23')).toBe(1);
  });

  it('makes a làm bù Saturday a working day and a hoán đổi day a day off', () => {
    const swapped = calendarWith([
      { date: '2026-01-02', kind: 'day_off', name: 'Nghỉ hoán đổi', sourceDocument: 'Thông báo 6150/TB-BNV' },
      { date: '2026-01-10', kind: 'working_day', name: 'Làm bù cho ngày 02/01', sourceDocument: null },
    ]);
    expect(swapped.isWorkingDay('2026-01-02')).toBe(false);
    expect(swapped.dayAt('2026-01-02')).toMatchObject({ kind: 'swap_day_off', source: 'override' });
    expect(swapped.isWorkingDay('2026-01-10')).toBe(true);
    expect(swapped.dayAt('2026-01-10')).toMatchObject({ kind: 'working_saturday', source: 'override' });
    // Thu 01/01 holiday; Fri 02/01 swapped; Sat 10/01 worked.
    expect(cal.addWorkingDays(vn('2026-01-09'), 1).dueDate).toBe('2026-01-12');
    expect(swapped.addWorkingDays(vn('2026-01-09'), 1).dueDate).toBe('2026-01-10');
    expect(swapped.addWorkingDays(vn('2025-12-31'), 1).dueDate).toBe('2026-01-05');
  });

  it('drops a removed computed day', () => {
    const removed = calendarWith([{ date: '2026-11-24', kind: 'remove', name: 'Chưa áp dụng' }]);
    expect(cal.isWorkingDay('2026-11-24')).toBe(false);
    expect(removed.isWorkingDay('2026-11-24')).toBe(true);
    expect(removed.days().some((d) => d.date === '2026-11-24')).toBe(false);
  });

  it('refuses dates outside its years instead of guessing', () => {
    expect(() => cal.isWorkingDay('2032-01-05')).toThrow(AppError);
    expect(() => cal.addWorkingDays(vn('2031-12-20'), 30)).toThrow(/year/);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const DAY_MS = 86_400_000;
const isoDay = (min: string, max: string) =>
  fc
    .integer({ min: Date.parse(`${min}T00:00:00Z`) / DAY_MS, max: Date.parse(`${max}T00:00:00Z`) / DAY_MS })
    .map((n) => new Date(n * DAY_MS).toISOString().slice(0, 10));
const saturdays = fc
  .array(isoDay('2024-01-01', '2030-12-31'), { maxLength: 12 })
  .map((dates) => dates.map((d) => addDays(d, (6 - new Date(`${d}T00:00:00Z`).getUTCDay() + 7) % 7)));
const weekdays = fc
  .array(isoDay('2024-01-01', '2030-12-31'), { maxLength: 12 })
  .map((dates) => dates.filter((d) => !isWeekend(d)));
/** A calendar with random làm bù Saturdays and random extra days off. */
const calendars = fc.tuple(saturdays, weekdays).map(([sats, offs]) => {
  const overrides: CalendarOverride[] = [];
  const seen = new Set<string>();
  const computedDates = new Set(computed().map((d) => d.date));
  for (const date of sats) {
    if (!seen.has(date) && !computedDates.has(date)) overrides.push({ date, kind: 'working_day', name: 'Làm bù' });
    seen.add(date);
  }
  for (const date of offs) {
    if (!seen.has(date) && !computedDates.has(date)) overrides.push({ date, kind: 'day_off', name: 'Nghỉ thêm' });
    seen.add(date);
  }
  const workingSaturdays = new Set(overrides.filter((o) => o.kind === 'working_day').map((o) => o.date));
  return { calendar: calendarWith(overrides), workingSaturdays };
});
const starts = fc
  .tuple(isoDay('2024-01-01', '2030-06-30'), fc.integer({ min: 0, max: 24 * 60 - 1 }))
  .map(([date, minutes]) => new Date(Date.parse(`${date}T00:00:00+07:00`) + minutes * 60_000));
const counts = fc.integer({ min: 0, max: 120 });
const runs = { numRuns: 300 };

describe('working days (properties)', () => {
  it('always ends on a working day, never on a weekend unless it is a làm bù Saturday', () => {
    fc.assert(
      fc.property(calendars, starts, counts, ({ calendar, workingSaturdays }, start, n) => {
        const { dueDate, dueAt } = calendar.addWorkingDays(start, n);
        expect(calendar.isWorkingDay(dueDate)).toBe(true);
        if (isWeekend(dueDate)) expect(workingSaturdays.has(dueDate)).toBe(true);
        expect(dueAt).toBe(new Date(`${dueDate}T23:59:59.999+07:00`).toISOString());
      }),
      runs,
    );
  });

  it('is monotone in n, and n + 1 gives the next working day after n', () => {
    fc.assert(
      fc.property(calendars, starts, counts, ({ calendar }, start, n) => {
        const a = calendar.addWorkingDays(start, n).dueDate;
        const b = calendar.addWorkingDays(start, n + 1).dueDate;
        expect(b > a).toBe(true);
        expect(b).toBe(calendar.nextWorkingDay(a));
      }),
      runs,
    );
  });

  it('is undone by workingDaysBetween from a working start day (n), and from a day off (n + 1)', () => {
    fc.assert(
      fc.property(calendars, starts, counts, ({ calendar }, start, n) => {
        const startDate = new Date(start.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
        const { dueDate } = calendar.addWorkingDays(start, n);
        const expected = calendar.isWorkingDay(startDate) ? n : n + 1;
        expect(calendar.workingDaysBetween(startDate, dueDate)).toBe(expected);
        expect(calendar.workingDaysBetween(dueDate, startDate)).toBe(0 - expected);
      }),
      runs,
    );
  });

  it('treats a start after the cut-off on a working day like one more working day', () => {
    fc.assert(
      fc.property(calendars, isoDay('2024-01-01', '2030-06-30'), counts, ({ calendar }, date, n) => {
        fc.pre(calendar.isWorkingDay(date));
        const late = calendar.addWorkingDays(vn(date, '16:00'), n, { cutoff: '15:00' }).dueDate;
        expect(late).toBe(calendar.addWorkingDays(vn(date, '09:00'), n + 1, { cutoff: '15:00' }).dueDate);
      }),
      runs,
    );
  });

  it('adds up over consecutive intervals and counts every calendar day once', () => {
    const three = fc.tuple(
      isoDay('2024-01-01', '2030-12-31'),
      isoDay('2024-01-01', '2030-12-31'),
      isoDay('2024-01-01', '2030-12-31'),
    );
    fc.assert(
      fc.property(calendars, three, ({ calendar }, [a, b, c]) => {
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).toBe(
          calendar.workingDaysBetween(a, c),
        );
        const [from, to] = a <= b ? [a, b] : [b, a];
        const calendarDays = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
        const dayOffs = calendar.nonWorkingDays(addDays(from, 1), to).length;
        expect(Math.abs(calendar.workingDaysBetween(a, b))).toBe(from === to ? 0 : calendarDays - dayOffs);
      }),
      { numRuns: 150 },
    );
  });

  it('never counts a statutory day off or nghỉ bù as a working day', () => {
    fc.assert(
      fc.property(calendars, ({ calendar }) => {
        for (const day of computed()) expect(calendar.isWorkingDay(day.date)).toBe(false);
      }),
      { numRuns: 20 },
    );
  });
});
