import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation, useParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { addDays, vietnamDate } from '../../lib/dates';
import { mockServer } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { clerkMe, DOC_ID, documentTypes, incomingDetail, registers } from './incoming.testData';
import { RegisterIncomingPage } from './RegisterIncomingPage';

// pdf.js does not run in jsdom; the preview is the files feature's own concern (and test).
vi.mock('../files/PdfPreview', () => ({
  PdfPreview: ({ fileId }: { fileId?: string }) => <div data-testid="pdf-preview">{fileId}</div>,
}));

const scan = {
  id: '00000000-0000-4000-8000-0000000000aa',
  name: 'CV 2468 scan.pdf',
  sizeBytes: 2048,
  mediaType: 'application/pdf',
  sha256: 'a'.repeat(64),
  createdAt: '2026-11-20T02:00:00.000Z',
};

/** XMLHttpRequest that stores every upload as `scan` at once. */
class InstantUpload {
  status = 0;
  responseText = '';
  upload = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  withCredentials = false;
  open() {}
  setRequestHeader() {}
  abort() {}
  send() {
    this.status = 201;
    this.responseText = JSON.stringify(scan);
    setTimeout(() => this.onload?.(), 0);
  }
}

const duplicate = {
  id: '00000000-0000-4000-8000-000000000777',
  arrivalNumber: 6,
  arrivalYear: 2026,
  subject: 'Hướng dẫn kỳ thi (bản đã vào sổ)',
};

/** The document's page, as far as this test needs it: which document, and what the form said on the way. */
function DocumentPageStub() {
  const { id } = useParams();
  const location = useLocation();
  return (
    <p>
      document {id} {JSON.stringify(location.state)}
    </p>
  );
}

function renderForm() {
  return renderWithProviders(
    <Routes>
      <Route path="/e-office/incoming/new" element={<RegisterIncomingPage />} />
      <Route path="/e-office/incoming/:id" element={<DocumentPageStub />} />
    </Routes>,
    { route: '/e-office/incoming/new', me: clerkMe },
  );
}

