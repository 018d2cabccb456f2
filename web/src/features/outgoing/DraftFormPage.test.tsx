import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { addDays, vietnamDate } from '../../lib/dates';
import { apiError, mockServer, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { documentTypes } from '../incoming/incoming.testData';
import { EditDraftPage, NewDraftPage } from './DraftFormPage';
import { OUT_ID, outgoingDetail } from './outgoing.testData';

const LIST_PATH = '/api/v1/outgoing-documents';
const DETAIL_PATH = `${LIST_PATH}/${OUT_ID}`;
const common = {
  '/api/v1/document-types': () => Response.json(documentTypes),
  '/api/v1/people': () => Response.json({ items: [] }),
  '/api/v1/organizations': () => Response.json({ items: [], total: 0 }),
  '/api/v1/incoming-documents': () => Response.json({ items: [], total: 0 }),
};

function renderNew() {
  return renderWithProviders(
    <Routes>
      <Route path="/e-office/outgoing/new" element={<NewDraftPage />} />
      <Route path="/e-office/outgoing/:id" element={<p>trang chi tiết</p>} />
    </Routes>,
    { route: '/e-office/outgoing/new', me: specialistMe },
  );
}

describe('the draft form', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await changeLanguage('vi');
  });

  it('shows what is missing or wrong under each field, in Vietnamese then English, and sends nothing', async () => {
    const asked = mockServer(common);
    renderNew();
    fireEvent.change(screen.getByLabelText(/Hạn trả lời/), { target: { value: addDays(vietnamDate(), -2) } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    expect(await screen.findByText('Vui lòng nhập loại văn bản.')).toBeTruthy();
    expect(screen.getByText('Vui lòng nhập trích yếu.')).toBeTruthy();
    expect(screen.getByText('Hạn trả lời không được trước hôm nay.')).toBeTruthy();
    await act(() => changeLanguage('en'));
    expect(await screen.findByText('Please enter subject.')).toBeTruthy();
    expect(screen.getByText('The reply due date cannot be before today.')).toBeTruthy();
    expect(asked).not.toContain(LIST_PATH);
  });

  it('creates a draft with the fields filled in and opens it', async () => {
    const sent: unknown[] = [];
    mockServer({
      ...common,
      [LIST_PATH]: async (request) => {
        sent.push(await request.json());
        return Response.json(outgoingDetail(), { status: 201 });
      },
    });
    renderNew();
    fireEvent.click(screen.getByRole('combobox', { name: /Loại văn bản/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Công văn' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Trích yếu/ }), {
      target: { value: ' Về việc tổ chức kỳ thi ' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Nội dung/ }), {
      target: { value: 'Đoạn một.\nĐoạn hai.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    expect(await screen.findByText('trang chi tiết')).toBeTruthy();
    expect(sent).toEqual([
      expect.objectContaining({
        docType: 'official_letter',
        subject: 'Về việc tổ chức kỳ thi',
        body: 'Đoạn một.\nĐoạn hai.',
        authorityPrefix: null,
        recipients: { internal: [], external: [] },
      }),
    ]);
  });

  it('lets the author keep the answered incoming document open on issue, and sends that choice', async () => {
    const sent: Record<string, unknown>[] = [];
    mockServer({
      ...common,
      [DETAIL_PATH]: async (request) => {
        if (request.method === 'PATCH') {
          sent.push((await request.json()) as Record<string, unknown>);
          return Response.json(outgoingDetail({ completesAnswered: false }));
        }
        return Response.json(
          outgoingDetail({ actions: ['update', 'submit'], answersIncomingId: 'c1f3a2b4-0000-4000-8000-000000000001' }),
        );
      },
    });
    renderWithProviders(
      <Routes>
        <Route path="/e-office/outgoing/:id/edit" element={<EditDraftPage />} />
        <Route path="/e-office/outgoing/:id" element={<p>trang chi tiết</p>} />
      </Routes>,
      { route: `/e-office/outgoing/${OUT_ID}/edit`, me: specialistMe },
    );
    const choice = await screen.findByRole('checkbox', {
      name: 'Khi phát hành, hoàn thành văn bản đến được trả lời',
    });
    expect(choice).toHaveProperty('checked', true);
    fireEvent.click(choice);
    await act(() => changeLanguage('en'));
    const inEnglish = await screen.findByRole('checkbox', {
      name: 'On issue, complete the incoming document it answers',
    });
    expect(inEnglish).toHaveProperty('checked', false);
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      completesAnswered: false,
      answersIncomingId: 'c1f3a2b4-0000-4000-8000-000000000001',
    });
  });

  it('sends the version it was read at, and says clearly when someone else changed the draft (409)', async () => {
    const sent: { version?: number }[] = [];
    mockServer({
      ...common,
      [DETAIL_PATH]: async (request) => {
        if (request.method === 'PATCH') {
          sent.push((await request.json()) as { version?: number });
          return apiError(409, 'record.conflict');
        }
        return Response.json(outgoingDetail({ actions: ['update', 'submit'] }));
      },
    });
    renderWithProviders(
      <Routes>
        <Route path="/e-office/outgoing/:id/edit" element={<EditDraftPage />} />
      </Routes>,
      { route: `/e-office/outgoing/${OUT_ID}/edit`, me: specialistMe },
    );
    const subject = await screen.findByRole('textbox', { name: /Trích yếu/ });
    fireEvent.change(subject, { target: { value: 'Trích yếu mới' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    expect(
      await screen.findByText('Dự thảo vừa được người khác sửa. Tải lại để xem bản mới nhất rồi sửa tiếp.'),
    ).toBeTruthy();
    expect(sent).toEqual([expect.objectContaining({ version: 3, subject: 'Trích yếu mới' })]);
    expect(screen.getByRole('button', { name: 'Tải lại' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /Trích yếu/ })).toHaveProperty('value', 'Trích yếu mới'),
    );
  });
});
