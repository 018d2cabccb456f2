/**
 * Copies (bản sao y, sao lục, trích sao) of a document: its list and making one. Keys start with 'outgoing'
 * (and 'incoming' for incoming documents) so the live notification stream refreshes them with the document.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ApiBody, ApiResponse } from '../../api/types';

export type CopySourceKind = 'outgoing' | 'incoming';
export type DocumentCopy = ApiResponse<'/api/v1/document-copies/{id}', 'get'>;
export type NewCopy = ApiBody<'/api/v1/document-copies', 'post'>;
export type CopyForm = DocumentCopy['form'];
export type CopyMedium = DocumentCopy['medium'];

export const copyKeys = {
  of: (kind: CopySourceKind, id: string) => [kind, 'copies', id] as const,
};

export function useCopies(kind: CopySourceKind, id: string) {
  return useQuery({
    queryKey: copyKeys.of(kind, id),
    queryFn: () =>
      unwrap(
        kind === 'outgoing'
          ? api.GET('/api/v1/outgoing-documents/{id}/copies', { params: { path: { id } } })
          : api.GET('/api/v1/incoming-documents/{id}/copies', { params: { path: { id } } }),
      ),
    select: (data) => data.items,
  });
}

export function useMakeCopy(kind: CopySourceKind, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCopy) => unwrap(api.POST('/api/v1/document-copies', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: copyKeys.of(kind, id) }),
  });
}