async function choose(label: RegExp, option: string) {
  fireEvent.click(screen.getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

/** Uploads the scan and fills in the required metadata. */
async function fillInRequired(documentDate: string) {
  const mainInput = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(mainInput, { target: { files: [new File(['%PDF'], scan.name, { type: 'application/pdf' })] } });
  expect(await screen.findByText('CV 2468 scan.pdf')).toBeTruthy();
  fireEvent.change(screen.getByRole('textbox', { name: /Cơ quan ban hành/ }), {
    target: { value: 'Bộ Giáo dục và Đào tạo' },
  });
  fireEvent.change(screen.getByRole('textbox', { name: /Số, ký hiệu/ }), { target: { value: '2468/BGDĐT-QLCL' } });
  fireEvent.change(screen.getByLabelText(/Ngày văn bản/), { target: { value: documentDate } });
  await choose(/Loại văn bản/, 'Công văn');
  fireEvent.change(screen.getByRole('textbox', { name: /Trích yếu/ }), {
    target: { value: 'Hướng dẫn tổ chức kỳ thi chọn học sinh giỏi' },
  });
}

const signatureReasons = [
  { code: 'signature_invalid', vi: 'Có chữ ký không hợp lệ', en: 'At least one signature is invalid' },
  {
    code: 'unsigned_changes',
    vi: 'Văn bản bị sửa đổi sau khi ký',
    en: 'The document was changed after it was signed',
  },
];

function signatureInvalid(): Response {
  return Response.json(
    {
      error: {
        code: 'documents.signature_invalid',
        message: 'Chữ ký số của văn bản không hợp lệ (văn bản có thể đã bị sửa đổi sau khi ký)',
        details: { fileId: scan.id, verdict: 'invalid', reasons: signatureReasons },
      },
    },
    { status: 409 },
  );
}

describe('RegisterIncomingPage', () => {
  beforeEach(() => {
    vi.stubGlobal('XMLHttpRequest', InstantUpload);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    await changeLanguage('vi');
  });

  it('warns of a possible duplicate, and registers anyway only after the clerk confirms', async () => {
    const documentDate = addDays(vietnamDate(), -2);
    const sent: Record<string, unknown>[] = [];
    const asked = mockServer({
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/registers': () => Response.json(registers),
      '/api/v1/incoming-documents/duplicates': () => Response.json({ items: [{ ...duplicate, status: 'completed' }] }),
      '/api/v1/incoming-documents': async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        if (!body.allowDuplicate) {
          return Response.json(
            {
              error: {
                code: 'documents.possible_duplicate',
                message: 'Có thể trùng văn bản đã vào sổ',
                details: { duplicates: [duplicate] },
              },
            },
            { status: 409 },
          );
        }
        return Response.json(incomingDetail({ arrivalNumber: 8 }), { status: 201 });
      },
    });
    renderForm();

    const mainInput = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(mainInput, { target: { files: [new File(['%PDF'], scan.name, { type: 'application/pdf' })] } });
    expect(await screen.findByText('CV 2468 scan.pdf')).toBeTruthy();
    expect(screen.getByTestId('pdf-preview').textContent).toBe(scan.id);

    fireEvent.change(screen.getByRole('textbox', { name: /Cơ quan ban hành/ }), {
      target: { value: 'Bộ Giáo dục và Đào tạo' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /Số, ký hiệu/ }), { target: { value: '2468/BGDĐT-QLCL' } });
    fireEvent.change(screen.getByLabelText(/Ngày văn bản/), { target: { value: documentDate } });
    await choose(/Loại văn bản/, 'Công văn');
    fireEvent.change(screen.getByRole('textbox', { name: /Trích yếu/ }), {
      target: { value: 'Hướng dẫn tổ chức kỳ thi chọn học sinh giỏi' },
    });

    // As soon as issuer, number and date are filled in, the registered twin is named.
    const warning = await screen.findByRole('status', undefined, { timeout: 3000 });
    expect(warning.textContent).toContain('Có thể trùng văn bản đã vào sổ');
    expect(within(warning).getByRole('link', { name: 'Số đến 6/2026' })).toBeTruthy();
    expect(asked).toContain(
      `/api/v1/incoming-documents/duplicates?issuerName=${encodeURIComponent('Bộ Giáo dục và Đào tạo')}` +
        `&numberNotation=${encodeURIComponent('2468/BGDĐT-QLCL')}&documentDate=${documentDate}`,
    );

    // The server refuses the first attempt: nothing is registered until the clerk confirms.
    fireEvent.click(screen.getByRole('button', { name: 'Vào sổ' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain('Hướng dẫn kỳ thi (bản đã vào sổ)');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      issuerName: 'Bộ Giáo dục và Đào tạo',
      numberNotation: '2468/BGDĐT-QLCL',
      documentDate,
      docType: 'official_letter',
      urgency: 'normal',
      confidentiality: 'normal',
      source: 'paper',
      mainFileId: scan.id,
    });
    expect(sent[0]!.allowDuplicate).toBeUndefined();

    await act(async () => fireEvent.click(within(refusal).getByRole('button', { name: 'Vẫn vào sổ' })));
    await waitFor(() => expect(screen.getByText(new RegExp(`document ${DOC_ID}`))).toBeTruthy());
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ ...sent[0], allowDuplicate: true });
    // The document's page is told the arrival number, to say "Đã vào sổ, số đến 8".
    expect(screen.getByText(/"registeredNumber":8/)).toBeTruthy();
  }, 20_000);

  it('refuses an invalid signature with its reasons; registers anyway only with the box ticked and a note', async () => {
    const sent: Record<string, unknown>[] = [];
    mockServer({
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/registers': () => Response.json(registers),
      '/api/v1/incoming-documents/duplicates': () => Response.json({ items: [] }),
      '/api/v1/incoming-documents': async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        if (!body.allowDuplicate) {
          return Response.json(
            {
              error: {
                code: 'documents.possible_duplicate',
                message: 'Có thể trùng văn bản đã vào sổ',
                details: { duplicates: [duplicate] },
              },
            },
            { status: 409 },
          );
        }
        if (!body.acceptInvalidSignature) return signatureInvalid();
        return Response.json(incomingDetail({ arrivalNumber: 9 }), { status: 201 });
      },
    });
    renderForm();
    await fillInRequired(addDays(vietnamDate(), -2));

    // The server first finds a possible duplicate, which the clerk confirms; then the invalid signature.
    fireEvent.click(screen.getByRole('button', { name: 'Vào sổ' }));
    const registerAnyway = await screen.findByRole('button', { name: 'Vẫn vào sổ' });
    await act(async () => fireEvent.click(registerAnyway));
    const warning = (
      await screen.findByText('Chữ ký số của văn bản không hợp lệ. Văn bản có thể đã bị sửa đổi hoặc giả mạo.')
    ).closest('[role="alert"]') as HTMLElement;
    expect(warning.textContent).toContain('Có chữ ký không hợp lệ');
    expect(warning.textContent).toContain('Văn bản bị sửa đổi sau khi ký');
    expect(within(warning).getByText('Chữ ký không hợp lệ')).toBeTruthy();
    const accept = within(warning).getByRole('checkbox', { name: 'Vẫn vào sổ văn bản này' }) as HTMLInputElement;
    expect(accept.checked).toBe(false);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ allowDuplicate: true, mainFileId: scan.id });
    expect(sent[1]!.acceptInvalidSignature).toBeUndefined();

    // The reasons follow the UI language.
    await act(() => changeLanguage('en'));
    expect(
      await screen.findByText(
        "The document's digital signature is invalid. The document may have been altered or forged.",
      ),
    ).toBeTruthy();
    expect(screen.getByText('The document was changed after it was signed')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Register this document anyway' })).toBeTruthy();
    expect(screen.queryByText('Văn bản bị sửa đổi sau khi ký')).toBeNull();
    await act(() => changeLanguage('vi'));

    // Ticked without a note: the note is required and nothing is sent.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Vẫn vào sổ văn bản này' }));
    fireEvent.click(screen.getByRole('button', { name: 'Vào sổ' }));
    const note = screen.getByRole('textbox', { name: /Lý do \/ ghi chú/ });
    expect(await screen.findByText('Bắt buộc nhập')).toBeTruthy();
    expect(sent).toHaveLength(2);

    fireEvent.change(note, { target: { value: 'Đã gọi điện xác nhận với Bộ: bản gửi đúng nội dung' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vào sổ' })));
    await waitFor(() => expect(screen.getByText(new RegExp(`document ${DOC_ID}`))).toBeTruthy());
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({
      ...sent[1],
      allowDuplicate: true,
      acceptInvalidSignature: true,
      signatureNote: 'Đã gọi điện xác nhận với Bộ: bản gửi đúng nội dung',
    });
  }, 20_000);

  it('shows what is missing or wrong under each field, in Vietnamese then English, and sends nothing', async () => {
    const asked = mockServer({
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/registers': () => Response.json(registers),
    });
    renderForm();
    fireEvent.change(screen.getByLabelText(/Ngày văn bản/), { target: { value: addDays(vietnamDate(), 3) } });
    fireEvent.click(screen.getByRole('button', { name: 'Vào sổ' }));

    expect(await screen.findByText('Cần tải lên bản scan văn bản (PDF)')).toBeTruthy();
    expect(screen.getAllByText('Bắt buộc nhập')).toHaveLength(4);
    expect(screen.getByText('Ngày văn bản không được sau ngày đến')).toBeTruthy();

    await act(() => changeLanguage('en'));
    expect(await screen.findByText('Upload the scanned document (PDF)')).toBeTruthy();
    expect(screen.getAllByText('Required')).toHaveLength(4);
    expect(screen.getByText('The document date cannot be after the arrival date')).toBeTruthy();
    expect(asked.filter((a) => a.startsWith('/api/v1/incoming-documents'))).toEqual([]);
  }, 15_000);

  it('offers only confidential registers for a classified document', async () => {
    mockServer({
      '/api/v1/document-types': () => Response.json(documentTypes),
      '/api/v1/registers': () => Response.json(registers),
    });
    renderForm();
    fireEvent.click(await screen.findByRole('combobox', { name: /Sổ đăng ký/ }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Sổ văn bản đến']);
    fireEvent.click(screen.getByRole('combobox', { name: /Sổ đăng ký/ }));

    await choose(/Độ mật/, 'Mật');
    fireEvent.click(screen.getByRole('combobox', { name: /Sổ đăng ký/ }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Sổ văn bản mật đến']);
  }, 15_000);
});
