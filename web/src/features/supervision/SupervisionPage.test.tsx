import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { vietnamDate } from '../../lib/dates';
import { mockServer, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import type { SupervisedDocument, SupervisionRow, SupervisionSummary } from './supervision.queries';
import { monthOf } from './supervision.queries';
import { SupervisionPage } from './SupervisionPage';

const GDPT = '00000000-0000-4000-8000-0000000000a1';
const ANH = '00000000-0000-4000-8000-0000000000b1';

const zero = { received: 0, inProgress: 0, overdue: 0, completedOnTime: 0, completedLate: 0, closed: 0 };
const row = (more: Partial<SupervisionRow>): SupervisionRow => ({
  unitId: GDPT,
  unitName: 'Phòng Giáo dục Phổ thông',
  userId: null,
  userName: null,
  ...zero,
  averageWorkingDays: null,
  onTimeRate: null,
  ...more,
});

function summaryOf(groupBy: 'unit' | 'person', from: string, to: string): SupervisionSummary {
  const rows =
    groupBy === 'unit'
      ? [
          row({
            received: 5,
            inProgress: 1,
            overdue: 1,
            completedOnTime: 2,
            completedLate: 1,
            averageWorkingDays: 1.7,
            onTimeRate: 66.7,
          }),
        ]
      : [
          row({
            userId: ANH,
            userName: 'Trịnh Ngọc Ánh',
            received: 4,
            inProgress: 1,
            completedOnTime: 2,
            completedLate: 1,
          }),
          row({ received: 1, overdue: 1 }),
        ];
  return {
    period: { from, to, today: '2026-05-10' },
    groupBy,
    scope: 'organization',
    rows,
    totals: {
      ...zero,
      received: 5,
      inProgress: 1,
      overdue: 1,
      completedOnTime: 2,
      completedLate: 1,
      averageWorkingDays: 1.7,
      onTimeRate: 66.7,
    },
  };
}

const document: SupervisedDocument = {
  id: '00000000-0000-4000-8000-0000000000c1',
  status: 'completed',
  source: 'paper',
  registerId: null,
  registerName: 'Sổ đăng ký văn bản đến',
  arrivalNumber: 12,
  arrivalYear: 2026,
  receivedAt: '2026-04-09T02:00:00.000Z',
  issuerName: 'Bộ Giáo dục và Đào tạo',
  numberNotation: '1234/BGDĐT-GDPT',
  documentDate: '2026-04-08',
  docType: 'official_letter',
  subject: 'Hướng dẫn nhiệm vụ năm học',
  urgency: 'normal',
  confidentiality: 'normal',
  dueDate: '2026-04-20',
  replyDueDate: null,
  overdue: false,
  unread: false,
  completedAt: '2026-04-14T09:00:00.000Z',
  version: 5,
  leadUnitName: 'Phòng Giáo dục Phổ thông',
  leadUserName: 'Trịnh Ngọc Ánh',
  directedAt: '2026-04-10T02:00:00.000Z',
  unitId: GDPT,
  unitName: 'Phòng Giáo dục Phổ thông',
  userId: ANH,
  userName: 'Trịnh Ngọc Ánh',
  measure: 'completed_on_time',
  workingDays: 2,
};

function serve() {
  return mockServer({
    '/api/v1/incoming-supervision': (request) => {
      const q = new URL(request.url).searchParams;
      return Response.json(summaryOf(q.get('groupBy') === 'person' ? 'person' : 'unit', q.get('from')!, q.get('to')!));
    },
    '/api/v1/incoming-supervision/documents': (request) => {
      const q = new URL(request.url).searchParams;
      return Response.json({
        period: { from: q.get('from'), to: q.get('to'), today: '2026-05-10' },
        items: [document],
        total: 1,
      });
    },
  });
}

describe('SupervisionPage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the measures per unit in a table, and the documents behind a number', async () => {
    const asked = serve();
    renderWithProviders(<SupervisionPage />, { me: specialistMe, route: '/?from=2026-04-01&to=2026-04-30' });

    const table = await screen.findByRole('table', {
      name: 'Tình hình giải quyết văn bản đến từ 01/04/2026 đến 30/04/2026',
    });
    expect(within(table).getByRole('columnheader', { name: 'Đúng hạn' })).toBeTruthy();
    const gdpt = await within(table).findByRole('row', { name: /Phòng Giáo dục Phổ thông/ });
    expect(within(gdpt).getByRole('rowheader', { name: 'Phòng Giáo dục Phổ thông' })).toBeTruthy();
    const onTime = within(gdpt).getByRole('button', { name: 'Đúng hạn: 2 — Phòng Giáo dục Phổ thông' });
    expect(onTime.textContent).toBe('2');
    expect(within(gdpt).getByText('1,7')).toBeTruthy();
    expect(within(gdpt).getByText('66,7 %')).toBeTruthy();
    // Zero is not a link.
    expect(within(gdpt).queryByRole('button', { name: /^Kết thúc/ })).toBeNull();
    expect(within(table).getByRole('rowheader', { name: 'Tổng cộng' })).toBeTruthy();
    expect(asked).toContain('/api/v1/incoming-supervision?from=2026-04-01&to=2026-04-30&groupBy=unit');

    const exportLink = screen.getByRole('link', { name: 'Xuất Excel' });
    expect(exportLink.getAttribute('href')).toBe(
      '/api/v1/incoming-supervision/export.xlsx?from=2026-04-01&to=2026-04-30&groupBy=unit',
    );

    fireEvent.click(onTime);
    const dialog = await screen.findByRole('dialog', { name: 'Hoàn thành đúng hạn — Phòng Giáo dục Phổ thông' });
    const link = await within(dialog).findByRole('link', { name: 'Hướng dẫn nhiệm vụ năm học' });
    expect(link.getAttribute('href')).toBe(`/e-office/incoming/${document.id}`);
    expect(asked).toContain(
      `/api/v1/incoming-supervision/documents?from=2026-04-01&to=2026-04-30&measure=completed_on_time&limit=500&unitId=${GDPT}`,
    );
    const docRow = link.closest('tr')!;
    expect(within(docRow).getByText('10/04/2026')).toBeTruthy();
    expect(within(docRow).getByText('20/04/2026')).toBeTruthy();
    expect(within(docRow).getByText('2')).toBeTruthy();
  });

  it('groups by person, with "Chưa giao chuyên viên" for documents still with the unit head', async () => {
    const asked = serve();
    renderWithProviders(<SupervisionPage />, { me: specialistMe, route: '/?from=2026-04-01&to=2026-04-30' });
    await screen.findByRole('row', { name: /Phòng Giáo dục Phổ thông/ });
    fireEvent.click(screen.getByRole('radio', { name: 'Cá nhân' }));

    const anh = await screen.findByRole('row', { name: /Trịnh Ngọc Ánh/ });
    expect(within(anh).getByRole('rowheader', { name: 'Trịnh Ngọc Ánh' })).toBeTruthy();
    const pending = screen.getByRole('row', { name: /Chưa giao chuyên viên/ });
    fireEvent.click(
      within(pending).getByRole('button', { name: 'Quá hạn: 1 — Chưa giao chuyên viên (Phòng Giáo dục Phổ thông)' }),
    );
    await screen.findByRole('dialog');
    await waitFor(() =>
      expect(asked).toContain(
        `/api/v1/incoming-supervision/documents?from=2026-04-01&to=2026-04-30&measure=overdue&limit=500&unitId=${GDPT}&userId=none`,
      ),
    );
    expect(asked).toContain('/api/v1/incoming-supervision?from=2026-04-01&to=2026-04-30&groupBy=person');
  });

  it('opens on the current month and refuses a period that ends before it starts', async () => {
    const asked = serve();
    renderWithProviders(<SupervisionPage />, { me: specialistMe });
    const month = monthOf(vietnamDate());
    await waitFor(() =>
      expect(asked).toContain(`/api/v1/incoming-supervision?from=${month.from}&to=${month.to}&groupBy=unit`),
    );
    expect(month.from.endsWith('-01')).toBe(true);

    const before = asked.length;
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2020-01-01' } });
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText(/Kỳ không hợp lệ/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(asked.length).toBe(before);
  });

  it('knows the last day of each month', () => {
    expect(monthOf('2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthOf('2024-02-29')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
