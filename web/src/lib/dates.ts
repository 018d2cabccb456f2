/**
 * Dates as Vietnamese officials write them: dd/MM/yyyy (and HH:mm:ss), always in Asia/Ho_Chi_Minh,
 * whatever the browser's own time zone. Calendar dates from the API (yyyy-mm-dd) are shown as they are.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface VietnamParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function vietnamParts(instant: Date): VietnamParts {
  const parts: Record<string, string> = {};
  for (const part of dateTimeParts.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  };
}

function toInstant(value: string | Date): Date | undefined {
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** dd/MM/yyyy. A yyyy-mm-dd calendar date is reformatted; an instant is read in Vietnam's time zone. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const match = ISO_DATE.exec(value);
    if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  }
  const instant = toInstant(value);
  if (!instant) return String(value);
  const p = vietnamParts(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/** dd/MM/yyyy HH:mm:ss in Vietnam's time zone. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = toInstant(value);
  if (!instant) return String(value);
  const p = vietnamParts(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** The calendar date (yyyy-mm-dd) in Vietnam at an instant, by default now. */
export function vietnamDate(at: Date = new Date()): string {
  const p = vietnamParts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Adds whole days to a yyyy-mm-dd date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant a Vietnamese calendar day starts (00:00 at UTC+7), as an ISO date-time. */
export function startOfVietnamDay(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00+07:00`).toISOString();
}

export type ValidityError = 'common.invalidDate' | 'common.invalidDateRange';

/**
 * What is wrong with a validity period (i18n keys): the start must be a date; the end may be left empty
 * (open-ended) unless required, and must not come before the start.
 */
export function validityErrors(
  validFrom: string,
  validTo: string,
  { toRequired = false }: { toRequired?: boolean } = {},
): { validFrom?: ValidityError; validTo?: ValidityError } {
  const errors: { validFrom?: ValidityError; validTo?: ValidityError } = {};
  if (!isIsoDate(validFrom)) errors.validFrom = 'common.invalidDate';
  if (validTo === '' && !toRequired) return errors;
  if (!isIsoDate(validTo)) errors.validTo = 'common.invalidDate';
  else if (isIsoDate(validFrom) && validTo < validFrom) errors.validTo = 'common.invalidDateRange';
  return errors;
}
