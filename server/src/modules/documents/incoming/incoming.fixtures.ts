/** Test helpers for incoming documents: a real PDF to upload, and a registration body with sensible defaults. */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { foldVietnamese } from '../../../platform/text.ts';
import type { Client } from '../../../test/test-app.ts';

export async function pdfBytes(text = 'Van ban den'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(foldVietnamese(text), { x: 72, y: 760, size: 14, font: await pdf.embedFont(StandardFonts.TimesRoman) });
  return pdf.save();
}

export async function uploadPdf(client: Client, name = 'Công văn scan.pdf'): Promise<string> {
  const res = await client.upload('/api/v1/files', {
    name,
    bytes: await pdfBytes(name),
    contentType: 'application/pdf',
  });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

let counter = 0;

export function incomingBody(mainFileId: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    issuerName: 'Bộ Giáo dục và Đào tạo',
    numberNotation: `${1000 + counter}/BGDĐT-GDPT`,
    documentDate: '2026-11-20',
    docType: 'official_letter',
    subject: 'Hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2026-2027',
    signerName: 'Nguyễn Văn A',
    signerPosition: 'Thứ trưởng',
    urgency: 'normal',
    confidentiality: 'normal',
    pageCount: 3,
    source: 'paper',
    mainFileId,
    ...overrides,
  };
}

/** Registers a document as the clerk and returns its detail. */
export async function registerIncoming(clerk: Client, overrides: Record<string, unknown> = {}) {
  const fileId = await uploadPdf(clerk);
  const res = await clerk.post('/api/v1/incoming-documents', incomingBody(fileId, overrides));
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
