/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for a time zone (UTC+7 for Vietnam).
 *
 * The method is the one Hồ Ngọc Đức published for the Vietnamese calendar:
 * - a lunar month begins on the local calendar day that contains the new moon (new moons from the
 *   truncated series of Meeus, "Astronomical Algorithms", ch. 49);
 * - month 11 is the month that contains the winter solstice (sun longitude 270°);
 * - a lunar year with 13 months between two months 11 has a leap month: the first month after month 11
 *   in which the sun enters no new 30° sector (contains no major solar term, trung khí) — it repeats the
 *   number of the month before it.
 *
 * Because the day of a new moon depends on the time zone, the Vietnamese (UTC+7) and Chinese (UTC+8)
 * calendars differ in some years (Tết 1985: 21/01 in Vietnam, 20/02 in China; Tết 2007: 17/02 vs 18/02).
 * Day numbers below are Julian day numbers (JDN) of civil days, counted in whole days.
 */

const SYNODIC_MONTH = 29.530588853;
/** JDN of the new moon of 1900-01-01 (lunation 0 of the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;
/** JDN of 1970-01-01. */
const UNIX_EPOCH_JDN = 2440588;
const DAY_MS = 86_400_000;
const RAD = Math.PI / 180;

export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** True in a leap month (tháng nhuận), which repeats the number of the month before it. */
  readonly leap: boolean;
}

function jdnFromIso(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a yyyy-mm-dd date: ${isoDate}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const jdn = Math.round(ms / DAY_MS) + UNIX_EPOCH_JDN;
  if (isoFromJdn(jdn) !== isoDate) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return jdn;
}

function isoFromJdn(jdn: number): string {
  const d = new Date((jdn - UNIX_EPOCH_JDN) * DAY_MS);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The local day (JDN) containing the k-th new moon after that of 1900-01-01. */
function newMoonDay(k: number, timeZone: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-01
  const t2 = t * t;
  const t3 = t2 * t;
  const sin = (degrees: number) => Math.sin(degrees * RAD);
  const meanNewMoon =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
  const mp = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
  const correction =
    (0.1734 - 0.000393 * t) * sin(m) +
    0.0021 * sin(2 * m) -
    0.4068 * sin(mp) +
    0.0161 * sin(2 * mp) -
    0.0004 * sin(3 * mp) +
    0.0104 * sin(2 * f) -
    0.0051 * sin(m + mp) -
    0.0074 * sin(m - mp) +
    0.0004 * sin(2 * f + m) -
    0.0004 * sin(2 * f - m) -
    0.0006 * sin(2 * f + mp) +
    0.001 * sin(2 * f - mp) +
    0.0005 * sin(2 * mp + m);
  // ΔT (terrestrial minus universal time), in days
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  const newMoonUt = meanNewMoon + correction - deltaT;
  return Math.floor(newMoonUt + 0.5 + timeZone / 24);
}

/**
 * The 30° sector (0…11) of the sun's apparent longitude at local midnight starting day `jdn`.
 * Sector boundaries are the major solar terms (trung khí); sector 9 begins at the winter solstice.
 */
function sunSector(jdn: number, timeZone: number): number {
  const t = (jdn - 0.5 - timeZone / 24 - 2451545.0) / 36525; // Julian centuries since J2000.0
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (((meanLongitude + centre) % 360) + 360) % 360;
  return Math.floor(longitude / 30);
}

/** Lunation number (k of `newMoonDay`) of the month beginning on day `jdn`. */
function lunationOf(monthStart: number): number {
  return Math.round((monthStart - NEW_MOON_EPOCH) / SYNODIC_MONTH);
}

/** First day of lunar month 11 (the month of the winter solstice) that falls in Gregorian year `year`. */
function month11Start(year: number, timeZone: number): number {
  const k = Math.floor((jdnFromIso(`${String(year).padStart(4, '0')}-12-31`) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, timeZone);
  // If the sun is already past the solstice sector boundary at that new moon, month 11 began one lunation earlier.
  return sunSector(start, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : start;
}

interface LunarMonth {
  readonly start: number;
  readonly year: number;
  readonly month: number;
  readonly leap: boolean;
}

const monthCache = new Map<string, readonly LunarMonth[]>();

/**
 * The 12 or 13 lunar months from month 11 of lunar year `year` (starting in Gregorian December of
 * `year`) up to, not including, month 11 of the next year.
 */
function monthsFromMonth11(year: number, timeZone: number): readonly LunarMonth[] {
  const key = `${year}@${timeZone}`;
  const cached = monthCache.get(key);
  if (cached) return cached;
  const first = lunationOf(month11Start(year, timeZone));
  const count = lunationOf(month11Start(year + 1, timeZone)) - first;
  let leapIndex = -1;
  if (count === 13) {
    // The leap month is the first month without a major solar term: the sun's sector at its start is
    // the same as at the start of the next month.
    for (let i = 1; i < 13; i++) {
      if (
        sunSector(newMoonDay(first + i, timeZone), timeZone) ===
        sunSector(newMoonDay(first + i + 1, timeZone), timeZone)
      ) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i; // months since month 11
    const month = ((10 + ordinal) % 12) + 1;
    months.push({
      start: newMoonDay(first + i, timeZone),
      // Months 11 and 12 at the head of the list belong to `year`; month 1 onwards to the next year.
      year: ordinal < 2 ? year : year + 1,
      month,
      leap: i === leapIndex,
    });
  }
  if (monthCache.size > 2000) monthCache.clear();
  monthCache.set(key, months);
  return months;
}

/** The Gregorian date (yyyy-mm-dd) of a lunar date. Throws RangeError for a date that does not exist. */
export function lunarToSolar(year: number, month: number, day: number, leap = false, timeZone = 7): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12) {
    throw new RangeError(`Not a lunar date: ${year}-${month}-${day}`);
  }
  const months = monthsFromMonth11(month >= 11 ? year : year - 1, timeZone);
  const index = months.findIndex((m) => m.year === year && m.month === month && m.leap === leap);
  const found = months[index];
  if (!found) throw new RangeError(`Lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
  const next = months[index + 1]?.start ?? month11Start(year + (month >= 11 ? 1 : 0), timeZone);
  if (day < 1 || found.start + day - 1 >= next) {
    throw new RangeError(`Lunar month ${month} of ${year} has ${next - found.start} days`);
  }
  return isoFromJdn(found.start + day - 1);
}

/** The lunar date of a Gregorian date (yyyy-mm-dd). */
export function solarToLunar(isoDate: string, timeZone = 7): LunarDate {
  const jdn = jdnFromIso(isoDate);
  const solarYear = Number(isoDate.slice(0, 4));
  const months = monthsFromMonth11(jdn >= month11Start(solarYear, timeZone) ? solarYear : solarYear - 1, timeZone);
  let current = months[0]!;
  for (const m of months) {
    if (m.start > jdn) break;
    current = m;
  }
  return { year: current.year, month: current.month, day: jdn - current.start + 1, leap: current.leap };
}
