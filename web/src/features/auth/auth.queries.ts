/** The signed-in user (Me) and the session actions: log in, log out, switch organisation, change password. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ME_QUERY_KEY } from '../../api/queryClient';
import type { ApiBody, Me } from '../../api/types';

/**
 * Me, or null when nobody is signed in. Asked of GET /api/auth/session, which answers 200 either way: the
 * session cookie is httpOnly, and GET /api/auth/me would answer a signed-out visitor 401 (a console error).
 */
async function fetchMe(): Promise<Me | null> {
  const { me } = await unwrap(api.GET('/api/auth/session'));
  return me;
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: Infinity, retry: false });
}

/** Me inside the signed-in part of the app (RequireAuth guarantees it is there). */
export function useRequiredMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useRequiredMe is used outside RequireAuth');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/auth/login', 'post'>) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

/** Switches the organisation (membership) the session acts in; every other cached list is refetched. */
export function useSwitchMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => unwrap(api.POST('/api/auth/active-membership', { body: { membershipId } })),
    onSuccess: async (me) => {
      queryClient.setQueryData(ME_QUERY_KEY, me);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ApiBody<'/api/auth/password', 'post'>) => unwrap(api.POST('/api/auth/password', { body })),
  });
}
