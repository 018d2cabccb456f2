import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryClient } from './api/queryClient';
import { AppProviders } from './AppProviders';
import { routes } from './routes';
import { apiError, mockServer, specialistMe as me } from './test/fixtures';

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  // The app's own query client: the API client clears the cached Me in it on a 401.
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

describe('routes', () => {
  afterEach(() => {
    queryClient.clear();
    vi.restoreAllMocks();
  });

  it('sends a signed-out visitor to the login page after asking for the session (never GET /api/auth/me)', async () => {
    const asked = mockServer({ '/api/auth/session': () => Response.json({ me: null }) });
    const router = renderAt('/admin/organizations?at=2025-07-01');
    expect(await screen.findByLabelText('Tên đăng nhập')).toBeTruthy();
    expect(asked).toEqual(['/api/auth/session']);
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({ from: '/admin/organizations?at=2025-07-01' });
  });

  it('shows "Không tìm thấy trang" for an unknown address, and hides administration from a specialist', async () => {
    const asked = mockServer({
      '/api/auth/session': () => Response.json({ me }),
      '/api/v1/notifications/unread-count': () => Response.json({ count: 0 }),
      '/api/v1/incoming-documents/counts': () => Response.json(null, { status: 404 }),
    });
    renderAt('/khong-co-trang-nay');
    expect(await screen.findByRole('heading', { name: 'Không tìm thấy trang' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ủy quyền' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Người dùng' })).toBeNull();
    // The session, the bell's unread count in the header, and what waits in E-office (the navigation badge).
    await waitFor(() =>
      expect([...asked].sort()).toEqual([
        '/api/auth/session',
        '/api/v1/incoming-documents/counts',
        '/api/v1/notifications/unread-count',
      ]),
    );
  });

  it('takes a signed-in user away from the login page', async () => {
    mockServer({ '/api/auth/session': () => Response.json({ me }) });
    const router = renderAt('/login');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(screen.queryByLabelText('Tên đăng nhập')).toBeNull();
  });

  it('goes back to the login page when another call answers 401 (the session ended)', async () => {
    mockServer({
      '/api/auth/session': () => Response.json({ me }),
      '/api/v1/delegations': () => apiError(401, 'auth.unauthenticated'),
    });
    const router = renderAt('/delegations');
    expect(await screen.findByLabelText('Tên đăng nhập')).toBeTruthy();
    expect(router.state.location.state).toEqual({ from: '/delegations' });
  });
});
