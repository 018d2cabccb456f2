import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryClient } from '../../api/queryClient';
import { AppProviders } from '../../AppProviders';
import { routes } from '../../routes';
import { mockServer, specialistMe } from '../../test/fixtures';
import { clerkMe, documentTypes, incomingDetail, registers } from './incoming.testData';
import type { IncomingCounts, IncomingSummary } from './incoming.types';

const counts: IncomingCounts = {
  to_register: { total: 2, unread: 2 },
  to_process: { total: 3, unread: 1 },
  in_progress: { total: 0, unread: 0 },
  due_soon: { total: 1, unread: 0 },
  overdue: { total: 1, unread: 1 },
  for_info: { total: 0, unread: 0 },
  done: { total: 4, unread: 0 },
  all: { total: 9, unread: 3 },
};

function summary(n: number, more: Partial<IncomingSummary>): IncomingSummary {
  const { id, status, source, registerId, registerName, arrivalNumber, arrivalYear, receivedAt, issuerName } =
    incomingDetail();
  return {
    id: id.replace(/\d{3}$/, String(n).padStart(3, '0')),
    status,
    source,
    registerId,
    registerName,
    arrivalNumber,
    arrivalYear,
    receivedAt,
    issuerName,
    numberNotation: `${n}/SGDĐT`,
    documentDate: '2026-11-18',
    docType: 'official_letter',
    subject: `Văn bản ${n}`,
    urgency: 'normal',
    confidentiality: 'normal',
    dueDate: null,
    replyDueDate: null,
    overdue: false,
    unread: false,
    completedAt: null,
    version: 1,
    leadUnitName: null,
    leadUserName: null,
    signatureVerdict: null,
    ...more,
  };
}

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

describe('E-office: the incoming inbox', () => {
  afterEach(() => {
    queryClient.clear();
    vi.restoreAllMocks();
  });

  it('opens on "Chờ xử lý", lists the views with their counts, and shows urgency, overdue and unread rows', async () => {
    const asked = mockServer({
      '/api/auth/session': () => Response.json({ me: clerkMe }),
      '/api/v1/incoming-documents/counts': () => Response.json(counts),
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/registers': () => Response.json(registers),
      '/api/v1/incoming-documents': (request) => {
        const q = new URL(request.url).searchParams.get('q');
        const items = q
          ? [summary(3, { subject: 'Kế hoạch tuyển sinh' })]
          : [
              summary(1, { urgency: 'flash', subject: 'Công điện hỏa tốc', unread: true }),
              summary(2, { dueDate: '2026-11-01', overdue: true, status: 'in_progress', subject: 'Báo cáo quá hạn' }),
            ];
        return Response.json({ items, total: items.length });
      },
    });
    const router = renderAt('/e-office');

    await waitFor(() => expect(router.state.location.pathname).toBe('/e-office/incoming'), { timeout: 5000 });
    // The badge on the system's own entry: what waits for this clerk (3 to process + 2 to register), 3 unread.
    const system = screen.getByRole('link', { name: 'Văn bản đến/đi' });
    await waitFor(() => expect(system.getAttribute('aria-description')).toBe('5 văn bản chờ xử lý, 3 chưa đọc'));
    expect(system.textContent).toContain('5');
    expect(await screen.findByRole('heading', { name: 'Văn bản đến — Chờ xử lý' }, { timeout: 3000 })).toBeTruthy();
    const menu = await screen.findByRole('group', { name: 'Văn bản đến/đi' });
    await waitFor(() =>
      expect(
        within(menu).getByRole('link', { name: 'Chờ xử lý: 3 văn bản, 1 chưa đọc' }).getAttribute('aria-current'),
      ).toBe('page'),
    );
    expect(within(menu).getByRole('link', { name: 'Chờ vào sổ: 2 văn bản, 2 chưa đọc' })).toBeTruthy();
    expect(within(menu).getByRole('link', { name: 'Sổ đăng ký' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Vào sổ văn bản đến' })).toBeTruthy();
    expect(asked).toContain('/api/v1/incoming-documents?view=to_process&limit=20&offset=0');

    const flash = (await screen.findByRole('link', { name: 'Công điện hỏa tốc' })).closest('tr')!;
    expect(within(flash).getByText('Hỏa tốc')).toBeTruthy();
    expect(flash.getAttribute('data-unread')).toBe('true');
    expect(flash.textContent).toContain('chưa đọc');
    const late = screen.getByRole('link', { name: 'Báo cáo quá hạn' }).closest('tr')!;
    expect(within(late).getByText('Quá hạn')).toBeTruthy();
    expect(late.textContent).toContain('01/11/2026');
    expect(late.getAttribute('data-unread')).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm kiếm' }), { target: { value: 'ke hoach' } });
    expect(await screen.findByRole('link', { name: 'Kế hoạch tuyển sinh' }, { timeout: 3000 })).toBeTruthy();
    expect(asked).toContain('/api/v1/incoming-documents?view=to_process&q=ke%20hoach&limit=20&offset=0');
  }, 15_000);

  it('hides "Chờ vào sổ" and the register button from a specialist', async () => {
    mockServer({
      '/api/auth/session': () => Response.json({ me: specialistMe }),
      '/api/v1/incoming-documents/counts': () => Response.json(counts),
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/registers': () => Response.json(registers),
      '/api/v1/incoming-documents': () => Response.json({ items: [], total: 0 }),
    });
    renderAt('/e-office/incoming?view=overdue');
    expect(await screen.findByRole('heading', { name: 'Văn bản đến — Quá hạn' }, { timeout: 3000 })).toBeTruthy();
    const menu = screen.getByRole('group', { name: 'Văn bản đến/đi' });
    expect(await within(menu).findByRole('link', { name: 'Quá hạn: 1 văn bản, 1 chưa đọc' })).toBeTruthy();
    expect(within(menu).queryByRole('link', { name: /Chờ vào sổ/ })).toBeNull();
    expect(within(menu).getByRole('link', { name: 'Theo dõi, đôn đốc' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Vào sổ văn bản đến' })).toBeNull();
    expect(await screen.findByText('Không có văn bản nào.')).toBeTruthy();
  }, 15_000);
});
