import { formatDateTime } from '../../lib/dates';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "5 phút trước" within a day, then dd/MM/yyyy HH:mm in Vietnam's time zone. */
export function formatNoticeTime(iso: string, language: string, justNow: string, now: Date = new Date()): string {
  const ago = now.getTime() - new Date(iso).getTime();
  if (ago < MINUTE) return justNow;
  const relative = new Intl.RelativeTimeFormat(language === 'en' ? 'en' : 'vi', { numeric: 'always' });
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < 24 * HOUR) return relative.format(-Math.floor(ago / HOUR), 'hour');
  return formatDateTime(iso).slice(0, 16);
}
