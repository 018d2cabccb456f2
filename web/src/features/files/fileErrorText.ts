/** What to tell the user about a failed upload or file load: our own text for the files codes, else the server's. */
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/errors';
import { errorText } from '../../lib/errorText';

const FILE_ERRORS = {
  'files.too_large': 'files.errors.tooLarge',
  'files.unsupported_type': 'files.errors.unsupportedType',
  'files.empty': 'files.errors.empty',
  'files.missing': 'files.errors.missing',
  'files.not_found': 'files.errors.notFound',
  'files.storage_unavailable': 'files.errors.storageUnavailable',
} as const;

export function fileErrorText(error: unknown, t: TFunction, lang: string): string {
  if (error instanceof ApiError) {
    const key =
      FILE_ERRORS[error.code as keyof typeof FILE_ERRORS] ??
      // A proxy in front of the server may refuse a large body itself, without our JSON.
      (error.status === 413 ? FILE_ERRORS['files.too_large'] : undefined);
    if (key) return t(key);
  }
  return errorText(error, t, lang);
}
