/** People: lists scoped by the server to the organisations you administer, details, and changes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { MembershipChanges, NewMembership, NewUser, UserChanges } from '../../api/types';

export interface UserFilter {
  organizationId?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (filter: UserFilter) => ['users', 'list', filter] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: userKeys.list(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/users', {
          params: {
            query: {
              organizationId: filter.organizationId,
              q: filter.q || undefined,
              limit: filter.limit,
              offset: filter.offset,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserChanges) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useSetUserPassword(id: string) {
  return useMutation({
    mutationFn: (newPassword: string) =>
      unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { newPassword } })),
  });
}

export function useAddMembership(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: NewMembership) =>
      unwrap(api.POST('/api/v1/users/{id}/memberships', { params: { path: { id: userId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateMembership() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MembershipChanges }) =>
      unwrap(api.PATCH('/api/v1/memberships/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}
