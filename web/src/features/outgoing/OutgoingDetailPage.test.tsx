import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { mockServer, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { documentTypes } from '../incoming/incoming.testData';
import { actionButtons } from './OutgoingActions';
import { OutgoingDetailPage } from './OutgoingDetailPage';
import { comparison, OUT_ID, outgoingDetail } from './outgoing.testData';
import type { OutgoingDetail } from './outgoing.types';

vi.mock('../files/PdfPreview', () => ({
  PdfPreview: ({ url }: { url?: string }) => <div data-testid="pdf-preview">{url}</div>,
}));

const DETAIL_PATH = `/api/v1/outgoing-documents/${OUT_ID}`;

function renderDocument() {
  return renderWithProviders(
    <Routes>
      <Route path="/e-office/outgoing/:id" element={<OutgoingDetailPage />} />
    </Routes>,
    { route: `/e-office/outgoing/${OUT_ID}`, me: specialistMe },
  );
}

function toolbarLabels(): string[] {
  const toolbar = screen.queryByRole('toolbar', { name: 'Xử lý văn bản' });
  return toolbar ? [...toolbar.querySelectorAll('button, a')].map((b) => b.textContent ?? '') : [];
}

function serve(detail: () => OutgoingDetail, more: Parameters<typeof mockServer>[0] = {}) {
  return mockServer({
    [DETAIL_PATH]: () => Response.json(detail()),
    [`${DETAIL_PATH}/revisions/compare`]: () => Response.json(comparison),
    '/api/v1/document-types': () => Response.json(documentTypes),
    '/api/v1/people': () => Response.json({ items: [] }),
    '/api/v1/approval-templates': () => Response.json({ items: [] }),
    ...more,
  });
}

describe('the steps of an outgoing document', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await changeLanguage('vi');
  });

  it('maps the server actions to buttons in a fixed order, ignoring unknown ones', () => {
    expect(actionButtons(['reject', 'approve', 'update', 'something'])).toEqual(['approve', 'reject']);
    expect(actionButtons(['recall', 'issue', 'forward', 'return', 'submit'])).toEqual([
      'submit',
      'forward',
      'return',
      'issue',
      'recall',
    ]);
    expect(actionButtons([])).toEqual([]);
  });

  it('shows exactly the buttons the server allows, and none when it allows nothing', async () => {
    let detail = outgoingDetail({ status: 'in_review', actions: ['reject', 'approve', 'return', 'forward'] });
    serve(() => detail);
    const view = renderDocument();
    await waitFor(() => expect(toolbarLabels()).toEqual(['Đồng ý', 'Chuyển', 'Trả lại', 'Không phê duyệt']));
    view.unmount();

    detail = outgoingDetail({ actions: ['update', 'submit'] });
    const draft = renderDocument();
    await waitFor(() => expect(toolbarLabels()).toEqual(['Sửa dự thảo', 'Trình duyệt']));
    draft.unmount();

    detail = outgoingDetail({ actions: [] });
    renderDocument();
    await screen.findByRole('heading', { name: detail.subject });
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('shows the document it replaces and the one correcting it, each with its number and a link', async () => {
    const old = '00000000-0000-4000-8000-000000000901';
    const fix = '00000000-0000-4000-8000-000000000902';
    const ref = (id: string, fullNumber: string, subject: string) => ({
      id,
      fullNumber,
      subject,
      status: 'issued',
      issuedAt: '2026-11-20T03:00:00.000Z',
    });
    serve(() =>
      outgoingDetail({
        status: 'issued',
        replaces: ref(old, '12/BGDĐT-GDPT', 'V/v thi học sinh giỏi'),
        correctedBy: [ref(fix, '15/BGDĐT-GDPT', 'V/v đính chính')],
      }),
    );
    renderDocument();
    const replaced = await screen.findByRole('link', { name: '12/BGDĐT-GDPT — V/v thi học sinh giỏi' });
    expect(replaced.getAttribute('href')).toBe(`/e-office/outgoing/${old}`);
    expect(screen.getByText('Thay thế văn bản')).toBeTruthy();
    expect(screen.getByText('Được đính chính bởi')).toBeTruthy();
    expect(screen.getByRole('link', { name: '15/BGDĐT-GDPT — V/v đính chính' }).getAttribute('href')).toBe(
      `/e-office/outgoing/${fix}`,
    );
  });

  it('returns with a required comment and shows the document the server answers', async () => {
    let detail = outgoingDetail({ status: 'in_review', actions: ['return'] });
    const sent: unknown[] = [];
    serve(() => detail, {
      [`${DETAIL_PATH}/return`]: async (request) => {
        sent.push(await request.json());
        detail = outgoingDetail({ status: 'returned', actions: [] });
        return Response.json(detail);
      },
    });
    renderDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Trả lại' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Vui lòng nhập ý kiến.')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Ý kiến/ }), {
      target: { value: 'Sửa lại phần kính gửi' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => expect(sent).toEqual([{ comment: 'Sửa lại phần kính gửi' }]));
    expect(await screen.findByText('Bị trả lại')).toBeTruthy();
  });

  it('shows the server refusal in the dialog when issuing is no longer possible (409)', async () => {
    const message = 'Văn bản đang ở trạng thái không cho phép thao tác này';
    serve(() => outgoingDetail({ status: 'approved', actions: ['issue'] }), {
      [`${DETAIL_PATH}/issue`]: () =>
        Response.json({ error: { code: 'documents.invalid_state', message, details: null } }, { status: 409 }),
      '/api/v1/registers': () => Response.json({ items: [] }),
    });
    renderDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Phát hành' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phát hành' }));
    expect(await within(dialog).findByText(message)).toBeTruthy();
  });

  it('after issue, shows the number, the delivery status per recipient and previews the official PDF', async () => {
    const officialFileUrl = `${DETAIL_PATH}/files/00000000-0000-4000-8000-000000000799`;
    serve(
      () =>
        outgoingDetail({
          status: 'issued',
          fullNumber: '05/BGDĐT-GDPT',
          issuedAt: '2026-11-21T02:00:00.000Z',
          officialFileUrl,
          files: [
            {
              fileId: '00000000-0000-4000-8000-000000000799',
              kind: 'final',
              name: 'cong-van.pdf',
              mediaType: 'application/pdf',
              sizeBytes: 2048,
              url: `${DETAIL_PATH}/files/00000000-0000-4000-8000-000000000799`,
            },
          ],
        }),
      {
        [`${DETAIL_PATH}/dispatches`]: () =>
          Response.json({
            items: [
              {
                id: '00000000-0000-4000-8000-000000000798',
                organizationId: null,
                organizationName: 'Sở GD&ĐT Hà Nội',
                channel: 'edugov',
                status: '04',
                label: { vi: 'Phân công', en: 'Assigned' },
                statusAt: '2026-11-21T02:30:00.000Z',
                reason: null,
                history: [],
              },
            ],
          }),
      },
    );
    renderDocument();
    const table = await screen.findByRole('table', { name: 'Tình trạng gửi' });
    const row = await within(table).findByRole('row', { name: /Sở GD&ĐT Hà Nội/ });
    expect(row.textContent).toContain('04');
    expect(row.textContent).toContain('Phân công');
    expect(row.textContent).toContain('21/11/2026 09:30');
    expect(screen.getByText('Số: 05/BGDĐT-GDPT · Ngày phát hành: 21/11/2026')).toBeTruthy();
    expect(screen.getByTestId('pdf-preview').textContent).toBe(`${officialFileUrl}?inline=true`);
    await act(() => changeLanguage('en'));
    expect((await within(table).findByRole('row', { name: /Sở GD&ĐT Hà Nội/ })).textContent).toContain('Assigned');
  });
});

describe('comparing two revisions', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows each changed field before and after, and the body line by line', async () => {
    const asked = serve(() => outgoingDetail());
    renderDocument();
    const fields = await screen.findByRole('table', { name: 'So sánh' });
    const subject = within(fields).getByRole('row', { name: /Trích yếu/ });
    expect(within(subject).getByText('Về việc thi tốt nghiệp')).toBeTruthy();
    expect(within(subject).getByText('Về việc tổ chức kỳ thi tốt nghiệp THPT năm 2027')).toBeTruthy();
    expect(within(fields).getByRole('row', { name: /Độ khẩn/ })).toBeTruthy();
    const body = screen.getByRole('list', { name: 'Nội dung (theo dòng)' });
    const lines = within(body).getAllByRole('listitem');
    expect(lines.map((l) => [l.dataset.op, l.textContent?.trim()])).toEqual([
      ['same', 'Kính gửi các Sở GD&ĐT.'],
      ['removed', '− Đề nghị các Sở báo cáo.'],
      ['added', '+ Đề nghị các Sở chuẩn bị.'],
    ]);
    expect(asked).toContain(`${DETAIL_PATH}/revisions/compare?from=1&to=2`);
  });
});
