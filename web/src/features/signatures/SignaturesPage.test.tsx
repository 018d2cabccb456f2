import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryClient } from '../../api/queryClient';
import type { Me } from '../../api/types';
import { AppProviders } from '../../AppProviders';
import { routes } from '../../routes';
import { apiError, mockServer, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { clerkMe } from '../incoming/incoming.testData';
import { SignaturesPage } from './SignaturesPage';
import { credentials } from './signatures.testData';

/** The first bytes of a PNG and a few more: enough for the page, which leaves the real check to the server. */
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const PNG_BASE64 = btoa(String.fromCharCode(...PNG_BYTES));

const adminMe: Me = { ...specialistMe, roles: ['system_admin'] };

function pick(region: HTMLElement, file: File) {
  const input = region.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

function serve(more: Parameters<typeof mockServer>[0] = {}) {
  return mockServer({
    '/api/v1/signatures/credentials': () => Response.json(credentials),
    ...more,
  });
}

describe('the digital-signature page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is reached from the navigation, no longer "under construction"', async () => {
    serve({
      '/api/auth/session': () => Response.json({ me: specialistMe }),
      '/api/v1/notifications/unread-count': () => Response.json({ count: 0 }),
      '/api/v1/incoming-documents/counts': () => apiError(404, 'record.not_found'),
    });
    const router = createMemoryRouter(routes, { initialEntries: ['/'] });
    render(
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>,
    );
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Chữ ký số' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Chữ ký số' })).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'Chứng thư số của tôi' })).toBeTruthy();
    expect(screen.queryByText('Đang xây dựng')).toBeNull();
    queryClient.clear();
  });

  it('shows my certificate with its validity and DEMO badge, and says when the organisation has none', async () => {
    serve();
    renderWithProviders(<SignaturesPage />, { me: specialistMe });
    const mine = await screen.findByRole('region', { name: 'Chứng thư số của tôi' });
    expect(within(mine).getByText('DEMO')).toBeTruthy();
    expect(within(mine).getByRole('row', { name: /Chủ thể/ }).textContent).toContain('CN=Đỗ Thu Trang');
    expect(within(mine).getByRole('row', { name: /Tổ chức cấp/ }).textContent).toContain('EduGov DEMO Root CA');
    expect(within(mine).getByRole('row', { name: /Hiệu lực từ/ }).textContent).toContain('01/01/2026');
    expect(within(mine).getByRole('row', { name: /Hiệu lực đến/ }).textContent).toContain('31/12/2036');
    const org = screen.getByRole('region', { name: 'Chứng thư số của cơ quan' });
    expect(within(org).getByText('Chưa có chứng thư số.')).toBeTruthy();
    // A specialist manages neither the seal nor the trust list.
    expect(screen.getByRole('region', { name: 'Hình chữ ký của tôi' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Con dấu của cơ quan' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Danh sách tin cậy' })).toBeNull();
  });

  it('previews the picked PNG and saves it as base64; refuses another type without asking the server', async () => {
    const sent: unknown[] = [];
    serve({
      '/api/v1/signatures/images/signature': async (request) => {
        if (request.method !== 'PUT') return apiError(404, 'record.not_found');
        sent.push(await request.json());
        return Response.json({
          kind: 'signature',
          width: 200,
          height: 80,
          demo: false,
          updatedAt: '2026-11-27T03:00:00.000Z',
        });
      },
    });
    renderWithProviders(<SignaturesPage />, { me: specialistMe });
    const card = await screen.findByRole('region', { name: 'Hình chữ ký của tôi' });
    const save = within(card).getByRole('button', { name: 'Lưu ảnh' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    pick(card, new File(['%PDF-1.7'], 'chu-ky.pdf', { type: 'application/pdf' }));
    expect((await within(card).findByRole('alert')).textContent).toBe('Vui lòng chọn tệp ảnh PNG.');
    expect(save.disabled).toBe(true);

    pick(card, new File([PNG_BYTES], 'chu-ky.png', { type: 'image/png' }));
    const preview = (await within(card).findByRole('img', { name: 'Xem trước ảnh mới' })) as HTMLImageElement;
    expect(preview.getAttribute('src')).toBe(`data:image/png;base64,${PNG_BASE64}`);
    expect(within(card).queryByRole('alert')).toBeNull();
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);
    await waitFor(() => expect(sent).toEqual([{ png: PNG_BASE64 }]));
    expect(await screen.findByText('Đã lưu hình chữ ký')).toBeTruthy();
    await waitFor(() => expect(within(card).queryByRole('img', { name: 'Xem trước ảnh mới' })).toBeNull());
  });

  it("shows the server's refusal of an image (not transparent)", async () => {
    const message = 'Ảnh phải là PNG nền trong suốt';
    serve({
      '/api/v1/signatures/images/seal': () =>
        Response.json({ error: { code: 'signatures.invalid_image', message, details: null } }, { status: 400 }),
    });
    renderWithProviders(<SignaturesPage />, { me: clerkMe });
    const card = await screen.findByRole('region', { name: 'Con dấu của cơ quan' });
    pick(card, new File([PNG_BYTES], 'con-dau.png', { type: 'image/png' }));
    await within(card).findByRole('img', { name: 'Xem trước ảnh mới' });
    fireEvent.click(within(card).getByRole('button', { name: 'Lưu ảnh' }));
    expect((await within(card).findByRole('alert')).textContent).toContain(message);
  });

  it('lists the trust roots for a system administrator and removes one after confirming', async () => {
    const root = {
      id: '00000000-0000-4000-8000-000000000821',
      name: 'EduGov DEMO Root CA',
      subject: 'CN=EduGov DEMO Root CA',
      fingerprint: 'ab'.repeat(32),
      notAfter: '2046-01-01T00:00:00.000Z',
      source: 'demo',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const deleted: string[] = [];
    serve({
      '/api/v1/signatures/trust-roots': () => Response.json({ items: deleted.length ? [] : [root] }),
      [`/api/v1/signatures/trust-roots/${root.id}`]: (request) => {
        deleted.push(request.method);
        return Response.json({ ok: true });
      },
    });
    renderWithProviders(<SignaturesPage />, { me: adminMe });
    const list = await screen.findByRole('region', { name: 'Danh sách tin cậy' });
    const row = await within(list).findByRole('row', { name: /EduGov DEMO Root CA/ });
    expect(row.textContent).toContain('01/01/2046');
    fireEvent.click(within(row).getByRole('button', { name: 'Gỡ EduGov DEMO Root CA' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gỡ' }));
    await waitFor(() => expect(deleted).toEqual(['DELETE']));
    expect(await screen.findByText('Danh sách tin cậy đang trống.')).toBeTruthy();
  });
});
