import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { apiError, mockServer, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { FileUploadButton } from './FileUploadButton';
import { PdfPreview } from './PdfPreview';

/** A stand-in for the browser's XMLHttpRequest that the test answers by hand. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | undefined;
  withCredentials = false;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: ((e: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const stored = {
  id: '00000000-0000-4000-8000-0000000000aa',
  name: 'Công văn số 15.pdf',
  sizeBytes: 4,
  mediaType: 'application/pdf',
  sha256: 'a'.repeat(64),
  createdAt: '2026-01-05T02:00:00.000Z',
};

function pickFile(name = 'Công văn số 15.pdf') {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['%PDF'], name, { type: 'application/pdf' })] } });
}

async function lastRequest(): Promise<FakeXhr> {
  await waitFor(() => expect(FakeXhr.sent.length).toBeGreaterThan(0));
  return FakeXhr.sent[FakeXhr.sent.length - 1]!;
}

describe('FileUploadButton', () => {
  beforeEach(() => {
    FakeXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    await changeLanguage('vi');
  });

  it('uploads the picked file with the CSRF token, shows progress, and hands over the stored file', async () => {
    const onUploaded = vi.fn();
    renderWithProviders(<FileUploadButton onUploaded={onUploaded} />, { me: specialistMe });
    expect(screen.getByRole('button', { name: 'Tải tệp lên' })).toBeTruthy();
    pickFile();
    const xhr = await lastRequest();
    expect([xhr.method, xhr.url]).toEqual(['POST', '/api/v1/files']);
    expect(xhr.headers['X-CSRF-Token']).toBe(specialistMe.csrfToken);
    expect(xhr.headers['Accept-Language']).toBe('vi');
    expect((xhr.body?.get('file') as File).name).toBe('Công văn số 15.pdf');

    await act(async () => xhr.progress(50, 100));
    expect(await screen.findByText('Đang tải lên Công văn số 15.pdf: 50%')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    expect((screen.getByRole('button', { name: 'Tải tệp lên' }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => xhr.respond(201, stored));
    await waitFor(() => expect(onUploaded).toHaveBeenCalledWith(stored));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says in Vietnamese or English why the server refused the file', async () => {
    renderWithProviders(<FileUploadButton onUploaded={vi.fn()} />, { me: specialistMe });
    pickFile('setup.exe');
    const refused = await lastRequest();
    await act(async () => refused.respond(415, { error: { code: 'files.unsupported_type', message: 'x' } }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh (PNG, JPEG, TIFF)',
    );

    await act(() => changeLanguage('en'));
    pickFile('huge.pdf');
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    expect(FakeXhr.sent[1]!.headers['Accept-Language']).toBe('en');
    // A proxy in front of the server answers 413 with its own HTML page.
    await act(async () => FakeXhr.sent[1]!.respond(413, '<html>Request Entity Too Large</html>'));
    expect((await screen.findByRole('alert')).textContent).toContain('The file is larger than allowed');
  });

  it('cancels an upload without showing an error', async () => {
    const onUploaded = vi.fn();
    renderWithProviders(<FileUploadButton onUploaded={onUploaded} />, { me: specialistMe });
    pickFile();
    const xhr = await lastRequest();
    const cancel = await screen.findByRole('button', { name: 'Hủy tải lên' });
    await act(async () => fireEvent.click(cancel));
    expect(xhr.aborted).toBe(true);
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Tải tệp lên' }) as HTMLButtonElement).disabled).toBe(false),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onUploaded).not.toHaveBeenCalled();
  });
});

describe('PdfPreview', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for the inline content and says clearly when the file cannot be shown', async () => {
    const asked = mockServer({
      '/api/v1/files/00000000-0000-4000-8000-0000000000aa/content': () => apiError(404, 'files.not_found'),
    });
    renderWithProviders(<PdfPreview fileId={stored.id} />, { me: specialistMe });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Không hiển thị được tệp PDF');
    expect(alert.textContent).toContain('Không tìm thấy tệp, hoặc bạn không có quyền xem tệp này.');
    expect(asked).toEqual([`/api/v1/files/${stored.id}/content?inline=true`]);
  });
});
