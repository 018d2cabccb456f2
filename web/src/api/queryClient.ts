/** The one TanStack Query client of the app, and the key under which the signed-in user (Me) is cached. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}

export const queryClient = createQueryClient();
