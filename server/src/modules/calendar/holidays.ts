/**
 * The statutory days off of a year (Bộ luật Lao động 2019, Điều 112), computed — pure, no database.
 *
 * - 01/01 Tết Dương lịch; 30/4; 01/5 — fixed solar dates.
 * - Tết Nguyên đán, 5 days. The Government fixes the civil-servant range each year; the DEFAULT computed
 *   here is giao thừa (the last day of month 12) through mùng 4 tháng Giêng, e.g. 16/02–20/02/2026.
 * - Giỗ Tổ Hùng Vương, 10/3 âm lịch (Vietnamese calendar, UTC+7).
 * - Quốc khánh 02/9 and one adjacent day (01/9 or 03/9), chosen by `nationalDayAdjacentDay` below.
 * - 24/11 Ngày Văn hóa Việt Nam, from 2026 (reported, not verified against the official text: marked
 *   `unverified` so an administrator can remove it with an override).
 * - Nghỉ bù: a holiday on a Saturday or Sunday gives a compensatory day off on the next day that is a
 *   weekday and not itself a day off (in date order, so two weekend holidays give two weekdays).
 *
 * The rules of BLLĐ 2019 are applied to every year; earlier laws (fewer Tết days, no Giỗ Tổ before 2007)
 * are not modelled, so past years are only as right as an administrator makes them.
 *
 * `source`: 'statute' = a date fixed by law; 'computed' = derived here (lunar dates, the default Tết range,
 * the 2/9 adjacent day, nghỉ bù); 'override' = recorded by an administrator (see calendar.ts).
 */
import { addDays } from '../../platform/time.ts';
import { lunarToSolar, solarToLunar } from './lunar.ts';

export const DAY_KINDS = [
  'holiday',
  'tet',
  'compensatory',
  'swap_day_off',
  'working_saturday',
  'extra_day_off',
] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export const DAY_SOURCES = ['statute', 'computed', 'override'] as const;
export type DaySource = (typeof DAY_SOURCES)[number];

export interface LocalizedName {
  readonly vi: string;
  readonly en: string;
}

/** A day that differs from the ordinary week: a day off on a weekday, or a Saturday made a working day. */
export interface HolidayDay {
  readonly date: string;
  readonly kind: DayKind;
  readonly name: LocalizedName;
  readonly source: DaySource;
  /** Reported but not verified against the official text: an administrator should confirm or remove it. */
  readonly unverified?: boolean;
  /** For a compensatory day (nghỉ bù): the holiday it makes up for. */
  readonly compensatesFor?: string;
}

/** Which day next to 02/9 is the second Quốc khánh day off: 'auto' follows the rule below. */
export type NationalDayAdjacent = 'auto' | 'before' | 'after';

export interface HolidayOptions {
  /** Default 'auto'. The Government may decide otherwise in a given year; record that as an override. */
  readonly nationalDayAdjacent?: NationalDayAdjacent;
  /** Computed days removed by an administrator; compensatory days are computed without them. */
  readonly removed?: ReadonlySet<string>;
}

/** First year in which 24/11 is a day off (Nghị quyết 28/2026/QH16, from 01/7/2026 — unverified). */
export const CULTURE_DAY_FIRST_YEAR = 2026;

