import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockServer, person, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import type { ApprovalTemplate } from './approvals.queries';
import { ApprovalTemplatesPage } from './ApprovalTemplatesPage';

const adminMe = {
  ...specialistMe,
  roles: ['org_admin' as const],
  memberships: specialistMe.memberships.map((m) => ({ ...m, roles: ['org_admin' as const] })),
};

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hung = person(20, 'Phạm Quốc Hùng', 'bgd.truongvu', {
  unitName: 'Vụ Giáo dục Phổ thông',
  positionName: 'Vụ trưởng',
});
const mai = person(21, 'Hoàng Thị Mai', 'bgd.vuphapche', { unitName: 'Vụ Pháp chế', positionName: 'Vụ trưởng' });

function template(n: number, name: string, more: Partial<ApprovalTemplate> = {}): ApprovalTemplate {
  return {
    id: uuid(n),
    name,
    isDefault: false,
    active: true,
    version: 1,
    createdAt: '2026-11-01T03:00:00.000Z',
    updatedAt: '2026-11-01T03:00:00.000Z',
    steps: [
      { name: 'Lãnh đạo đơn vị duyệt', kind: 'review', mode: 'any', reviewers: [{ role: 'unit_head' }] },
      { name: 'Văn phòng kiểm tra thể thức', kind: 'form_check', mode: 'any', reviewers: [{ role: 'clerk' }] },
      { name: 'Lãnh đạo cơ quan duyệt, ký', kind: 'approve', mode: 'any', reviewers: [{ role: 'leader' }] },
    ],
    ...more,
  };
}

const LIST = '/api/v1/approval-templates';

