/**
 * Incoming documents: lists by inbox view, counts, one document, duplicates, registration, the handling
 * steps, and the register books. Every key starts with 'incoming', so the live notifications stream
 * refreshes them all when something happens to a document.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ApiBody } from '../../api/types';
import { isIsoDate } from '../../lib/dates';
import type {
  IncomingAction,
  IncomingDetail,
  IncomingQuery,
  NewIncoming,
  NewRegister,
  RegisterChanges,
} from './incoming.types';

export const incomingKeys = {
  all: ['incoming'] as const,
  list: (query: IncomingQuery) => ['incoming', 'list', query] as const,
  counts: ['incoming', 'counts'] as const,
  detail: (id: string) => ['incoming', 'detail', id] as const,
  duplicates: (issuerName: string, numberNotation: string, documentDate: string) =>
    ['incoming', 'duplicates', issuerName, numberNotation, documentDate] as const,
  documentTypes: ['incoming', 'document-types'] as const,
  registers: ['incoming', 'registers'] as const,
};

export function useIncomingList(query: IncomingQuery) {
  return useQuery({
    queryKey: incomingKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/incoming-documents', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** How many documents (and unread) each inbox view holds; asked only while the E-office menu is shown. */
export function useIncomingCounts(enabled = true) {
  return useQuery({
    queryKey: incomingKeys.counts,
    queryFn: () => unwrap(api.GET('/api/v1/incoming-documents/counts')),
    enabled,
  });
}

export function useIncoming(id: string | undefined) {
  return useQuery({
    queryKey: incomingKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/incoming-documents/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}

/** Registered documents with the same issuer, number and date; asked once all three are filled in. */
export function useDuplicates(issuerName: string, numberNotation: string, documentDate: string) {
  const ready = issuerName.trim() !== '' && numberNotation.trim() !== '' && isIsoDate(documentDate);
  return useQuery({
    queryKey: incomingKeys.duplicates(issuerName.trim(), numberNotation.trim(), documentDate),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/incoming-documents/duplicates', {
          params: { query: { issuerName: issuerName.trim(), numberNotation: numberNotation.trim(), documentDate } },
        }),
      ),
    enabled: ready,
    select: (data) => data.items,
  });
}

/** The 29 document types of Decree 30/2020 (they do not change while the app runs). */
export function useDocumentTypes() {
  return useQuery({
    queryKey: incomingKeys.documentTypes,
    queryFn: () => unwrap(api.GET('/api/v1/document-types')),
    select: (data) => data.items,
    staleTime: Infinity,
  });
}

/** The incoming register books of the active organisation. */
export function useRegisters() {
  return useQuery({
    queryKey: incomingKeys.registers,
    queryFn: () => unwrap(api.GET('/api/v1/registers', { params: { query: { direction: 'incoming' } } })),
    select: (data) => data.items,
  });
}

function useRefreshIncoming() {
  const queryClient = useQueryClient();
  return async (detail?: IncomingDetail) => {
    if (detail) queryClient.setQueryData(incomingKeys.detail(detail.id), detail);
    await queryClient.invalidateQueries({
      queryKey: incomingKeys.all,
      predicate: (query) => !detail || query.queryKey[1] !== 'detail' || query.queryKey[2] !== detail.id,
    });
  };
}

export function useCreateIncoming() {
  const refresh = useRefreshIncoming();
  return useMutation({
    mutationFn: (body: NewIncoming) => unwrap(api.POST('/api/v1/incoming-documents', { body })),
    onSuccess: refresh,
  });
}

/** The address of each step's route (the "register" step registers a document received on EduGov). */
const ACTION_PATHS = {
  register: '/api/v1/incoming-documents/{id}/register',
  present: '/api/v1/incoming-documents/{id}/present',
  direct: '/api/v1/incoming-documents/{id}/direct',
  assign: '/api/v1/incoming-documents/{id}/assign',
  comment: '/api/v1/incoming-documents/{id}/comment',
  request_extension: '/api/v1/incoming-documents/{id}/request-extension',
  decide_extension: '/api/v1/incoming-documents/{id}/decide-extension',
  return: '/api/v1/incoming-documents/{id}/return',
  complete: '/api/v1/incoming-documents/{id}/complete',
  recall: '/api/v1/incoming-documents/{id}/recall',
  close: '/api/v1/incoming-documents/{id}/close',
  refuse: '/api/v1/incoming-documents/{id}/refuse',
  recall_answer: '/api/v1/incoming-documents/{id}/recall-answer',
} as const satisfies Record<IncomingAction, string>;

type ActionPaths = typeof ACTION_PATHS;
/** What each step sends. */
export type ActionBody<A extends IncomingAction> = ApiBody<ActionPaths[A], 'post'>;

/** One handling step on a document; the answer (the document as it now is) replaces the cached one. */
export function useIncomingAction<A extends IncomingAction>(id: string, action: A) {
  const refresh = useRefreshIncoming();
  return useMutation({
    mutationFn: (body: ActionBody<A>) =>
      unwrap<IncomingDetail>(
        // Every step route takes the document id and answers the detail; only the body differs.
        api.POST(ACTION_PATHS[action] as ActionPaths['close'], {
          params: { path: { id } },
          body: body as ActionBody<'close'>,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useCreateRegister() {
  const refresh = useRefreshIncoming();
  return useMutation({
    mutationFn: (body: NewRegister) => unwrap(api.POST('/api/v1/registers', { body })),
    onSuccess: () => refresh(),
  });
}

export function useUpdateRegister() {
  const refresh = useRefreshIncoming();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RegisterChanges }) =>
      unwrap(api.PATCH('/api/v1/registers/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refresh(),
  });
}

/** The processing slip (phiếu giải quyết văn bản đến) of a document, as PDF. */
export function processingSlipUrl(id: string): string {
  return `/api/v1/incoming-documents/${encodeURIComponent(id)}/processing-slip.pdf`;
}

/** The register book of a period, as a spreadsheet or PDF. */
export function registerBookUrl(id: string, from: string, to: string, format: 'xlsx' | 'pdf'): string {
  const query = new URLSearchParams({ from, to, format });
  return `/api/v1/registers/${encodeURIComponent(id)}/book?${query.toString()}`;
}

/** The address to preview a document's file in the page. */
export function inlineUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}inline=true`;
}
