import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { mockServer, person } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { IncomingDetailPage } from './IncomingDetailPage';
import { actionButtons } from './IncomingActions';
import { clerkMe, DIRECTOR_ID, DOC_ID, documentTypes, incomingDetail } from './incoming.testData';
import { INCOMING_ACTIONS, type IncomingDetail } from './incoming.types';

vi.mock('../files/PdfPreview', () => ({
  PdfPreview: ({ url }: { url?: string }) => <div data-testid="pdf-preview">{url}</div>,
}));

const DETAIL_PATH = `/api/v1/incoming-documents/${DOC_ID}`;
const director = person(502, 'Hoàng Văn Thắng', 'hn.lanhdao', {
  id: DIRECTOR_ID,
  unitName: 'Ban Giám đốc',
  positionName: 'Giám đốc',
  roles: ['leader'],
});
const specialist = person(503, 'Trịnh Ngọc Ánh', 'hn.chuyenvien', { unitName: 'Phòng Giáo dục Phổ thông' });

function renderDocument() {
  return renderWithProviders(
    <Routes>
      <Route path="/e-office/incoming/:id" element={<IncomingDetailPage />} />
    </Routes>,
    { route: `/e-office/incoming/${DOC_ID}`, me: clerkMe },
  );
}

function toolbarLabels(): string[] {
  const toolbar = screen.queryByRole('toolbar', { name: 'Xử lý văn bản' });
  return toolbar
    ? within(toolbar)
        .getAllByRole('button')
        .map((b) => b.textContent ?? '')
    : [];
}

