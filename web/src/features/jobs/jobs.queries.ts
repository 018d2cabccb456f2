import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

const FAILED_JOBS_KEY = ['jobs', 'failed'] as const;

export function useFailedJobs() {
  return useQuery({ queryKey: FAILED_JOBS_KEY, queryFn: () => unwrap(api.GET('/api/v1/admin/jobs/failed')) });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, id }: { name: string; id: string }) =>
      unwrap(api.POST('/api/v1/admin/jobs/{name}/{id}/retry', { params: { path: { name, id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FAILED_JOBS_KEY }),
  });
}
