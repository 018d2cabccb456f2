import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ApiQuery, ApiResponse } from '../../api/types';

export type MessagesQuery = ApiQuery<'/api/v1/exchange/messages', 'get'>;
export type ExchangeMessage = ApiResponse<'/api/v1/exchange/messages', 'get'>['items'][number];
export type ExchangeMessageDetail = ApiResponse<'/api/v1/exchange/messages/{direction}/{id}', 'get'>;
export type Direction = MessagesQuery['direction'];

const EXCHANGE_KEY = ['exchange', 'messages'] as const;

export function useExchangeMessages(query: MessagesQuery) {
  return useQuery({
    queryKey: [...EXCHANGE_KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/exchange/messages', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useExchangeMessage(direction: Direction, id: string | null) {
  return useQuery({
    queryKey: [...EXCHANGE_KEY, direction, id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/exchange/messages/{direction}/{id}', { params: { path: { direction, id: id! } } })),
    enabled: id !== null,
  });
}

/** Where the browser downloads the stored bytes (the session cookie goes with a plain link). */
export const rawMessageUrl = (direction: Direction, id: string) => `/api/v1/exchange/messages/${direction}/${id}/raw`;

export function useReplayMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/exchange/outbox/{id}/replay', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EXCHANGE_KEY }),
  });
}
