import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { vietnamDate } from '../../lib/dates';
import { apiError, mockServer, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import type { YearCalendar } from './calendar.queries';
import { CalendarPage } from './CalendarPage';

const adminMe = {
  ...specialistMe,
  roles: ['system_admin' as const],
  memberships: specialistMe.memberships.map((m) => ({ ...m, roles: ['system_admin' as const] })),
};

const year = Number(vietnamDate().slice(0, 4));
const calendarOf = (y: number): YearCalendar => ({
  year: y,
  confirmed: false,
  confirmation: null,
  days: [
    {
      date: `${y}-04-26`,
      kind: 'holiday',
      name: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hùng Kings Commemoration Day' },
      source: 'computed',
      unverified: false,
      compensatesFor: null,
      overrideId: null,
      sourceDocument: null,
    },
    {
      date: `${y}-11-24`,
      kind: 'holiday',
      name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' },
      source: 'statute',
      unverified: true,
      compensatesFor: null,
      overrideId: null,
      sourceDocument: null,
    },
  ],
  overrides: [],
});

describe('CalendarPage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("shows the year's days as dd/MM/yyyy with kind and source, and records that a computed day does not apply", async () => {
    const sent: unknown[] = [];
    const asked = mockServer({
      '/api/v1/calendar/holidays': (request) =>
        Response.json(calendarOf(Number(new URL(request.url).searchParams.get('year')))),
      '/api/v1/calendar/overrides': async (request) => {
        sent.push(await request.json());
        return apiError(409, 'record.duplicate');
      },
    });
    renderWithProviders(<CalendarPage />, { me: adminMe });

    const row = (await screen.findByText(`24/11/${year}`)).closest('tr')!;
    expect(within(row).getByText('Ngày Văn hóa Việt Nam')).toBeTruthy();
    expect(within(row).getByText('Nghỉ lễ')).toBeTruthy();
    expect(within(row).getByText('Luật định')).toBeTruthy();
    expect(within(row).getByText('Chưa xác minh văn bản gốc')).toBeTruthy();
    expect(screen.getByText(`Lịch năm ${year} chưa được xác nhận`, { exact: false })).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: `Không áp dụng ngày 24/11/${year}` }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/^Ngày/) as HTMLInputElement).value).toBe(`${year}-11-24`);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Văn bản căn cứ/ }), {
      target: { value: 'Thông báo 6150/TB-BNV' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      date: `${year}-11-24`,
      kind: 'remove',
      name: 'Ngày Văn hóa Việt Nam',
      sourceDocument: 'Thông báo 6150/TB-BNV',
    });
    // The server's refusal is shown in the dialog, which stays open.
    expect(await within(dialog).findByRole('alert')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Another year is asked for when chosen.
    fireEvent.click(screen.getByRole('combobox', { name: 'Năm' }));
    fireEvent.click(await screen.findByRole('option', { name: String(year + 1) }));
    expect(await screen.findByText(`24/11/${year + 1}`)).toBeTruthy();
    expect(asked).toContain(`/api/v1/calendar/holidays?year=${year + 1}`);
  });

  it('confirms the year with a note and shows who confirmed it', async () => {
    let confirmed: YearCalendar | undefined;
    let sent: unknown;
    mockServer({
      '/api/v1/calendar/holidays': () => Response.json(confirmed ?? calendarOf(year)),
      [`/api/v1/calendar/years/${year}/confirm`]: async (request) => {
        sent = await request.json();
        confirmed = {
          ...calendarOf(year),
          confirmed: true,
          confirmation: {
            confirmedBy: { id: adminMe.user.id, name: 'Nguyễn Quản Trị' },
            confirmedAt: `${year}-01-05T02:00:00.000Z`,
            note: 'Theo thông báo',
          },
        };
        return Response.json(confirmed);
      },
    });
    renderWithProviders(<CalendarPage />, { me: adminMe });
    await screen.findByText(`26/04/${year}`);
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận lịch năm' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Ghi chú' }), { target: { value: 'Theo thông báo' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận lịch năm' }));
    expect(await screen.findByText(`Đã xác nhận bởi Nguyễn Quản Trị lúc 05/01/${year} 09:00:00`)).toBeTruthy();
    expect(sent).toEqual({ note: 'Theo thông báo' });
  });
});
