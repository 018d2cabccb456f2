/**
 * Digital signatures: my certificate and my organisation's, importing a PKCS#12, the signature and seal
 * images, the trust list, and the validation of a stored file (the latest stored report, or a fresh one).
 * Every key starts with 'signatures'.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { ImageKind, NewPkcs12, NewTrustRoot, Validation } from './signatures.types';

export const signatureKeys = {
  all: ['signatures'] as const,
  credentials: ['signatures', 'credentials'] as const,
  trustRoots: ['signatures', 'trust-roots'] as const,
  validation: (fileId: string) => ['signatures', 'validation', fileId] as const,
};

export function useCredentials() {
  return useQuery({
    queryKey: signatureKeys.credentials,
    queryFn: () => unwrap(api.GET('/api/v1/signatures/credentials')),
  });
}

export function useImportPkcs12() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPkcs12) => unwrap(api.POST('/api/v1/signatures/credentials/pkcs12', { body })),
    // Holds the file and its PIN: forgotten as soon as the form is gone.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signatureKeys.credentials }),
  });
}

/** The address of my signature image or my organisation's seal; `version` makes the browser load it again. */
export function imageUrl(kind: ImageKind, version = 0): string {
  return `/api/v1/signatures/images/${kind}${version ? `?v=${version}` : ''}`;
}

export function useSetImage(kind: ImageKind) {
  return useMutation({
    mutationFn: (png: string) =>
      unwrap(api.PUT('/api/v1/signatures/images/{kind}', { params: { path: { kind } }, body: { png } })),
  });
}

export function useTrustRoots(enabled = true) {
  return useQuery({
    queryKey: signatureKeys.trustRoots,
    queryFn: () => unwrap(api.GET('/api/v1/signatures/trust-roots')),
    select: (data) => data.items,
    enabled,
  });
}

export function useAddTrustRoot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTrustRoot) => unwrap(api.POST('/api/v1/signatures/trust-roots', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signatureKeys.trustRoots }),
  });
}

export function useRemoveTrustRoot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/signatures/trust-roots/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signatureKeys.trustRoots }),
  });
}

/** A file never checked, or one the user may not check, has no report: null rather than an error. */
const NO_REPORT = new Set(['record.not_found', 'files.not_found']);

/** The latest stored validation of a file, or null when there is none the user may see. */
export function useLatestValidation(fileId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: signatureKeys.validation(fileId ?? ''),
    queryFn: async (): Promise<Validation | null> => {
      try {
        return await unwrap(
          api.GET('/api/v1/signatures/validations/latest', { params: { query: { fileId: fileId ?? '' } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && NO_REPORT.has(error.code)) return null;
        throw error;
      }
    },
    enabled: Boolean(fileId) && enabled,
  });
}

/** Validates a file's signatures now; the new report becomes the file's latest. */
export function useValidateFile(fileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/signatures/validations', { body: { fileId } })),
    onSuccess: (validation) => queryClient.setQueryData(signatureKeys.validation(fileId), validation),
  });
}

/** A file's bytes as base64 (what the API takes for PNG images and PKCS#12 files). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
