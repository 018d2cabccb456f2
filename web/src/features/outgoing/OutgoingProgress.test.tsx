/**
 * What an outgoing document's page tells about its progress: who each approval step is with (by name and
 * position, not the role), the decision note asked only at the leader's decision on a Tờ trình, and the
 * timeline of each recipient's status after issue.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockServer, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { documentTypes } from '../incoming/incoming.testData';
import { OutgoingDetailPage } from './OutgoingDetailPage';
import { comparison, OUT_ID, outgoingDetail } from './outgoing.testData';
import type { OutgoingDetail, OutgoingStep } from './outgoing.types';

vi.mock('../files/PdfPreview', () => ({
  PdfPreview: ({ url }: { url?: string }) => <div data-testid="pdf-preview">{url}</div>,
}));

const DETAIL_PATH = `/api/v1/outgoing-documents/${OUT_ID}`;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ROUTE_ID = uuid(800);

function renderDocument() {
  return renderWithProviders(
    <Routes>
      <Route path="/e-office/outgoing/:id" element={<OutgoingDetailPage />} />
    </Routes>,
    { route: `/e-office/outgoing/${OUT_ID}`, me: specialistMe },
  );
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

function step(n: number, stageIndex: number, more: Partial<OutgoingStep>): OutgoingStep {
  return {
    id: uuid(810 + n),
    routeId: ROUTE_ID,
    round: 1,
    stageIndex,
    reviewerUserId: null,
    reviewerName: null,
    reviewerPosition: null,
    reviewerRole: null,
    reviewerUnitId: null,
    reviewerUnitName: null,
    assignees: [],
    forwardedFrom: null,
    status: 'pending',
    comment: null,
    decidedBy: null,
    decidedByName: null,
    decidedByPosition: null,
    decidedAt: null,
    createdAt: '2026-11-20T03:00:00.000Z',
    ...more,
  };
}

const route = (currentStage: number): NonNullable<OutgoingDetail['route']> => ({
  id: ROUTE_ID,
  templateId: uuid(801),
  templateName: 'Quy trình mặc định',
  round: 1,
  revision: 2,
  status: 'active',
  currentStage,
  stages: [
    { name: 'Lãnh đạo đơn vị duyệt', kind: 'review', mode: 'any', reviewers: [{ role: 'unit_head' }] },
    { name: 'Văn phòng kiểm tra thể thức', kind: 'form_check', mode: 'any', reviewers: [{ role: 'clerk' }] },
    { name: 'Lãnh đạo cơ quan duyệt, ký', kind: 'approve', mode: 'any', reviewers: [{ role: 'leader' }] },
  ],
  submittedAt: '2026-11-20T03:00:00.000Z',
  endedAt: null,
});

describe('who each approval step is with', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names who acted and who holds the role now, with their positions', async () => {
    serve(() =>
      outgoingDetail({
        status: 'in_review',
        route: route(2),
        steps: [
          step(1, 0, {
            reviewerRole: 'unit_head',
            reviewerUnitName: 'Vụ Giáo dục Phổ thông',
            status: 'approved',
            comment: 'Đồng ý trình',
            decidedBy: uuid(901),
            decidedByName: 'Phạm Quốc Hùng',
            decidedByPosition: 'Vụ trưởng',
            decidedAt: '2026-11-20T04:05:00.000Z',
          }),
          step(2, 1, {
            reviewerRole: 'clerk',
            status: 'forwarded',
            decidedBy: uuid(902),
            decidedByName: 'Lê Thị Hồng',
            decidedByPosition: 'Văn thư',
            decidedAt: '2026-11-20T05:00:00.000Z',
          }),
          step(3, 1, {
            reviewerUserId: uuid(903),
            reviewerName: 'Trần Thị Quản Trị',
            reviewerPosition: 'Chuyên viên chính',
            forwardedFrom: uuid(812),
            status: 'approved',
            decidedBy: uuid(903),
            decidedByName: 'Trần Thị Quản Trị',
            decidedByPosition: 'Chuyên viên chính',
            decidedAt: '2026-11-20T06:00:00.000Z',
          }),
          step(4, 2, {
            reviewerRole: 'leader',
            assignees: [
              { userId: uuid(904), name: 'Nguyễn Văn Minh', position: 'Thứ trưởng' },
              { userId: uuid(905), name: 'Trịnh Văn Bình', position: null },
            ],
          }),
        ],
      }),
    );
    renderDocument();
    const review = await screen.findByRole('group', { name: 'Lãnh đạo đơn vị duyệt' });
    expect(review.textContent).toContain('Phạm Quốc Hùng (Vụ trưởng) · 20/11/2026 11:05');
    expect(review.textContent).toContain('Trưởng đơn vị — Vụ Giáo dục Phổ thông');
    expect(review.textContent).toContain('“Đồng ý trình”');

    const formCheck = screen.getByRole('group', { name: 'Văn phòng kiểm tra thể thức' });
    expect(formCheck.textContent).toContain('Lê Thị Hồng (Văn thư)');
    expect(formCheck.textContent).toContain('Trần Thị Quản Trị (Chuyên viên chính)');

    const decision = screen.getByRole('group', { name: 'Lãnh đạo cơ quan duyệt, ký' });
    expect(decision.textContent).toContain('Nguyễn Văn Minh (Thứ trưởng), Trịnh Văn Bình');
    expect(decision.textContent).toContain('Lãnh đạo');
  }, 20_000);

  it('shows the role when nobody holds it', async () => {
    serve(() =>
      outgoingDetail({
        status: 'in_review',
        route: route(0),
        steps: [step(1, 0, { reviewerRole: 'unit_head', reviewerUnitName: 'Vụ Giáo dục Phổ thông' })],
      }),
    );
    renderDocument();
    const review = await screen.findByRole('group', { name: 'Lãnh đạo đơn vị duyệt' });
    expect(review.textContent).toContain('Trưởng đơn vị — Vụ Giáo dục Phổ thông');
  }, 20_000);
});

describe('the decision note of a Tờ trình', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is not asked at a review step: approving sends only the comment', async () => {
    const sent: unknown[] = [];
    serve(
      () => outgoingDetail({ status: 'in_review', docType: 'submission', actions: ['approve', 'return', 'forward'] }),
      {
        [`${DETAIL_PATH}/approve`]: async (request) => {
          sent.push(await request.json());
          return Response.json(outgoingDetail({ status: 'in_review', docType: 'submission' }));
        },
      },
    );
    renderDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('textbox', { name: /Ý kiến quyết định/ })).toBeNull();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Ý kiến/ }), { target: { value: 'Nhất trí' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đồng ý' }));
    await waitFor(() => expect(sent).toEqual([{ comment: 'Nhất trí' }]));
  }, 20_000);

  it("is required at the leader's decision and sent with the approval", async () => {
    const sent: unknown[] = [];
    serve(
      () =>
        outgoingDetail({
          status: 'in_review',
          docType: 'submission',
          actions: ['approve', 'return', 'forward', 'reject'],
        }),
      {
        [`${DETAIL_PATH}/approve`]: async (request) => {
          sent.push(await request.json());
          return Response.json(outgoingDetail({ status: 'approved', docType: 'submission' }));
        },
      },
    );
    renderDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    const dialog = await screen.findByRole('dialog');
    const note = within(dialog).getByRole('textbox', { name: /Ý kiến quyết định/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đồng ý' }));
    expect(await within(dialog).findByText('Vui lòng nhập ý kiến quyết định.')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(note, { target: { value: 'Đồng ý tổ chức hội nghị' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đồng ý' }));
    await waitFor(() => expect(sent).toEqual([{ decisionNote: 'Đồng ý tổ chức hội nghị' }]));
  }, 20_000);
});

describe('the delivery status of each recipient', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists every status a recipient went through, with reason and time', async () => {
    const at = (iso: string) => `2026-11-21T${iso}:00.000Z`;
    serve(() => outgoingDetail({ status: 'issued', fullNumber: '05/BGDĐT-GDPT' }), {
      [`${DETAIL_PATH}/dispatches`]: () =>
        Response.json({
          items: [
            {
              id: uuid(798),
              organizationId: uuid(990),
              organizationName: 'Sở GD&ĐT Hà Nội',
              channel: 'edugov',
              status: '04',
              label: { vi: 'Phân công', en: 'Assigned' },
              statusAt: at('03:30'),
              reason: null,
              history: [
                {
                  status: '01',
                  label: { vi: 'Đã đến', en: 'Arrived' },
                  reason: null,
                  actorName: null,
                  occurredAt: at('02:00'),
                },
                {
                  status: '03',
                  label: { vi: 'Đã tiếp nhận', en: 'Registered' },
                  reason: null,
                  actorName: 'Văn thư Sở',
                  occurredAt: at('02:45'),
                },
                {
                  status: '04',
                  label: { vi: 'Phân công', en: 'Assigned' },
                  reason: null,
                  actorName: 'Giám đốc Sở',
                  occurredAt: at('03:30'),
                },
              ],
            },
            {
              id: uuid(797),
              organizationId: uuid(991),
              organizationName: 'Sở GD&ĐT Nghệ An',
              channel: 'edugov',
              status: '02',
              label: { vi: 'Từ chối', en: 'Refused' },
              statusAt: at('16:10'),
              reason: 'Không đúng thẩm quyền',
              history: [
                {
                  status: '01',
                  label: { vi: 'Đã đến', en: 'Arrived' },
                  reason: null,
                  actorName: null,
                  occurredAt: at('02:00'),
                },
                {
                  status: '02',
                  label: { vi: 'Từ chối', en: 'Refused' },
                  reason: 'Không đúng thẩm quyền',
                  actorName: null,
                  occurredAt: at('16:10'),
                },
              ],
            },
          ],
        }),
    });
    renderDocument();
    const hanoi = await screen.findByRole('list', { name: 'Diễn biến tình trạng gửi tới Sở GD&ĐT Hà Nội' });
    expect(
      within(hanoi)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['21/11/2026 09:00 01 Đã đến', '21/11/2026 09:45 03 Đã tiếp nhận', '21/11/2026 10:30 04 Phân công']);
    const nghean = screen.getByRole('list', { name: 'Diễn biến tình trạng gửi tới Sở GD&ĐT Nghệ An' });
    // 16:10 UTC is 23:10 in Hà Nội, the same day.
    expect(
      within(nghean)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['21/11/2026 09:00 01 Đã đến', '21/11/2026 23:10 02 Từ chối — Không đúng thẩm quyền']);
  }, 20_000);
});
