import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockServer, person, specialistMe } from '../../test/fixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { clerkMe } from '../incoming/incoming.testData';
import { CopySection } from './CopySection';
import type { DocumentCopy } from './copies.queries';

const DOC = '00000000-0000-4000-8000-0000000000d1';
const LEADER = person(21, 'Phạm Đức Thịnh', 'bgd.lanhdao', { roles: ['leader'], positionName: 'Thứ trưởng' });

function copy(more: Partial<DocumentCopy> = {}): DocumentCopy {
  const id = more.id ?? '00000000-0000-4000-8000-0000000000c1';
  return {
    id,
    form: 'SY',
    formLabel: { vi: 'Sao y', en: 'Certified true copy (sao y)' },
    medium: 'paper',
    fullNumber: '01/SY-BGDĐT',
    number: 1,
    year: 2026,
    notation: 'SY-BGDĐT',
    date: '2026-11-27',
    madeAt: '2026-11-27T03:00:00.000Z',
    outgoingId: DOC,
    incomingId: null,
    sourceCopyId: null,
    sourceCopyNumber: null,
    sourceNumber: '15/BGDĐT-GDPT',
    pages: null,
    excerpt: null,
    confidential: false,
    signerUserId: LEADER.id,
    signerName: LEADER.fullName,
    signerTitle: 'Thứ trưởng',
    recipients: [],
    pageCount: 2,
    fileUrl: `/api/v1/document-copies/${id}/file`,
    createdByName: 'Văn thư',
    createdAt: '2026-11-27T03:00:00.000Z',
    ...more,
  };
}

describe('CopySection', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the copies; a clerk makes a trích sao of pages 2-3 signed by a leader and downloads it', async () => {
    const posted: unknown[] = [];
    const made = copy({
      id: '00000000-0000-4000-8000-0000000000c2',
      form: 'TrS',
      fullNumber: '01/TrS-BGDĐT',
      pages: '2-3',
    });
    let answer: Response | null = apiError(400, 'documents.copy_invalid_pages');
    mockServer({
      [`/api/v1/outgoing-documents/${DOC}/copies`]: () => Response.json({ items: [copy()] }),
      '/api/v1/people': () => Response.json({ items: [LEADER] }),
      '/api/v1/document-copies': async (request) => {
        posted.push(await request.json());
        const res = answer ?? Response.json(made, { status: 201 });
        answer = null;
        return res;
      },
    });
    renderWithProviders(<CopySection kind="outgoing" id={DOC} />, { me: clerkMe });

    const table = await screen.findByRole('table', { name: 'Bản sao' });
    expect(within(table).getByText('01/SY-BGDĐT')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Tải PDF' }).getAttribute('href')).toBe(
      '/api/v1/document-copies/00000000-0000-4000-8000-0000000000c1/file',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Tạo bản sao' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tạo bản sao' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Trích sao' }));
    fireEvent.change(await within(dialog).findByRole('textbox', { name: /Các trang/ }), { target: { value: '2-3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tạo bản sao' }));
    // Nothing is sent without a signer.
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Hãy chọn người ký bản sao');
    expect(posted).toEqual([]);
    fireEvent.click(within(dialog).getByRole('combobox', { name: /Người ký/ }));
    fireEvent.click(await screen.findByRole('option', { name: /Phạm Đức Thịnh/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tạo bản sao' }));
    // The server's refusal is shown; the second try succeeds.
    await waitFor(() => expect(posted).toHaveLength(1));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('documents.copy_invalid_pages');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tạo bản sao' }));
    await within(dialog).findByText('Đã tạo bản sao số 01/TrS-BGDĐT.');
    expect(posted[1]).toEqual({
      source: { type: 'outgoing', id: DOC },
      form: 'TrS',
      medium: 'paper',
      signerUserId: LEADER.id,
      recipients: [],
      pages: '2-3',
    });
    expect(within(dialog).getByRole('link', { name: 'Tải bản sao (PDF)' }).getAttribute('href')).toBe(made.fileUrl);
  }, 20_000);

  it('offers a sao lục on a sao y, and nothing to make for a specialist', async () => {
    const posted: unknown[] = [];
    mockServer({
      [`/api/v1/outgoing-documents/${DOC}/copies`]: () => Response.json({ items: [copy()] }),
      '/api/v1/people': () => Response.json({ items: [LEADER] }),
      '/api/v1/document-copies': async (request) => {
        posted.push(await request.json());
        return Response.json(copy({ form: 'SL', fullNumber: '01/SL-BGDĐT' }), { status: 201 });
      },
    });
    const view = renderWithProviders(<CopySection kind="outgoing" id={DOC} />, { me: clerkMe });
    fireEvent.click(await screen.findByRole('button', { name: 'Sao lục' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sao lục từ bản sao y số 01/SY-BGDĐT' });
    fireEvent.click(within(dialog).getByRole('combobox', { name: /Người ký/ }));
    fireEvent.click(await screen.findByRole('option', { name: /Phạm Đức Thịnh/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tạo bản sao' }));
    await within(dialog).findByText('Đã tạo bản sao số 01/SL-BGDĐT.');
    expect(posted[0]).toMatchObject({ source: { type: 'copy', id: copy().id }, form: 'SL' });
    view.unmount();

    renderWithProviders(<CopySection kind="outgoing" id={DOC} />, { me: specialistMe });
    await screen.findByRole('table', { name: 'Bản sao' });
    expect(screen.queryByRole('button', { name: 'Tạo bản sao' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sao lục' })).toBeNull();
  }, 20_000);
});