describe('ApprovalTemplatesPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the routes with their steps and state, and retires, restores or makes one the default', async () => {
    let items = [
      template(1, 'Quy trình mặc định', { isDefault: true }),
      template(2, 'Quy trình rút gọn', { version: 3 }),
      template(3, 'Quy trình cũ', { active: false, version: 2 }),
    ];
    const patches: [string, unknown][] = [];
    const answer = async (request: Request) => {
      const id = new URL(request.url).pathname.split('/').at(-1)!;
      const body = (await request.json()) as { version: number; active?: boolean; isDefault?: boolean };
      patches.push([id, body]);
      items = items.map((x) => (x.id === id ? { ...x, ...body, version: body.version + 1 } : x));
      return Response.json(items.find((x) => x.id === id));
    };
    const asked = mockServer({
      [LIST]: () => Response.json({ items }),
      [`${LIST}/${uuid(2)}`]: answer,
      [`${LIST}/${uuid(3)}`]: answer,
      '/api/v1/people': () => Response.json({ items: [] }),
    });
    renderWithProviders(<ApprovalTemplatesPage />, { me: adminMe });

    const main = (await screen.findByText('Quy trình mặc định')).closest('tr')!;
    expect(within(main).getByText('Mặc định')).toBeTruthy();
    expect(main.textContent).toContain(
      'Bước 1: Lãnh đạo đơn vị duyệt → Bước 2: Văn phòng kiểm tra thể thức → Bước 3: Lãnh đạo cơ quan duyệt, ký',
    );
    // The default can be edited but neither retired nor made default again.
    expect(within(main).queryByRole('button', { name: /Ngừng sử dụng/ })).toBeNull();
    expect(within(main).queryByRole('button', { name: /làm mặc định/ })).toBeNull();
    const old = screen.getByText('Quy trình cũ').closest('tr')!;
    expect(within(old).getByText('Ngừng sử dụng')).toBeTruthy();
    expect(asked).toContain(`${LIST}?includeRetired=true`);

    fireEvent.click(screen.getByRole('button', { name: 'Ngừng sử dụng Quy trình rút gọn' }));
    await waitFor(() => expect(patches).toEqual([[uuid(2), { version: 3, active: false }]]));
    fireEvent.click(await screen.findByRole('button', { name: 'Dùng lại Quy trình cũ' }));
    await waitFor(() => expect(patches[1]).toEqual([uuid(3), { version: 2, active: true }]));
    fireEvent.click(await screen.findByRole('button', { name: 'Đặt Quy trình cũ làm mặc định' }));
    await waitFor(() => expect(patches[2]).toEqual([uuid(3), { version: 3, isDefault: true }]));
  }, 20_000);

  it('adds a route with a co-review in parallel by two named people, checking the steps first', async () => {
    const sent: unknown[] = [];
    mockServer({
      [LIST]: async (request) => {
        if (request.method === 'POST') {
          sent.push(await request.json());
          return Response.json(template(9, 'Thẩm định liên vụ'), { status: 201 });
        }
        return Response.json({ items: [template(1, 'Quy trình mặc định', { isDefault: true })] });
      },
      '/api/v1/people': () => Response.json({ items: [hung, mai] }),
    });
    renderWithProviders(<ApprovalTemplatesPage />, { me: adminMe });
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm quy trình' }));
    const dialog = await screen.findByRole('dialog');

    // Nothing filled in: every missing part is pointed out and nothing is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tạo' }));
    expect(await within(dialog).findByText('Vui lòng nhập tên quy trình.')).toBeTruthy();
    expect(within(dialog).getAllByText('Chọn ít nhất một người duyệt.')).toHaveLength(2);
    expect(sent).toEqual([]);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Tên quy trình/ }), {
      target: { value: 'Thẩm định liên vụ' },
    });
    const first = within(dialog).getByRole('group', { name: 'Bước 1' });
    fireEvent.change(within(first).getByRole('textbox', { name: /Tên bước/ }), {
      target: { value: 'Vụ GDPT và Vụ Pháp chế góp ý' },
    });
    fireEvent.click(within(first).getByLabelText(/Người duyệt/));
    fireEvent.click(await screen.findByRole('option', { name: /Phạm Quốc Hùng/ }));
    fireEvent.click(await screen.findByRole('option', { name: /Hoàng Thị Mai/ }));
    // Two reviewers: choose whether all must agree (the default) or the first is enough.
    expect(within(first).getByLabelText(/Khi có nhiều người duyệt/)).toBeTruthy();

    const last = within(dialog).getByRole('group', { name: 'Bước 2' });
    fireEvent.change(within(last).getByRole('textbox', { name: /Tên bước/ }), {
      target: { value: 'Lãnh đạo Bộ duyệt, ký' },
    });
    fireEvent.click(within(last).getByLabelText(/Người duyệt/));
    fireEvent.click(await screen.findByRole('option', { name: 'Lãnh đạo cơ quan' }));

    // The approval moved up is refused here before the server sees it.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đưa bước 2 lên' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tạo' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đưa bước 1 xuống' }));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Tạo' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      name: 'Thẩm định liên vụ',
      isDefault: false,
      steps: [
        {
          name: 'Vụ GDPT và Vụ Pháp chế góp ý',
          kind: 'review',
          mode: 'all',
          reviewers: [{ userId: hung.id }, { userId: mai.id }],
        },
        { name: 'Lãnh đạo Bộ duyệt, ký', kind: 'approve', mode: 'all', reviewers: [{ role: 'leader' }] },
      ],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, 30_000);

  it('edits a route, sending the version read, and shows the server refusal in the dialog', async () => {
    const sent: unknown[] = [];
    mockServer({
      [LIST]: () => Response.json({ items: [template(2, 'Quy trình rút gọn', { version: 4 })] }),
      [`${LIST}/${uuid(2)}`]: async (request) => {
        sent.push(await request.json());
        return apiError(409, 'record.conflict');
      },
      '/api/v1/people': () => Response.json({ items: [] }),
    });
    renderWithProviders(<ApprovalTemplatesPage />, { me: adminMe });
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa quy trình Quy trình rút gọn' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Tên quy trình/ }), {
      target: { value: 'Quy trình ba bước' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bỏ bước 2' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      version: 4,
      name: 'Quy trình ba bước',
      steps: [
        { name: 'Lãnh đạo đơn vị duyệt', kind: 'review', mode: 'any', reviewers: [{ role: 'unit_head' }] },
        { name: 'Lãnh đạo cơ quan duyệt, ký', kind: 'approve', mode: 'any', reviewers: [{ role: 'leader' }] },
      ],
    });
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  }, 20_000);
});
