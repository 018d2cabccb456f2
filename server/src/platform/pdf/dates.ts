/** Dates as printed on Vietnamese administrative documents, in Asia/Ho_Chi_Minh. */
import { vietnamDate } from '../time.ts';

type DateInput = string | Date | null | undefined;

/** yyyy-mm-dd of a date column (as is) or of an instant (its calendar day in Vietnam). */
function isoDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : vietnamDate(value);
}

/** dd/MM/yyyy; '' for no date. */
export function formatDate(value: DateInput): string {
  if (!value) return '';
  const [y, m, d] = isoDay(value).split('-');
  return `${d}/${m}/${y}`;
}

/** dd/MM (the year is given elsewhere, e.g. in a register's title); '' for no date. */
export function formatDayMonth(value: DateInput): string {
  return formatDate(value).slice(0, 5);
}

/**
 * "ngày 05 tháng 3 năm 2020" (Nghị định 30/2020, Phụ lục I): days below 10 and the months 1 and 2 get a
 * leading zero; '' for no date.
 */
export function formatLongDate(value: DateInput): string {
  if (!value) return '';
  const [y, m, d] = isoDay(value).split('-');
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `ngày ${d} tháng ${month} năm ${y}`;
}
