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
import type { ExchangeMessage } from './exchange.queries';
import { ExchangePage } from './ExchangePage';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const HANOI = { code: '000.00.01.H26', name: 'Sở GD&ĐT Hà Nội' };
const NGHEAN = { code: '000.00.00.H41', name: 'Sở GD&ĐT Nghệ An' };

function message(n: number, overrides: Partial<ExchangeMessage> = {}): ExchangeMessage {
  return {
    id: id(n),
    direction: 'out',
    organization: { id: id(900), name: HANOI.name },
    type: 'edoc',
    state: 'sent',
    documentId: `DOC-${n}`,
    statusCode: null,
    document: { kind: 'outgoing', id: id(800 + n), number: `${n}/SGDĐT-VP`, subject: `Về việc số ${n}` },
    // 02:30 UTC is 09:30 in Hà Nội.
    at: '2026-11-20T02:30:00.000Z',
    sha256: 'ab'.repeat(32),
    from: HANOI,
    to: [NGHEAN],
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    sentAt: '2026-11-20T02:31:00.000Z',
    errorCodes: [],
    warningCodes: [],
    processedAt: null,
    ...overrides,
  };
}

const dead = message(2, { state: 'dead', attempts: 10, lastError: 'unavailable: HTTP 503', sentAt: null });

describe('the exchange console', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the sent packages with recipients, documents, states and times in Hà Nội time', async () => {
    const asked = mockServer({
      '/api/v1/exchange/messages': () => Response.json({ items: [message(1), dead], total: 2, pageSize: 50 }),
    });
    renderWithProviders(<ExchangePage />, { me: clerkMe });
    expect(await screen.findByRole('heading', { level: 1, name: 'Liên thông văn bản' })).toBeTruthy();
    const sent = (await screen.findByText('1/SGDĐT-VP — Về việc số 1')).closest('tr')!;
    expect(sent.textContent).toContain('20/11/2026 09:30');
    expect(sent.textContent).toContain('Sở GD&ĐT Nghệ An (000.00.00.H41)');
    expect(within(sent).getByText('Đã gửi')).toBeTruthy();
    // Only a dead letter can be sent again.
    expect(within(sent).queryByRole('button', { name: /Gửi lại/ })).toBeNull();
    const failed = screen.getByText('2/SGDĐT-VP — Về việc số 2').closest('tr')!;
    expect(within(failed).getByText('Gửi thất bại')).toBeTruthy();
    expect(failed.textContent).toContain('unavailable: HTTP 503');
    expect(asked).toContain('/api/v1/exchange/messages?direction=out&page=1');
  });

  it('sends a dead letter again after confirmation, then reloads the list', async () => {
    let replayed = false;
    const asked = mockServer({
      '/api/v1/exchange/messages': (request) => {
        const state = new URL(request.url).searchParams.get('state');
        if (state === 'refused') return Response.json({ items: [], total: 0, pageSize: 50 });
        const item = replayed ? { ...dead, state: 'pending' as const, attempts: 0 } : dead;
        return Response.json({ items: [item], total: 1, pageSize: 50 });
      },
      [`/api/v1/exchange/outbox/${dead.id}/replay`]: (request) => {
        if (request.method !== 'POST') return Response.json({}, { status: 405 });
        replayed = true;
        return Response.json({ message: { ...dead, state: 'pending', attempts: 0 } });
      },
    });
    renderWithProviders(<ExchangePage />, { me: clerkMe });
    fireEvent.click(await screen.findByRole('tab', { name: 'Lỗi' }));
    const section = await screen.findByRole('region', { name: 'Gói tin gửi thất bại' });
    fireEvent.click(await within(section).findByRole('button', { name: 'Gửi lại gói tin DOC-2' }));
    // Nothing is sent before the confirmation.
    expect(replayed).toBe(false);
    const dialog = await screen.findByRole('dialog', { name: 'Gửi lại gói tin?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gửi lại' }));
    await waitFor(() => expect(replayed).toBe(true));
    expect(await screen.findByText('Đã đưa gói tin vào hàng đợi gửi lại')).toBeTruthy();
    expect(await within(section).findByText('Chờ gửi')).toBeTruthy();
    expect(asked).toContain('/api/v1/exchange/messages?direction=out&state=dead&page=1');
    expect(asked).toContain('/api/v1/exchange/messages?direction=in&state=refused&page=1');
  });

  it('shows a refused package with its errors in words and its XML with a download link', async () => {
    const refused = message(3, {
      direction: 'in',
      state: 'refused',
      document: null,
      from: NGHEAN,
      to: [],
      attempts: null,
      sentAt: null,
      errorCodes: ['edxml.signature_invalid'],
    });
    mockServer({
      '/api/v1/exchange/messages': () => Response.json({ items: [refused], total: 1, pageSize: 50 }),
      [`/api/v1/exchange/messages/in/${refused.id}`]: () =>
        Response.json({
          message: refused,
          size: 42,
          xml: '<edXML:edXML>…</edXML:edXML>',
          xmlTruncated: false,
          issues: [
            { code: 'edxml.signature_invalid', severity: 'error', vi: 'Chữ ký số không hợp lệ', en: 'Bad signature' },
          ],
          dispatches: [],
        }),
    });
    renderWithProviders(<ExchangePage />, { me: clerkMe });
    fireEvent.click(await screen.findByRole('tab', { name: 'Nhận về' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Chi tiết gói tin DOC-3' }));
    const drawer = await screen.findByRole('dialog', { name: 'Gói tin liên thông' });
    expect(await within(drawer).findByText(/Chữ ký số không hợp lệ/)).toBeTruthy();
    expect(within(drawer).getByText('<edXML:edXML>…</edXML:edXML>')).toBeTruthy();
    const download = within(drawer).getByRole('link', { name: 'Tải gói tin XML' });
    expect(download.getAttribute('href')).toBe(`/api/v1/exchange/messages/in/${refused.id}/raw`);
  });

  it('is in the navigation for a clerk, not for a specialist', async () => {
    const navigationOf = async (me: Me) => {
      mockServer({
        '/api/auth/session': () => Response.json({ me }),
        '/api/v1/notifications/unread-count': () => Response.json({ count: 0 }),
        '/api/v1/incoming-documents/counts': () => apiError(404, 'record.not_found'),
      });
      const view = render(
        <AppProviders queryClient={queryClient}>
          <RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/'] })} />
        </AppProviders>,
      );
      const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
      const link = within(nav).queryByRole('link', { name: 'Liên thông văn bản' });
      view.unmount();
      queryClient.clear();
      vi.restoreAllMocks();
      return link;
    };
    expect((await navigationOf(clerkMe))?.getAttribute('href')).toBe('/exchange');
    expect(await navigationOf(specialistMe)).toBeNull();
  });
});
