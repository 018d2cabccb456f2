import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from './api/types';
import { AppProviders } from './AppProviders';
import { routes } from './routes';

const me: Me = {
  user: { id: '00000000-0000-4000-8000-000000000001', username: 'bgd.chuyenvien', fullName: 'Đỗ Thu Trang' },
  activeMembershipId: '00000000-0000-4000-8000-000000000002',
  organizationId: '00000000-0000-4000-8000-000000000003',
  roles: ['specialist'],
  memberships: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      organizationId: '00000000-0000-4000-8000-000000000003',
      organizationName: 'Bộ Giáo dục và Đào tạo',
      organizationShortName: 'Bộ GD&ĐT',
      unitId: null,
      unitName: null,
      positionId: null,
      positionName: null,
      roles: ['specialist'],
      isPrimary: true,
      validFrom: '2025-01-01',
      validTo: null,
      version: 1,
    },
  ],
  delegatedRoles: [],
  csrfToken: 'token',
};

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('routes', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sends a visitor who never signed in here to the login page without asking the server', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    renderAt('/admin/organizations');
    expect(await screen.findByLabelText('Tên đăng nhập')).toBeTruthy();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('shows "Không tìm thấy trang" for an unknown address, and hides administration from a specialist', async () => {
    localStorage.setItem('edugov.session', '1');
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => Response.json(me));
    renderAt('/khong-co-trang-nay');
    expect(await screen.findByRole('heading', { name: 'Không tìm thấy trang' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ủy quyền' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Người dùng' })).toBeNull();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});
