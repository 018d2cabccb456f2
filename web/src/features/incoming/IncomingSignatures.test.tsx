import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockServer } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { FILE_ID, invalidReport, validation } from '../signatures/signatures.testData';
import { IncomingDetailPage } from './IncomingDetailPage';
import { IncomingListPage } from './IncomingListPage';
import { clerkMe, DOC_ID, documentTypes, incomingDetail } from './incoming.testData';
import type { IncomingDetail, IncomingSummary } from './incoming.types';

vi.mock('../files/PdfPreview', () => ({
  PdfPreview: ({ url }: { url?: string }) => <div data-testid="pdf-preview">{url}</div>,
}));

const DETAIL_PATH = `/api/v1/incoming-documents/${DOC_ID}`;
const LATEST = '/api/v1/signatures/validations/latest';

type IncomingFile = IncomingDetail['files'][number];
type FileSignatureInfo = NonNullable<IncomingFile['signature']>;

function mainFile(signature: FileSignatureInfo | null): IncomingFile {
  return {
    fileId: FILE_ID,
    kind: 'main',
    name: 'cong-van-2468.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 4096,
    addedAt: '2026-11-20T02:30:00.000Z',
    url: `${DETAIL_PATH}/files/${FILE_ID}`,
    signature,
  };
}

/** The document's summary of the main file's latest check. */
function checked(verdict: FileSignatureInfo['verdict'], signatureCount: number): FileSignatureInfo {
  return { verdict, signatureCount, validatedAt: '2026-11-20T02:31:00.000Z', reasons: [], signers: [] };
}

function renderDocument() {
  return renderWithProviders(
    <Routes>
      <Route path="/e-office/incoming/:id" element={<IncomingDetailPage />} />
    </Routes>,
    { route: `/e-office/incoming/${DOC_ID}`, me: clerkMe },
  );
}

function filesSection(): HTMLElement {
  return screen.getByRole('heading', { name: 'Tệp văn bản' }).closest('.mantine-Paper-root') as HTMLElement;
}

describe('the signatures of an incoming document', () => {
  afterEach(() => vi.restoreAllMocks());

  it("shows the main file's verdict from the document, and asks for the full report only when opened", async () => {
    const asked = mockServer({
      [DETAIL_PATH]: () => Response.json(incomingDetail({ files: [mainFile(checked('invalid', 2))] })),
      '/api/v1/document-types': () => Response.json(documentTypes),
      [LATEST]: () => Response.json(invalidReport),
    });
    renderDocument();
    await waitFor(() => expect(within(filesSection()).getByText('Chữ ký không hợp lệ')).toBeTruthy());
    expect(asked.filter((a) => a.startsWith(LATEST))).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Chi tiết chữ ký' }));
    const second = await screen.findByRole('group', { name: 'Chữ ký 2: Trần Thị Lan' });
    expect(within(second).getByText('Tài liệu có thay đổi được thêm sau khi ký mà không được ký')).toBeTruthy();
    expect(asked).toEqual(expect.arrayContaining([`${LATEST}?fileId=${FILE_ID}`]));
    // No fresh validation from the incoming page.
    expect(screen.queryByRole('button', { name: 'Kiểm tra chữ ký' })).toBeNull();
  });

  it('says when the PDF carries no signature at all', async () => {
    mockServer({
      [DETAIL_PATH]: () => Response.json(incomingDetail({ files: [mainFile(checked('indeterminate', 0))] })),
      '/api/v1/document-types': () => Response.json(documentTypes),
      [LATEST]: () => Response.json(validation({ verdict: 'indeterminate', signatures: [] })),
    });
    renderDocument();
    await waitFor(() => expect(within(filesSection()).getByText('Không có chữ ký số')).toBeTruthy());
    expect(within(filesSection()).queryByText('Chưa xác định được')).toBeNull();
  });

  it('shows nothing about signatures for a file never checked', async () => {
    const asked = mockServer({
      [DETAIL_PATH]: () => Response.json(incomingDetail({ files: [mainFile(null)] })),
      '/api/v1/document-types': () => Response.json(documentTypes),
    });
    renderDocument();
    expect(await screen.findByText('cong-van-2468.pdf')).toBeTruthy();
    expect(within(filesSection()).queryByText(/Chữ ký/)).toBeNull();
    expect(asked.filter((a) => a.startsWith(LATEST))).toEqual([]);
  });

  it('shows a small verdict badge per row of the inbox', async () => {
    const { id, ...rest } = incomingDetail();
    const row = (n: number, subject: string, signatureVerdict: IncomingSummary['signatureVerdict']) =>
      ({
        ...rest,
        id: id.replace(/\d{3}$/, String(n).padStart(3, '0')),
        subject,
        leadUnitName: null,
        leadUserName: null,
        signatureVerdict,
      }) as IncomingSummary;
    mockServer({
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/incoming-documents': () =>
        Response.json({
          items: [row(1, 'Văn bản ký số', 'valid'), row(2, 'Văn bản bị sửa', 'invalid'), row(3, 'Văn bản giấy', null)],
          total: 3,
        }),
    });
    renderWithProviders(<IncomingListPage />, { route: '/e-office/incoming?view=all', me: clerkMe });
    expect(await screen.findByRole('columnheader', { name: 'Chữ ký số' })).toBeTruthy();
    const signed = (await screen.findByRole('link', { name: 'Văn bản ký số' })).closest('tr')!;
    expect(within(signed).getByText('Chữ ký hợp lệ')).toBeTruthy();
    const changed = screen.getByRole('link', { name: 'Văn bản bị sửa' }).closest('tr')!;
    expect(within(changed).getByText('Chữ ký không hợp lệ')).toBeTruthy();
    const paper = screen.getByRole('link', { name: 'Văn bản giấy' }).closest('tr')!;
    expect(paper.querySelector('[data-verdict]')).toBeNull();
  });
});
