/** Queries of the signed-in user's notifications. Every key starts with 'notifications'. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ApiResponse } from '../../api/types';

export type AppNotification = ApiResponse<'/api/v1/notifications', 'get'>['items'][number];

export const NOTIFICATIONS_KEY = ['notifications'] as const;
const UNREAD_COUNT_KEY = [...NOTIFICATIONS_KEY, 'unread-count'] as const;
const RECENT_KEY = [...NOTIFICATIONS_KEY, 'recent'] as const;

/** The unread count; polled slowly as well, in case the live stream is cut by a proxy. */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_COUNT_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 120_000,
  });
}

export function useRecentNotifications(enabled: boolean, limit = 20) {
  return useQuery({
    queryKey: [...RECENT_KEY, limit],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit } } })),
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
