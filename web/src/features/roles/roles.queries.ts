import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => unwrap(api.GET('/api/v1/roles')),
    staleTime: Infinity,
  });
}
