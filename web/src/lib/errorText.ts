/** What to tell the user about a failed request: the server's message, or our own text for a few codes. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/errors';

function localizedDetail(details: unknown, lang: string): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const value = lang === 'en' ? ('en' in details ? details.en : undefined) : 'vi' in details ? details.vi : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function errorText(error: unknown, t: TFunction, lang: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'record.conflict') return t('errors.conflict');
    if (error.code === 'network.error') return t('errors.network');
    if (!error.message) return t('errors.unexpected');
    const detail = localizedDetail(error.details, lang);
    return detail ? `${error.message}: ${detail}` : error.message;
  }
  return t('errors.unexpected');
}

/** True when the error says the record changed under us (HTTP 409 `record.conflict`). */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'record.conflict';
}
