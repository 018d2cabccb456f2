/**
 * Approval routes (quy trình duyệt) of the organisation: the list (with the retired ones for the
 * administrators' page), defining one, and changing one (rename, stages, default, retire or restore). Keys
 * start with 'outgoing' so the list the draft's "submit" dialog reads is refreshed too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ApiBody, ApiResponse } from '../../api/types';

export type ApprovalTemplate = ApiResponse<'/api/v1/approval-templates', 'get'>['items'][number];
export type NewTemplate = ApiBody<'/api/v1/approval-templates', 'post'>;
export type TemplateChanges = ApiBody<'/api/v1/approval-templates/{id}', 'patch'>;
export type StageInput = NewTemplate['steps'][number];
export type ReviewerInput = StageInput['reviewers'][number];
export type StageKind = StageInput['kind'];
export type StageMode = NonNullable<StageInput['mode']>;
export type ReviewerRole = Extract<ReviewerInput, { role: unknown }>['role'];

export const STAGE_KINDS: readonly StageKind[] = ['review', 'form_check', 'approve'];
export const REVIEWER_ROLES: readonly ReviewerRole[] = ['unit_head', 'clerk', 'leader'];

const templatesKey = ['outgoing', 'approval-templates'] as const;

export function useAllTemplates() {
  return useQuery({
    queryKey: [...templatesKey, 'with-retired'],
    queryFn: () => unwrap(api.GET('/api/v1/approval-templates', { params: { query: { includeRetired: true } } })),
    select: (data) => data.items,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: templatesKey });
}

export function useCreateTemplate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewTemplate) => unwrap(api.POST('/api/v1/approval-templates', { body })),
    onSuccess: refresh,
  });
}

export function useUpdateTemplate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TemplateChanges }) =>
      unwrap(api.PATCH('/api/v1/approval-templates/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}
