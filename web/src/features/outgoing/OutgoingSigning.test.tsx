import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { mockServer, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { clerkMe, documentTypes } from '../incoming/incoming.testData';
import { FILE_ID, validation } from '../signatures/signatures.testData';
import { OutgoingDetailPage } from './OutgoingDetailPage';
import { comparison, OUT_ID, outgoingDetail } from './outgoing.testData';
import type { OutgoingDetail } from './outgoing.types';

vi.mock('../files/PdfPreview', () => ({
  PdfPreview: ({ url }: { url?: string }) => <div data-testid="pdf-preview">{url}</div>,
}));

const DETAIL_PATH = `/api/v1/outgoing-documents/${OUT_ID}`;
const PIN_LABEL = /Mã PIN chứng thư số/;

type Signing = OutgoingDetail['signing'];

/** A document the organisation signs digitally, with more of the `signing` part. */
function withSigning(doc: OutgoingDetail, signing: Partial<Signing> = {}): OutgoingDetail {
  return { ...doc, signing: { ...doc.signing, required: true, ...signing } };
}

/** In review at stage `currentStage` of a two-stage route (the second is the leader's approval). */
function inReview(currentStage: number): OutgoingDetail {
  return outgoingDetail({
    status: 'in_review',
    actions: ['approve'],
    route: {
      id: '00000000-0000-4000-8000-000000000731',
      templateId: '00000000-0000-4000-8000-000000000732',
      templateName: 'Quy trình mặc định',
      round: 1,
      revision: 2,
      status: 'active',
      currentStage,
      stages: [
        { name: 'Trưởng đơn vị duyệt', kind: 'review', mode: 'any', reviewers: [{ role: 'unit_head' }] },
        { name: 'Lãnh đạo duyệt, ký', kind: 'approve', mode: 'any', reviewers: [{ role: 'leader' }] },
      ],
      submittedAt: '2026-11-20T03:00:00.000Z',
      endedAt: null,
    },
  });
}

function renderDocument(me: Me = specialistMe) {
  return renderWithProviders(
    <Routes>
      <Route path="/e-office/outgoing/:id" element={<OutgoingDetailPage />} />
    </Routes>,
    { route: `/e-office/outgoing/${OUT_ID}`, me },
  );
}

function serve(detail: OutgoingDetail, more: Parameters<typeof mockServer>[0] = {}) {
  return mockServer({
    [DETAIL_PATH]: () => Response.json(detail),
    [`${DETAIL_PATH}/revisions/compare`]: () => Response.json(comparison),
    '/api/v1/document-types': () => Response.json(documentTypes),
    '/api/v1/registers': () => Response.json({ items: [] }),
    ...more,
  });
}

/** Records each body posted to a step, answering with `answer` (the document, by default). */
function recordStep(sent: unknown[], answer?: () => Response) {
  return async (request: Request) => {
    sent.push(await request.json());
    return answer ? answer() : Response.json(outgoingDetail({ status: 'approved' }));
  };
}

async function openStep(name: string) {
  fireEvent.click(await screen.findByRole('button', { name }));
  return screen.findByRole('dialog');
}

describe('signing an outgoing document with the certificate PIN', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks the PIN when approving the last stage, never autofills it, and sends it with the approval', async () => {
    const sent: unknown[] = [];
    serve(withSigning(inReview(1)), { [`${DETAIL_PATH}/approve`]: recordStep(sent) });
    renderDocument();
    const dialog = await openStep('Đồng ý');
    const pin = within(dialog).getByLabelText(PIN_LABEL) as HTMLInputElement;
    expect(pin.type).toBe('password');
    expect(pin.getAttribute('autocomplete')).toBe('off');
    expect(pin.getAttribute('name')).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Đồng ý' }));
    expect(await within(dialog).findByText('Vui lòng nhập mã PIN chứng thư số.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(pin, { target: { value: '123456' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đồng ý' }));
    await waitFor(() => expect(sent).toEqual([{ pin: '123456' }]));
  });

  it('does not ask the PIN before the last stage, nor when the document is not signed', async () => {
    const sent: unknown[] = [];
    serve(withSigning(inReview(0)), { [`${DETAIL_PATH}/approve`]: recordStep(sent) });
    const view = renderDocument();
    let dialog = await openStep('Đồng ý');
    expect(within(dialog).queryByLabelText(PIN_LABEL)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đồng ý' }));
    await waitFor(() => expect(sent).toEqual([{}]));
    view.unmount();
    vi.restoreAllMocks();

    serve(withSigning(inReview(1), { required: false }));
    renderDocument();
    dialog = await openStep('Đồng ý');
    expect(within(dialog).queryByLabelText(PIN_LABEL)).toBeNull();
  });

  it("sends the organisation certificate's PIN when issuing and shows the server's message for a wrong PIN", async () => {
    const sent: unknown[] = [];
    const message = 'Mã PIN của chứng thư số không đúng';
    serve(withSigning(outgoingDetail({ status: 'approved', actions: ['issue'] })), {
      [`${DETAIL_PATH}/issue`]: recordStep(sent, () =>
        Response.json({ error: { code: 'signatures.wrong_pin', message, details: null } }, { status: 400 }),
      ),
    });
    renderDocument(clerkMe);
    const dialog = await openStep('Phát hành');
    fireEvent.change(within(dialog).getByLabelText(PIN_LABEL), { target: { value: '000000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phát hành' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(message);
    expect(sent).toEqual([expect.objectContaining({ pin: '000000' })]);
    expect((within(dialog).getByLabelText(PIN_LABEL) as HTMLInputElement).value).toBe('000000');
  });

  it('shows the PIN field when the server says a PIN is needed although the page did not expect it', async () => {
    const sent: unknown[] = [];
    const message = 'Cần nhập mã PIN của chứng thư số để ký';
    serve(outgoingDetail({ status: 'approved', actions: ['issue'] }), {
      [`${DETAIL_PATH}/issue`]: recordStep(sent, () =>
        Response.json({ error: { code: 'signatures.pin_required', message, details: null } }, { status: 400 }),
      ),
    });
    renderDocument(clerkMe);
    const dialog = await openStep('Phát hành');
    expect(within(dialog).queryByLabelText(PIN_LABEL)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phát hành' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(message);
    fireEvent.change(await within(dialog).findByLabelText(PIN_LABEL), { target: { value: '123456' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phát hành' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).not.toHaveProperty('pin');
    expect(sent[1]).toEqual(expect.objectContaining({ pin: '123456' }));
  });
});

describe('the signatures of the issued PDF', () => {
  afterEach(() => vi.restoreAllMocks());

  const SIGNED_ID = '00000000-0000-4000-8000-000000000803';

  function issued(officialVerdict: 'valid' | null): OutgoingDetail {
    return withSigning(
      outgoingDetail({
        status: 'issued',
        fullNumber: '05/BGDĐT-GDPT',
        issuedAt: '2026-11-21T02:00:00.000Z',
        officialFileUrl: `${DETAIL_PATH}/files/${FILE_ID}`,
      }),
      {
        signedAt: '2026-11-21T02:00:00.000Z',
        signedByName: 'Nguyễn Văn Phúc',
        signedFileId: SIGNED_ID,
        signedFileUrl: `${DETAIL_PATH}/files/${SIGNED_ID}`,
        officialVerdict,
        officialValidatedAt: officialVerdict ? '2026-11-21T02:01:00.000Z' : null,
      },
    );
  }

  it('before issue, says who signed when, with the signed PDF', async () => {
    const approved = withSigning(outgoingDetail({ status: 'approved' }), {
      signedAt: '2026-11-21T02:00:00.000Z',
      signedByName: 'Nguyễn Văn Phúc',
      signedFileId: SIGNED_ID,
      signedFileUrl: `${DETAIL_PATH}/files/${SIGNED_ID}`,
    });
    serve(approved);
    renderDocument();
    expect(await screen.findByText(/Ký số bởi Nguyễn Văn Phúc lúc 21\/11\/2026 09:00/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bản đã ký' }).getAttribute('href')).toBe(
      `${DETAIL_PATH}/files/${SIGNED_ID}`,
    );
  });

  it("shows the official PDF's verdict from the document to anyone who reads it", async () => {
    const asked = serve(issued('valid'), { [`${DETAIL_PATH}/dispatches`]: () => Response.json({ items: [] }) });
    renderDocument();
    expect(await screen.findByText('Chữ ký hợp lệ')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kiểm tra chữ ký' })).toBeNull();
    expect(asked.filter((a) => a.startsWith('/api/v1/signatures'))).toEqual([]);
  });

  it('a clerk checks the official PDF again and reads the report', async () => {
    const asked: string[] = [];
    serve(issued(null), {
      [`${DETAIL_PATH}/dispatches`]: () => Response.json({ items: [] }),
      '/api/v1/signatures/validations/latest': () =>
        Response.json({ error: { code: 'record.not_found', message: 'x', details: null } }, { status: 404 }),
      '/api/v1/signatures/validations': async (request) => {
        asked.push(JSON.stringify(await request.json()));
        return Response.json(validation(), { status: 201 });
      },
    });
    renderDocument(clerkMe);
    expect(await screen.findByText('Ký số bởi Nguyễn Văn Phúc lúc 21/11/2026 09:00')).toBeTruthy();
    expect(await screen.findByText('Chưa kiểm tra chữ ký')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra chữ ký' }));
    await waitFor(() => expect(asked).toEqual([JSON.stringify({ fileId: FILE_ID })]));
    expect(await screen.findByText('Kết quả kiểm tra chữ ký số')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Chữ ký 1: Nguyễn Văn Phúc' })).toBeTruthy();
    expect(screen.getAllByText('Chữ ký hợp lệ').length).toBeGreaterThan(0);
  });
});
