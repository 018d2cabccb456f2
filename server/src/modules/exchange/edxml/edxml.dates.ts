/**
 * Dates of edXML. Other vendors write `yyyy/MM/dd`, `dd/MM/yyyy HH:mm:ss`, ISO 8601 with or without an offset;
 * all are read. Times without an offset are Vietnam time (UTC+7). The model keeps dates as `YYYY-MM-DD` and
 * moments as `YYYY-MM-DDTHH:mm:ss+07:00`; the builder writes `yyyy/MM/dd` and `yyyy/MM/dd HH:mm:ss` (trace
 * headers) or `dd/MM/yyyy HH:mm:ss` (status packets), the forms in the SDK samples of STANDARDS.md §2.4 and §2.7.
 */

const VN_OFFSET_MINUTES = 7 * 60;

const YMD =
  /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const DMY =
  /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/** Reads any accepted form into Vietnam-time parts; undefined when not a real calendar moment. */
function readParts(text: string): Parts | undefined {
  const value = text.trim();
  let m = YMD.exec(value);
  let y: number, mo: number, d: number;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = DMY.exec(value);
    if (!m) return undefined;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(local);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  const zone = m[7];
  if (zone === undefined) return { y, mo, d, h, mi, s };
  let offset = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const vn = new Date(local - offset * 60_000 + VN_OFFSET_MINUTES * 60_000);
  return {
    y: vn.getUTCFullYear(),
    mo: vn.getUTCMonth() + 1,
    d: vn.getUTCDate(),
    h: vn.getUTCHours(),
    mi: vn.getUTCMinutes(),
    s: vn.getUTCSeconds(),
  };
}

/** `2026/11/27`, `27/11/2026 08:00:00`, `2026-11-27T01:00:00Z` … → `2026-11-27` (Vietnam date). */
export function parseEdxmlDate(text: string): string | undefined {
  const p = readParts(text);
  return p && `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`;
}

/** Any accepted form → `YYYY-MM-DDTHH:mm:ss+07:00`. */
export function parseEdxmlMoment(text: string): string | undefined {
  const p = readParts(text);
  return p && `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}+07:00`;
}

/** A model moment (or a Date) → Vietnam-time parts. */
function momentParts(value: string | Date): Parts {
  const p = value instanceof Date ? readParts(value.toISOString()) : readParts(value);
  if (!p) throw new RangeError(`Not a date-time: ${String(value)}`);
  return p;
}

/** `2026-11-27` → `2026/11/27`. */
export function formatEdxmlDate(value: string): string {
  const p = readParts(value);
  if (!p) throw new RangeError(`Not a date: ${value}`);
  return `${pad(p.y, 4)}/${pad(p.mo)}/${pad(p.d)}`;
}

/** → `2026/11/27 08:05:00` (trace headers). */
export function formatEdxmlMoment(value: string | Date): string {
  const p = momentParts(value);
  return `${pad(p.y, 4)}/${pad(p.mo)}/${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** → `27/11/2026 08:05:00` (status packets). */
export function formatEdxmlStatusMoment(value: string | Date): string {
  const p = momentParts(value);
  return `${pad(p.d)}/${pad(p.mo)}/${pad(p.y, 4)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** A Date → the model's moment form. */
export function toEdxmlMoment(value: Date): string {
  const p = momentParts(value);
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}+07:00`;
}
