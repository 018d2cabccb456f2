import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, vietnamDate } from '../../lib/dates';
import { mockServer, person, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { CreateDelegationModal } from './CreateDelegationModal';

const self = person(1, 'Đỗ Thu Trang', 'bgd.chuyenvien');
const anh = person(10, 'Trịnh Ngọc Anh', 'bgd.anh', { unitName: 'Vụ Giáo dục Phổ thông', positionName: 'Chuyên viên' });
const binh = person(11, 'Lê Văn Bình', 'bgd.binh', { unitName: 'Văn phòng' });

describe('CreateDelegationModal', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('finds the colleague on the server as one types, once typing stops, and delegates to them', async () => {
    let sent: unknown;
    const asked = mockServer({
      // Someone with two memberships comes twice: the list shows them once.
      '/api/v1/people': (request) =>
        Response.json({
          items: new URL(request.url).searchParams.get('q') === 'trinh' ? [anh, anh] : [self, anh, binh],
        }),
      '/api/v1/delegations': async (request) => {
        sent = await request.json();
        return Response.json({}, { status: 201 });
      },
      '/api/auth/session': () => Response.json({ me: specialistMe }),
    });
    const onClose = vi.fn();
    renderWithProviders(<CreateDelegationModal opened onClose={onClose} />, { me: specialistMe });

    const to = await screen.findByRole('combobox', { name: /Người được ủy quyền/ });
    fireEvent.click(to);
    // The first colleagues are offered straight away, the delegator not among them.
    expect(await screen.findByRole('option', { name: /Lê Văn Bình — Văn phòng/ })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Đỗ Thu Trang/ })).toBeNull();

    // Typed into the focused field (Mantine treats changes to an unfocused field as autofill).
    to.focus();
    for (const typed of ['t', 'tr', 'trinh']) fireEvent.change(to, { target: { value: typed } });
    await waitFor(() => expect(screen.queryByRole('option', { name: /Lê Văn Bình/ })).toBeNull(), { timeout: 3000 });
    expect(asked.filter((a) => a.startsWith('/api/v1/people'))).toEqual([
      '/api/v1/people?limit=50',
      '/api/v1/people?q=trinh&limit=50',
    ]);
    const option = screen.getByRole('option', { name: /Trịnh Ngọc Anh — Vụ Giáo dục Phổ thông \/ Chuyên viên/ });
    expect(option.textContent).toContain('bgd.anh');
    fireEvent.click(option);
    expect((to as HTMLInputElement).value).toBe('Trịnh Ngọc Anh — Vụ Giáo dục Phổ thông / Chuyên viên');

    fireEvent.click(screen.getByRole('combobox', { name: /Vai trò ủy quyền/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Chuyên viên' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Lý do/ }), { target: { value: 'Nghỉ phép' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo ủy quyền' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const today = vietnamDate();
    expect(sent).toEqual({
      toUserId: anh.id,
      roles: ['specialist'],
      validFrom: today,
      validTo: addDays(today, 7),
      reason: 'Nghỉ phép',
    });
  });

  it('lets an administrator delegate for a colleague: that person’s roles, to someone else', async () => {
    const admin = {
      ...specialistMe,
      roles: ['org_admin' as const],
      memberships: specialistMe.memberships.map((m) => ({ ...m, roles: ['org_admin' as const] })),
    };
    const clerk = { ...binh, roles: ['clerk' as const] };
    let sent: unknown;
    mockServer({
      '/api/v1/people': () => Response.json({ items: [self, anh, clerk] }),
      '/api/v1/delegations': async (request) => {
        sent = await request.json();
        return Response.json({}, { status: 201 });
      },
      '/api/auth/session': () => Response.json({ me: admin }),
    });
    const onClose = vi.fn();
    renderWithProviders(<CreateDelegationModal opened onClose={onClose} />, { me: admin });

    const from = screen.getByRole('combobox', { name: /Người ủy quyền/ });
    expect((from as HTMLInputElement).value).toBe('Đỗ Thu Trang');
    fireEvent.click(from);
    fireEvent.click(await screen.findByRole('option', { name: /Lê Văn Bình/ }));

    fireEvent.click(screen.getByRole('combobox', { name: /Vai trò ủy quyền/ }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Văn thư']);
    fireEvent.click(screen.getByRole('option', { name: 'Văn thư' }));

    fireEvent.click(screen.getByRole('combobox', { name: /Người được ủy quyền/ }));
    expect(screen.queryByRole('option', { name: /Lê Văn Bình/ })).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: /Trịnh Ngọc Anh/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /Lý do/ }), { target: { value: 'Đi công tác' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo ủy quyền' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toMatchObject({ fromUserId: clerk.id, toUserId: anh.id, roles: ['clerk'] });
  });

  it('asks for the colleague before sending', async () => {
    const asked = mockServer({ '/api/v1/people': () => Response.json({ items: [self, anh] }) });
    renderWithProviders(<CreateDelegationModal opened onClose={() => undefined} />, { me: specialistMe });
    fireEvent.click(await screen.findByRole('button', { name: 'Tạo ủy quyền' }));
    expect(await screen.findAllByText('Bắt buộc nhập')).not.toHaveLength(0);
    expect(asked.some((a) => a.startsWith('/api/v1/delegations'))).toBe(false);
  });
});
