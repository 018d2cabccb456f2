/**
 * Outgoing documents: lists by view, one document, its revisions compared, drafting, the approval steps,
 * issuing, recalling and the dispatches. Every key starts with 'outgoing', so the live notifications stream
 * refreshes them all.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type {
  Dispatch,
  DraftChanges,
  NewDraft,
  OutgoingAction,
  OutgoingDetail,
  OutgoingQuery,
  StepBodyOf,
} from './outgoing.types';

export const outgoingKeys = {
  all: ['outgoing'] as const,
  list: (query: OutgoingQuery) => ['outgoing', 'list', query] as const,
  detail: (id: string) => ['outgoing', 'detail', id] as const,
  compare: (id: string, from: number, to: number) => ['outgoing', 'compare', id, from, to] as const,
  dispatches: (id: string) => ['outgoing', 'dispatches', id] as const,
  templates: ['outgoing', 'approval-templates'] as const,
  organizations: (q: string) => ['outgoing', 'organizations', q] as const,
  incoming: (q: string) => ['outgoing', 'incoming', q] as const,
  issued: (q: string) => ['outgoing', 'issued', q] as const,
};

export function useOutgoingList(query: OutgoingQuery) {
  return useQuery({
    queryKey: outgoingKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/outgoing-documents', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useOutgoing(id: string | undefined) {
  return useQuery({
    queryKey: outgoingKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/outgoing-documents/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}

export function useComparison(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: outgoingKeys.compare(id, from ?? 0, to ?? 0),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/outgoing-documents/{id}/revisions/compare', {
          params: { path: { id }, query: { from: from ?? 1, to: to ?? 1 } },
        }),
      ),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** Per recipient after issue: the exchange status (01…16) and its history. */
export function useDispatches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: outgoingKeys.dispatches(id),
    queryFn: () => unwrap(api.GET('/api/v1/outgoing-documents/{id}/dispatches', { params: { path: { id } } })),
    select: (data): Dispatch[] => data.items,
    enabled,
  });
}

export function useApprovalTemplates() {
  return useQuery({
    queryKey: outgoingKeys.templates,
    queryFn: () => unwrap(api.GET('/api/v1/approval-templates')),
    select: (data) => data.items,
  });
}

/**
 * Organisations whose name matches (the server ignores diacritics): those on EduGov and those reached through
 * the interchange axis (from its directory), which the issue step sends an edXML package.
 */
export function useOrganizationSearch(q: string) {
  return useQuery({
    queryKey: outgoingKeys.organizations(q),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organizations', {
          params: { query: { q: q || undefined, includeExternal: true, limit: 50 } },
        }),
      ),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

/** Incoming documents to answer, by words of their subject or number. */
export function useIncomingSearch(q: string) {
  return useQuery({
    queryKey: outgoingKeys.incoming(q),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/incoming-documents', { params: { query: { view: 'all', q: q || undefined, limit: 20 } } }),
      ),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

/** Issued outgoing documents of the organisation, for a draft that replaces or corrects one. */
export function useIssuedSearch(q: string) {
  return useQuery({
    queryKey: outgoingKeys.issued(q),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/outgoing-documents', {
          params: { query: { status: 'issued', q: q || undefined, limit: 20 } },
        }),
      ),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

function useRefreshOutgoing() {
  const queryClient = useQueryClient();
  return async (detail?: OutgoingDetail) => {
    if (detail && typeof detail === 'object' && 'id' in detail) {
      queryClient.setQueryData(outgoingKeys.detail(detail.id), detail);
    }
    await queryClient.invalidateQueries({
      queryKey: outgoingKeys.all,
      predicate: (query) => !detail || query.queryKey[1] !== 'detail' || query.queryKey[2] !== detail.id,
    });
  };
}

export function useCreateDraft() {
  const refresh = useRefreshOutgoing();
  return useMutation({
    mutationFn: (body: NewDraft) => unwrap(api.POST('/api/v1/outgoing-documents', { body })),
    onSuccess: refresh,
  });
}

export function useUpdateDraft(id: string) {
  const refresh = useRefreshOutgoing();
  return useMutation({
    mutationFn: (body: DraftChanges) =>
      unwrap(api.PATCH('/api/v1/outgoing-documents/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

type StepBody = Record<string, unknown>;
const path = (id: string) => ({ path: { id } });

/** Each step through the typed client; the forms build the body the route's schema asks for. */
const ACTION_CALLS: Record<OutgoingAction, (id: string, body: StepBody) => Promise<OutgoingDetail>> = {
  submit: (id, body) =>
    unwrap(
      api.POST('/api/v1/outgoing-documents/{id}/submit', { params: path(id), body: body as StepBodyOf<'submit'> }),
    ),
  approve: (id, body) =>
    unwrap(
      api.POST('/api/v1/outgoing-documents/{id}/approve', { params: path(id), body: body as StepBodyOf<'approve'> }),
    ),
  return: (id, body) =>
    unwrap(
      api.POST('/api/v1/outgoing-documents/{id}/return', { params: path(id), body: body as StepBodyOf<'return'> }),
    ),
  forward: (id, body) =>
    unwrap(
      api.POST('/api/v1/outgoing-documents/{id}/forward', { params: path(id), body: body as StepBodyOf<'forward'> }),
    ),
  reject: (id, body) =>
    unwrap(
      api.POST('/api/v1/outgoing-documents/{id}/reject', { params: path(id), body: body as StepBodyOf<'reject'> }),
    ),
  issue: (id, body) =>
    unwrap(api.POST('/api/v1/outgoing-documents/{id}/issue', { params: path(id), body: body as StepBodyOf<'issue'> })),
  recall: (id, body) =>
    unwrap(
      api.POST('/api/v1/outgoing-documents/{id}/recall', { params: path(id), body: body as StepBodyOf<'recall'> }),
    ),
};

/** One step on a document; the answer (the document as it now is, when the route returns it) replaces the cache. */
export function useOutgoingAction(id: string, action: OutgoingAction) {
  const refresh = useRefreshOutgoing();
  return useMutation({
    mutationFn: (body: StepBody) => ACTION_CALLS[action](id, body),
    // The body may carry a certificate PIN: drop it from the mutation cache as soon as the form is gone.
    gcTime: 0,
    onSuccess: (data) => refresh(data && typeof data === 'object' && 'actions' in data ? data : undefined),
  });
}

/** The address to preview a file in the page. */
export function inlineUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}inline=true`;
}
