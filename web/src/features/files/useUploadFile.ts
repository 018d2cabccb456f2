/** Uploading one file with progress and cancel; the session's CSRF token and the UI language go with it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ME_QUERY_KEY } from '../../api/queryClient';
import type { Me } from '../../api/types';
import { uploadFile, type UploadedFile } from './files.api';

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export interface UploadFileState {
  /** Uploads the file; rejects with an ApiError (or an AbortError after cancel). */
  upload: (file: File) => Promise<UploadedFile>;
  uploading: boolean;
  /** The share sent, 0 to 1, while uploading; null otherwise. */
  progress: number | null;
  /** The last upload's error (null after a cancel). */
  error: unknown;
  /** The file being uploaded. */
  file: File | undefined;
  cancel: () => void;
  reset: () => void;
}

export function useUploadFile(): UploadFileState {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: async (file: File) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setProgress(0);
      try {
        return await uploadFile(file, {
          csrfToken: queryClient.getQueryData<Me | null>(ME_QUERY_KEY)?.csrfToken,
          lang: i18n.language === 'en' ? 'en' : 'vi',
          onProgress: setProgress,
          signal: abort.signal,
        });
      } catch (error) {
        // As with every other request: a 401 means the session ended, back to the login page.
        if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(ME_QUERY_KEY, null);
        throw error;
      } finally {
        if (controller.current === abort) controller.current = null;
        setProgress(null);
      }
    },
  });
  const cancel = useCallback(() => controller.current?.abort(), []);
  return {
    upload: mutation.mutateAsync,
    uploading: mutation.isPending,
    progress,
    error: isAbort(mutation.error) ? null : mutation.error,
    file: mutation.isPending ? mutation.variables : undefined,
    cancel,
    reset: mutation.reset,
  };
}
