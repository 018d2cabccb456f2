import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { vietnamDate } from '../../lib/dates';
import { mockServer } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { clerkMe } from '../incoming/incoming.testData';
import type { Register } from '../incoming/incoming.types';
import { OutgoingBookPage } from './OutgoingBookPage';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const book = (n: number, name: string, more: Partial<Register> = {}): Register => ({
  id: uuid(n),
  direction: 'outgoing',
  name,
  confidential: false,
  numbering: 'single',
  active: true,
  lastNumber: 12,
  lastYear: 2026,
  version: 1,
  ...more,
});

const BOOKS = [book(701, 'Sổ văn bản đi'), book(702, 'Sổ văn bản đi mật', { confidential: true })];
const adminMe: Me = {
  ...clerkMe,
  roles: ['org_admin'],
  memberships: clerkMe.memberships.map((m) => ({ ...m, roles: ['org_admin'] })),
};
const year = Number(vietnamDate().slice(0, 4));
const bookUrl = (id: string, y: number, format: string) =>
  `/api/v1/registers/${id}/book?from=${y}-01-01&to=${y}-12-31&format=${format}`;

describe('OutgoingBookPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads the chosen outgoing book of the chosen year as Excel or PDF', async () => {
    const asked = mockServer({ '/api/v1/registers': () => Response.json({ items: BOOKS }) });
    renderWithProviders(<OutgoingBookPage />, { me: clerkMe });

    const excel = await screen.findByRole('link', { name: `Tải sổ năm ${year} (Excel)` });
    expect(excel.getAttribute('href')).toBe(bookUrl(uuid(701), year, 'xlsx'));
    expect(screen.getByRole('link', { name: `Tải sổ năm ${year} (PDF)` }).getAttribute('href')).toBe(
      bookUrl(uuid(701), year, 'pdf'),
    );
    expect(asked).toContain('/api/v1/registers?direction=outgoing');

    fireEvent.click(screen.getByRole('combobox', { name: 'Sổ văn bản đi' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Sổ văn bản đi mật — Sổ mật' }));
    fireEvent.click(screen.getByRole('combobox', { name: 'Năm' }));
    fireEvent.click(await screen.findByRole('option', { name: String(year - 1) }));
    await waitFor(() =>
      expect(screen.getByRole('link', { name: `Tải sổ năm ${year - 1} (Excel)` }).getAttribute('href')).toBe(
        bookUrl(uuid(702), year - 1, 'xlsx'),
      ),
    );
    expect(screen.getByText(`Từ 01/01/${year - 1} đến 31/12/${year - 1}`)).toBeTruthy();
  }, 20_000);

  it('does not offer confidential books to an organisation administrator', async () => {
    mockServer({ '/api/v1/registers': () => Response.json({ items: BOOKS }) });
    renderWithProviders(<OutgoingBookPage />, { me: adminMe });
    await screen.findByRole('link', { name: `Tải sổ năm ${year} (Excel)` });
    fireEvent.click(screen.getByRole('combobox', { name: 'Sổ văn bản đi' }));
    expect(await screen.findByRole('option', { name: 'Sổ văn bản đi' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /mật/ })).toBeNull();
  }, 20_000);

  it('says so when the organisation has no outgoing book yet', async () => {
    mockServer({ '/api/v1/registers': () => Response.json({ items: [] }) });
    renderWithProviders(<OutgoingBookPage />, { me: clerkMe });
    expect(await screen.findByText(/chưa có sổ văn bản đi/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Tải sổ/ })).toBeNull();
  });
});