/** 0 = Sunday … 6 = Saturday, of a yyyy-mm-dd date. */
export function weekday(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

export function isWeekend(isoDate: string): boolean {
  const d = weekday(isoDate);
  return d === 0 || d === 6;
}

/**
 * The adjacent Quốc khánh day when not decided otherwise: the one that joins 02/9 to a weekend (the
 * longest break), and of two equally long breaks the weekday, as the Government decided in 2021–2025
 * (2021 Thu → 03/9; 2022 Fri → 01/9; 2023 Sat → 01/9 + nghỉ bù Mon 04/9; 2024 Mon → 03/9; 2025 Tue → 01/9).
 * When 02/9 is a Wednesday no choice reaches a weekend; the day before (01/9) is taken.
 */
export function nationalDayAdjacentDay(year: number, choice: NationalDayAdjacent = 'auto'): string {
  const before = `${year}-09-01`;
  const after = `${year}-09-03`;
  if (choice === 'before') return before;
  if (choice === 'after') return after;
  // Indexed by the weekday of 02/9: Sun, Mon, Tue, Wed, Thu, Fri, Sat.
  const takeAfter = [true, true, false, false, true, false, false][weekday(`${year}-09-02`)];
  return takeAfter ? after : before;
}

const LUNAR_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

function tetDays(year: number): HolidayDay[] {
  const firstDay = lunarToSolar(year, 1, 1);
  const eve = addDays(firstDay, -1);
  const eveLunarDay = solarToLunar(eve).day; // 29 or 30 tháng Chạp
  const days: HolidayDay[] = [
    {
      date: eve,
      kind: 'tet',
      name: {
        vi: `Tết Nguyên đán (${eveLunarDay} tháng Chạp)`,
        en: `Lunar New Year (12th month, day ${eveLunarDay})`,
      },
      source: 'computed',
    },
  ];
  LUNAR_DAY_NAMES.forEach((label, i) => {
    days.push({
      date: addDays(firstDay, i),
      kind: 'tet',
      name: { vi: `Tết Nguyên đán (${label} tháng Giêng)`, en: `Lunar New Year (day ${i + 1})` },
      source: 'computed',
    });
  });
  return days;
}

/** The holidays of a year without nghỉ bù, in date order. */
export function statutoryHolidays(year: number, options: HolidayOptions = {}): HolidayDay[] {
  const nationalDayName = { vi: 'Quốc khánh', en: 'National Day' };
  const days: HolidayDay[] = [
    { date: `${year}-01-01`, kind: 'holiday', name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, source: 'statute' },
    ...tetDays(year),
    {
      date: lunarToSolar(year, 3, 10),
      kind: 'holiday',
      name: {
        vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
        en: 'Hùng Kings Commemoration Day (10th day of 3rd lunar month)',
      },
      source: 'computed',
    },
    {
      date: `${year}-04-30`,
      kind: 'holiday',
      name: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
      source: 'statute',
    },
    {
      date: `${year}-05-01`,
      kind: 'holiday',
      name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
      source: 'statute',
    },
    { date: `${year}-09-02`, kind: 'holiday', name: nationalDayName, source: 'statute' },
    {
      date: nationalDayAdjacentDay(year, options.nationalDayAdjacent),
      kind: 'holiday',
      name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
      source: 'computed',
    },
  ];
  if (year >= CULTURE_DAY_FIRST_YEAR) {
    days.push({
      date: `${year}-11-24`,
      kind: 'holiday',
      name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' },
      source: 'statute',
      unverified: true,
    });
  }
  // Two holidays on one date (Giỗ Tổ on 30/4, as in 1947) make one day off with both names.
  const byDate = new Map<string, HolidayDay>();
  for (const day of days) {
    if (options.removed?.has(day.date)) continue;
    const other = byDate.get(day.date);
    byDate.set(
      day.date,
      other
        ? { ...other, name: { vi: `${other.name.vi}; ${day.name.vi}`, en: `${other.name.en}; ${day.name.en}` } }
        : day,
    );
  }
  return [...byDate.values()].sort(byDateOrder);
}

function byDateOrder(a: HolidayDay, b: HolidayDay): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Nghỉ bù for the holidays given (in date order) that fall on a Saturday or Sunday. */
export function compensatoryDays(holidays: readonly HolidayDay[], removed?: ReadonlySet<string>): HolidayDay[] {
  const off = new Set(holidays.map((h) => h.date));
  const result: HolidayDay[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || off.has(date)) date = addDays(date, 1);
    off.add(date);
    if (removed?.has(date)) continue;
    result.push({
      date,
      kind: 'compensatory',
      name: { vi: `Nghỉ bù ${holiday.name.vi}`, en: `Compensatory day off for ${holiday.name.en}` },
      source: 'computed',
      compensatesFor: holiday.date,
      ...(holiday.unverified ? { unverified: true } : {}),
    });
  }
  return result;
}

/** The computed days off of a year: holidays, Tết and nghỉ bù, in date order. */
export function holidaysOfYear(year: number, options: HolidayOptions = {}): HolidayDay[] {
  const holidays = statutoryHolidays(year, options);
  return [...holidays, ...compensatoryDays(holidays, options.removed)].sort(byDateOrder);
}
