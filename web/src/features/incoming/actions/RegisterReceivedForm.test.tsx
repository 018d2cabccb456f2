import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../../i18n/i18n';
import { mockServer } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { clerkMe, DOC_ID, incomingDetail, registers } from '../incoming.testData';
import { RegisterReceivedForm } from './RegisterReceivedForm';

const REGISTER_PATH = `/api/v1/incoming-documents/${DOC_ID}/register`;

const reasons = [
  { code: 'signature_invalid', vi: 'Có chữ ký không hợp lệ', en: 'At least one signature is invalid' },
  { code: 'cert_revoked', vi: 'Chứng thư số đã bị thu hồi', en: 'The certificate was revoked' },
];

describe('RegisterReceivedForm', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await changeLanguage('vi');
  });

  it('shows why the signature is invalid, and registers anyway with the note once the clerk ticks the box', async () => {
    const doc = incomingDetail({ status: 'received', actions: ['register', 'refuse'] });
    const sent: Record<string, unknown>[] = [];
    mockServer({
      '/api/v1/registers': () => Response.json(registers),
      [REGISTER_PATH]: async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        if (!body.acceptInvalidSignature) {
          return Response.json(
            {
              error: {
                code: 'documents.signature_invalid',
                message: 'Chữ ký số của văn bản không hợp lệ',
                details: { fileId: '00000000-0000-4000-8000-0000000000aa', verdict: 'invalid', reasons },
              },
            },
            { status: 409 },
          );
        }
        return Response.json(incomingDetail({ status: 'registered', arrivalNumber: 12 }));
      },
    });
    const onDone = vi.fn();
    renderWithProviders(<RegisterReceivedForm doc={doc} onDone={onDone} />, { me: clerkMe });

    fireEvent.click(screen.getByRole('button', { name: 'Vào sổ' }));
    expect(
      await screen.findByText('Chữ ký số của văn bản không hợp lệ. Văn bản có thể đã bị sửa đổi hoặc giả mạo.'),
    ).toBeTruthy();
    expect(screen.getByText('Chứng thư số đã bị thu hồi')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Vẫn vào sổ văn bản này' })).toBeTruthy();
    expect(sent).toEqual([{ version: doc.version }]);

    await act(() => changeLanguage('en'));
    expect(await screen.findByText('The certificate was revoked')).toBeTruthy();
    await act(() => changeLanguage('vi'));

    // Sending again without ticking the box is refused again; ticked, the note is required.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vào sổ' })));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(await screen.findByText('Chứng thư số đã bị thu hồi')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Vẫn vào sổ văn bản này' }));
    fireEvent.click(screen.getByRole('button', { name: 'Vào sổ' }));
    expect(await screen.findByText('Bắt buộc nhập')).toBeTruthy();
    expect(sent).toHaveLength(2);

    fireEvent.change(screen.getByRole('textbox', { name: /Lý do \/ ghi chú/ }), {
      target: { value: '  Nơi gửi xác nhận bản này đúng nội dung  ' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vào sổ' })));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent[2]).toEqual({
      version: doc.version,
      acceptInvalidSignature: true,
      signatureNote: 'Nơi gửi xác nhận bản này đúng nội dung',
    });
  }, 15_000);
});