describe('the steps of a document', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await changeLanguage('vi');
  });

  it('shows one button per step the server allows, in the order of the handling, and no other', async () => {
    let detail = incomingDetail({ actions: ['close', 'present'] });
    mockServer({
      [DETAIL_PATH]: () => Response.json(detail),
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/people': () => Response.json({ items: [] }),
    });
    const view = renderDocument();
    await waitFor(() => expect(toolbarLabels()).toEqual(['Trình lãnh đạo', 'Kết thúc']));
    view.unmount();

    detail = incomingDetail({ actions: [...INCOMING_ACTIONS].reverse() });
    const all = renderDocument();
    await waitFor(() =>
      expect(toolbarLabels()).toEqual([
        'Vào sổ',
        'Trình lãnh đạo',
        'Chỉ đạo xử lý',
        'Giao xử lý',
        'Cho ý kiến',
        'Xin gia hạn',
        'Duyệt gia hạn',
        'Trả lại',
        'Hoàn thành',
        'Thu hồi',
        'Kết thúc',
        'Từ chối nhận',
        'Trả lời thu hồi',
      ]),
    );
    all.unmount();

    detail = incomingDetail({ actions: [] });
    renderDocument();
    expect(await screen.findByRole('heading', { name: detail.subject })).toBeTruthy();
    expect(toolbarLabels()).toEqual([]);
    expect(actionButtons(['complete', 'comment', 'assign'])).toEqual(['assign', 'comment', 'complete']);
  }, 15_000);

  it('refuses a received copy with a required reason, and answers the sender’s recall', async () => {
    let detail: IncomingDetail = incomingDetail({ status: 'received', actions: ['register', 'refuse'] });
    const posted: { path: string; body: unknown }[] = [];
    mockServer({
      [DETAIL_PATH]: () => Response.json(detail),
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/people': () => Response.json({ items: [] }),
      [`${DETAIL_PATH}/refuse`]: async (request) => {
        posted.push({ path: 'refuse', body: await request.json() });
        detail = incomingDetail({ status: 'closed', actions: [] });
        return Response.json(detail);
      },
      [`${DETAIL_PATH}/recall-answer`]: async (request) => {
        posted.push({ path: 'recall-answer', body: await request.json() });
        detail = incomingDetail({ actions: [] });
        return Response.json(detail);
      },
    });
    const view = renderDocument();
    await waitFor(() => expect(toolbarLabels()).toEqual(['Vào sổ', 'Từ chối nhận']));
    fireEvent.click(screen.getByRole('button', { name: 'Từ chối nhận' }));
    const dialog = await screen.findByRole('dialog', { name: 'Từ chối nhận' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Từ chối nhận' }));
    expect(await within(dialog).findByText('Bắt buộc nhập')).toBeTruthy();
    expect(posted).toEqual([]);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Lý do/ }), {
      target: { value: 'Gửi nhầm đơn vị' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Từ chối nhận' }));
    await waitFor(() => expect(posted).toEqual([{ path: 'refuse', body: { note: 'Gửi nhầm đơn vị' } }]));
    await waitFor(() => expect(toolbarLabels()).toEqual([]));
    view.unmount();

    detail = incomingDetail({ actions: ['recall_answer'] });
    renderDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Trả lời thu hồi' }));
    const answer = await screen.findByRole('dialog', { name: 'Trả lời thu hồi' });
    expect(within(answer).getByRole('radio', { name: 'Đồng ý thu hồi' })).toBeTruthy();
    fireEvent.click(within(answer).getByRole('radio', { name: 'Không đồng ý' }));
    fireEvent.change(within(answer).getByRole('textbox', { name: 'Ghi chú' }), {
      target: { value: 'Đã triển khai thực hiện' },
    });
    fireEvent.click(within(answer).getByRole('button', { name: 'Trả lời thu hồi' }));
    await waitFor(() =>
      expect(posted.at(-1)).toEqual({
        path: 'recall-answer',
        body: { accept: false, note: 'Đã triển khai thực hiện' },
      }),
    );
  }, 15_000);

  it('presents to a chosen leader; a refusal is shown in the dialog in the UI language, then the new state', async () => {
    let detail: IncomingDetail = incomingDetail({ actions: ['present', 'close'] });
    const posted: { body: unknown; lang: string | null }[] = [];
    let refuse = true;
    mockServer({
      [DETAIL_PATH]: () => Response.json(detail),
      '/api/v1/document-types': () => Response.json(documentTypes),
      // The server filters by role: the form asks for leaders only.
      '/api/v1/people': (request) =>
        Response.json({
          items: new URL(request.url).searchParams.get('role') === 'leader' ? [director] : [director, specialist],
        }),
      [`${DETAIL_PATH}/present`]: async (request) => {
        const lang = request.headers.get('Accept-Language');
        posted.push({ body: await request.json(), lang });
        if (refuse) {
          const message =
            lang === 'en'
              ? 'The document is not in a state that allows this'
              : 'Văn bản đang ở trạng thái không cho phép thao tác này';
          return Response.json({ error: { code: 'documents.invalid_state', message, details: null } }, { status: 409 });
        }
        detail = incomingDetail({
          status: 'presented',
          actions: ['close'],
          trail: [
            ...detail.trail,
            {
              id: 2,
              occurredAt: '2026-11-20T03:05:00.000Z',
              actorUserId: clerkMe.user.id,
              actorName: 'Ngô Thị Mai',
              action: 'presented',
              fromStatus: 'registered',
              toStatus: 'presented',
              note: 'Kính trình Giám đốc',
              details: { leaderId: DIRECTOR_ID },
            },
          ],
        });
        return Response.json(detail);
      },
    });
    renderDocument();

    fireEvent.click(await screen.findByRole('button', { name: 'Trình lãnh đạo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trình lãnh đạo' });
    // Only leaders are offered.
    fireEvent.click(within(dialog).getByRole('combobox', { name: /Lãnh đạo/ }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      'Hoàng Văn Thắng — Ban Giám đốc / Giám đốc',
    ]);
    fireEvent.click(screen.getByRole('option', { name: /Hoàng Văn Thắng/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Ý kiến của văn thư' }), {
      target: { value: 'Kính trình Giám đốc' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trình lãnh đạo' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Văn bản đang ở trạng thái không cho phép thao tác này',
    );

    await act(() => changeLanguage('en'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Present to the leader' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent).toContain(
        'The document is not in a state that allows this',
      ),
    );
    expect(posted.map((p) => p.lang)).toEqual(['vi', 'en']);
    expect(posted[0]!.body).toEqual({ leaderId: DIRECTOR_ID, note: 'Kính trình Giám đốc' });

    await act(() => changeLanguage('vi'));
    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trình lãnh đạo' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(toolbarLabels()).toEqual(['Kết thúc']);
    expect(screen.getAllByText('Chờ chỉ đạo').length).toBeGreaterThan(0);
    const trail = screen.getByRole('list', { name: 'Vết xử lý' });
    const steps = within(trail).getAllByRole('listitem');
    expect(steps).toHaveLength(2);
    expect(steps[1]!.textContent).toContain('Trình lãnh đạo');
    expect(steps[1]!.textContent).toContain('Ngô Thị Mai · 20/11/2026 10:05');
    expect(steps[1]!.textContent).toContain('Trình: Hoàng Văn Thắng');
  }, 20_000);
});

describe('the trail', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists every step with its Vietnamese label, who, when (dd/MM/yyyy HH:mm), and whom it went to by when', async () => {
    const unit = '00000000-0000-4000-8000-000000000901';
    const lead = '00000000-0000-4000-8000-000000000a01';
    const child = '00000000-0000-4000-8000-000000000a02';
    const event = (id: number, occurredAt: string, actorName: string, action: string, extra = {}) => ({
      id,
      occurredAt,
      actorUserId: null,
      actorName,
      action,
      fromStatus: null,
      toStatus: null,
      note: null,
      details: {},
      ...extra,
    });
    const detail = incomingDetail({
      status: 'completed',
      dueDate: '2026-11-30',
      completedAt: '2026-11-25T08:00:00.000Z',
      answeredBy: '125/KH-SGDĐT',
      files: [
        {
          fileId: '00000000-0000-4000-8000-0000000000aa',
          kind: 'main',
          name: 'CV 2468 scan.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 4096,
          addedAt: '2026-11-20T02:30:00.000Z',
          url: `/api/v1/incoming-documents/${DOC_ID}/files/00000000-0000-4000-8000-0000000000aa`,
          signature: null,
        },
      ],
      assignments: [
        {
          id: lead,
          parentId: null,
          role: 'lead',
          unitId: unit,
          unitName: 'Phòng Giáo dục Phổ thông',
          userId: null,
          userName: null,
          assignedBy: DIRECTOR_ID,
          assignedByName: 'Hoàng Văn Thắng',
          assignedAt: '2026-11-21T01:00:00.000Z',
          deadline: '2026-11-30',
          instructions: 'Tham mưu kế hoạch',
          status: 'completed',
        },
        {
          id: child,
          parentId: lead,
          role: 'lead',
          unitId: unit,
          unitName: 'Phòng Giáo dục Phổ thông',
          userId: specialist.id,
          userName: 'Trịnh Ngọc Ánh',
          assignedBy: '00000000-0000-4000-8000-000000000504',
          assignedByName: 'Đặng Minh Tuấn',
          assignedAt: '2026-11-21T03:00:00.000Z',
          deadline: '2026-11-28',
          instructions: null,
          status: 'completed',
        },
      ],
      trail: [
        event(1, '2026-11-20T02:30:00.000Z', 'Ngô Thị Mai', 'registered', {
          details: { arrivalNumber: 7, registerName: 'Sổ văn bản đến' },
        }),
        event(2, '2026-11-20T03:05:00.000Z', 'Ngô Thị Mai', 'presented'),
        event(3, '2026-11-21T01:00:00.000Z', 'Hoàng Văn Thắng', 'directed', {
          note: 'Tham mưu kế hoạch',
          details: { deadline: '2026-11-30', assignments: [{ id: lead }] },
        }),
        event(4, '2026-11-21T03:00:00.000Z', 'Đặng Minh Tuấn', 'assigned', {
          details: { assignments: [{ id: child }] },
        }),
        event(5, '2026-11-25T08:00:00.000Z', 'Trịnh Ngọc Ánh', 'completed', {
          details: { answeredBy: '125/KH-SGDĐT', dueDate: '2026-11-30', late: false },
        }),
      ],
    });
    mockServer({
      [DETAIL_PATH]: () => Response.json(detail),
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/people': () => Response.json({ items: [] }),
    });
    renderDocument();

    const trail = await screen.findByRole('list', { name: 'Vết xử lý' });
    const steps = within(trail)
      .getAllByRole('listitem')
      .map((s) => s.textContent);
    expect(steps).toEqual([
      'Vào sổ văn bản đếnNgô Thị Mai · 20/11/2026 09:30Số đến 7, Sổ văn bản đến',
      'Trình lãnh đạoNgô Thị Mai · 20/11/2026 10:05',
      'Chỉ đạo xử lýHoàng Văn Thắng · 21/11/2026 08:00Chủ trì: Phòng Giáo dục Phổ thông (hạn 30/11/2026)“Tham mưu kế hoạch”',
      'Giao xử lýĐặng Minh Tuấn · 21/11/2026 10:00Chủ trì: Trịnh Ngọc Ánh (hạn 28/11/2026)',
      'Hoàn thành xử lýTrịnh Ngọc Ánh · 25/11/2026 15:00Trả lời bằng văn bản số 125/KH-SGDĐTHoàn thành đúng hạn',
    ]);
    // The scan is previewed from its inline address, and offered for download.
    expect(screen.getByTestId('pdf-preview').textContent).toBe(`${detail.files[0]!.url}?inline=true`);
    expect(screen.getByRole('link', { name: 'CV 2468 scan.pdf' }).getAttribute('href')).toBe(detail.files[0]!.url);
    expect(screen.getByRole('link', { name: 'In phiếu giải quyết' }).getAttribute('href')).toBe(
      `/api/v1/incoming-documents/${DOC_ID}/processing-slip.pdf`,
    );
  }, 15_000);

  it('says what the sender changed or replaced over the interchange axis, field by field', async () => {
    const event = (id: number, action: string, note: string | null, details: Record<string, unknown>) => ({
      id,
      occurredAt: '2026-11-28T03:00:00.000Z',
      actorUserId: null,
      actorName: null,
      action,
      fromStatus: 'registered',
      toStatus: 'registered',
      note,
      details,
    });
    const detail = incomingDetail({
      trail: [
        event(1, 'updated_by_sender', 'Sửa trích yếu', {
          changes: {
            subject: { before: 'V/v kế hoạch', after: 'V/v kế hoạch (sửa)' },
            urgency: { before: 'urgent', after: 'normal' },
            replyDueDate: { before: null, after: '2026-12-20' },
          },
          addedFiles: [{ fileId: '00000000-0000-4000-8000-0000000000bb', name: 'CV sửa.pdf', kind: 'main' }],
        }),
        event(2, 'replaced_by_sender', 'Thay thế văn bản', { byNumberNotation: '0302/BGDĐT-GDPT' }),
        event(3, 'replaces', null, {
          replaces: [
            { documentId: '000.00.00.G03,2026/11/27,0301/BGDĐT-GDPT', numberNotation: '0301/BGDĐT-GDPT' },
            { documentId: '000.00.00.G03,2026/11/27,0300/BGDĐT-GDPT', numberNotation: null },
          ],
        }),
      ],
    });
    mockServer({
      [DETAIL_PATH]: () => Response.json(detail),
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/people': () => Response.json({ items: [] }),
    });
    renderDocument();

    const trail = await screen.findByRole('list', { name: 'Vết xử lý' });
    expect(
      within(trail)
        .getAllByRole('listitem')
        .map((s) => s.textContent),
    ).toEqual([
      'Nơi gửi cập nhật văn bảnHệ thống · 28/11/2026 10:00Trích yếu: V/v kế hoạch → V/v kế hoạch (sửa)' +
        'Độ khẩn: Khẩn → ThườngHạn trả lời: — → 20/12/2026Thêm tệp: CV sửa.pdf“Sửa trích yếu”',
      'Nơi gửi thay thế văn bảnHệ thống · 28/11/2026 10:00Thay thế bằng văn bản số 0302/BGDĐT-GDPT“Thay thế văn bản”',
      'Thay thế văn bản đã nhậnHệ thống · 28/11/2026 10:00' +
        'Thay thế văn bản: 0301/BGDĐT-GDPT, 000.00.00.G03,2026/11/27,0300/BGDĐT-GDPT',
    ]);
  }, 15_000);
});
