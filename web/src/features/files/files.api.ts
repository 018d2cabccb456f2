/**
 * Files on the server: uploading (multipart, with progress, through XMLHttpRequest because fetch cannot
 * report upload progress) and the URLs of a file's content.
 */
import { toApiError } from '../../api/errors';
import type { ApiResponse } from '../../api/types';

export type UploadedFile = ApiResponse<'/api/v1/files', 'post'>;

/** What the file picker offers; the server decides from the bytes, this only narrows the choice. */
export const ACCEPTED_FILES =
  '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const UPLOAD_URL = '/api/v1/files';

/** The URL of a file's bytes: to save (attachment) or, with inline, to show in the page. */
export function fileContentUrl(id: string, { inline = false }: { inline?: boolean } = {}): string {
  return `/api/v1/files/${encodeURIComponent(id)}/content${inline ? '?inline=true' : ''}`;
}

export interface UploadOptions {
  /** The session's CSRF token (from Me); the server refuses a state change without it. */
  readonly csrfToken: string | undefined;
  readonly lang: 'vi' | 'en';
  /** Called with the share sent so far, 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** POSTs the file as multipart/form-data (part "file"); resolves with the stored file or rejects with an ApiError. */
export function uploadFile(file: Blob, options: UploadOptions): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_URL);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', options.lang);
    if (options.csrfToken) xhr.setRequestHeader('X-CSRF-Token', options.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        resolve(body as UploadedFile);
      } else {
        reject(toApiError(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(toApiError(0, undefined));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file instanceof File ? file.name : 'tệp');
    xhr.send(form);
  });
}
