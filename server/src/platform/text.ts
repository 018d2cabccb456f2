/** Vietnamese text helpers: every string that enters EduGov is NFC; search compares without diacritics. */
import { sql, type RawBuilder } from 'kysely';

export function nfc(value: string): string {
  return value.normalize('NFC');
}

/** Deeply NFC-normalises every string in a JSON value (request bodies and queries). */
export function normalizeDeep<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v) => normalizeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalizeDeep(v);
    return out as T;
  }
  return value;
}

/** Folds diacritics and case the same way the SQL f_unaccent(lower(...)) does, for in-memory comparisons. */
export function foldVietnamese(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Escapes % and _ for a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * An ORDER BY key close to Vietnamese alphabetical order on every engine (PGlite has no ICU collations):
 * diacritics and case folded, so "Đỗ" sorts with "D", not after "Z"; break ties on the column itself.
 */
export function vietnameseOrder(column: string): RawBuilder<string> {
  return sql<string>`f_unaccent(lower(${sql.ref(column)}))`;
}
