/** Small formatting helpers of the incoming screens. */
import { formatDateTime } from '../../lib/dates';

/** dd/MM/yyyy HH:mm in Vietnam's time zone (the trail and the slip show minutes, not seconds). */
export function formatMinute(value: string | Date | null | undefined): string {
  return formatDateTime(value).slice(0, 16);
}

/** 1 234 567 bytes → "1,2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}
