import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { ME_QUERY_KEY } from '../api/queryClient';
import type { Me } from '../api/types';
import { AppProviders } from '../AppProviders';

/**
 * Renders a screen with the app's providers, a fresh query cache and an in-memory router; with `me`, as
 * that signed-in user (for screens inside RequireAuth).
 */
export function renderWithProviders(ui: ReactElement, { route = '/', me }: { route?: string; me?: Me } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (me) queryClient.setQueryData(ME_QUERY_KEY, me);
  return render(
    <AppProviders queryClient={queryClient} env="test">
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
}
