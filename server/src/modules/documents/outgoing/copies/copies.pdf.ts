/**
 * The PDF of a copy (Nghị định 30/2020, Phụ lục I Phần II; STANDARDS §1.10–1.11). Pure: no database, no HTTP.
 *
 * The copied pages come first — the whole source PDF (sao y, sao lục) or the chosen pages (trích sao), or for
 * a re-typed trích sao the excerpt set in the document font — then, after the end of the copied document,
 * a solid full-width line and the copy block: on the left the organisation making the copy and "Số: 05/SY-…",
 * on the right the form ("SAO Y", "SAO LỤC", "TRÍCH SAO", bold capitals) and "Hà Nội, ngày 05 tháng 3 năm
 * 2026"; under them the signer's title, room for signature and seal, the name, and "Nơi nhận:" on the left.
 * An electronic copy also carries, top right of page 1 (ô số 14), the form, the organisation and the time
 * in ISO 8601 with +07:00, Times 10, black; the organisation's digital signature itself is applied by
 * `signCopyAsOrganization` (copies.signature.ts).
 */
import {
  concatTransformationMatrix,
  drawObject,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFPage,
} from 'pdf-lib';
import {
  A4_PORTRAIT,
  DOCUMENT_MARGINS,
  drawLine,
  embedSerifFonts,
  formatDate,
  mm,
  PdfFlow,
  wrapText,
} from '../../../../platform/pdf/index.ts';
import { AppError } from '../../../../platform/errors.ts';
import { formatNumberLine, formatPlaceDate } from '../render/index.ts';
import { COPY_FORM_TITLES, type CopyForm, type CopyMedium } from './copies.types.ts';

export interface CopyBlock {
  readonly form: CopyForm;
  readonly medium: CopyMedium;
  /** Tên cơ quan chủ quản, e.g. "UBND THÀNH PHỐ HÀ NỘI"; none for a ministry. */
  readonly parentOrganizationName?: string | null;
  /** Tên cơ quan sao. */
  readonly organizationName: string;
  readonly number: number;
  /** "SY-BGDĐT". */
  readonly notation: string;
  readonly place: string;
  /** yyyy-mm-dd. */
  readonly date: string;
  /** The moment the copy is made: the electronic copy's block prints it (ISO 8601, +07:00). */
  readonly madeAt: Date;
  /** "CHÁNH VĂN PHÒNG", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG" (one line each). */
  readonly signerTitle: string;
  readonly signerName: string;
  /** Nơi nhận before "Lưu: VT". */
  readonly recipients: readonly string[];
}

/** What is copied: the source PDF (all pages, or the chosen ones), or a re-typed excerpt. */
export type CopyContent =
  | { readonly kind: 'pdf'; readonly bytes: Uint8Array; readonly pages?: readonly number[] | undefined }
  | {
      readonly kind: 'excerpt';
      readonly text: string;
      /** "Công văn số 123/BGDĐT-GDPT ngày 05/3/2026 của Bộ Giáo dục và Đào tạo". */
      readonly sourceTitle: string;
    };

const SIZE = { organization: 13, number: 13, form: 14, placeDate: 14, signer: 14, label: 12, item: 11, text: 14 };
const LEFT_SHARE = 0.4;
const SIGNATURE_SPACE = mm(24);
const E_COPY_SIZE = 10;

const upper = (text: string) => text.normalize('NFC').trim().toLocaleUpperCase('vi');

/** "2026-03-05T14:32:10+07:00": the instant in Vietnam time, ISO 8601 with the offset (STANDARDS §1.10). */
export function vietnamIsoTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

/**
 * Pages of a trích sao from "1-3,5" (1-based, ascending and without repeats once expanded), each within
 * 1…pageCount; `documents.copy_invalid_pages` otherwise.
 */
export function parsePageRanges(spec: string, pageCount: number): number[] {
  const text = spec.replace(/\s+/g, '');
  const invalid = (reason: string) => new AppError('documents.copy_invalid_pages', { pages: spec, pageCount, reason });
  if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(text)) throw invalid('expected e.g. 1-3,5');
  const pages: number[] = [];
  for (const part of text.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    if (from < 1 || to < from) throw invalid(`bad range ${part}`);
    if (to > pageCount) throw invalid(`page ${to} beyond the last page ${pageCount}`);
    for (let p = from; p <= to; p++) {
      if (pages.length > 0 && p <= pages[pages.length - 1]!) throw invalid('pages must ascend without repeats');
      pages.push(p);
    }
  }
  return pages;
}

/** The number of pages of a PDF, or `documents.copy_invalid_source` when it cannot be read. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  return (await loadSource(bytes)).getPageCount();
}

async function loadSource(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw new AppError('documents.copy_invalid_source', { reason: 'the source PDF cannot be read' });
  }
}

/**
 * A copied page keeps what its signatures look like but not the signatures: each signature field's widget
 * (whose value belongs to the source file's bytes and would read as a broken signature in the copy) is drawn
 * into the page from its appearance and removed. Other annotations (e.g. the number written in at issue)
 * stay as they are.
 */
function flattenSignatureFields(page: PDFPage): void {
  const annots = page.node.Annots();
  if (!annots) return;
  const kept: PDFRef[] = [];
  let flattened = 0;
  for (let i = 0; i < annots.size(); i++) {
    const entry = annots.get(i);
    const annot = annots.lookupMaybe(i, PDFDict);
    const parent = annot?.lookupMaybe(PDFName.of('Parent'), PDFDict);
    const fieldType = annot?.lookupMaybe(PDFName.of('FT'), PDFName) ?? parent?.lookupMaybe(PDFName.of('FT'), PDFName);
    const isSignature =
      annot?.lookupMaybe(PDFName.of('Subtype'), PDFName) === PDFName.of('Widget') && fieldType === PDFName.of('Sig');
    if (!isSignature) {
      if (entry instanceof PDFRef) kept.push(entry);
      continue;
    }
    // pdf-lib writes every object it copied: the widget and its signature value must go from the file too.
    const context = page.doc.context;
    for (const ref of [annot!.get(PDFName.of('V')), parent?.get(PDFName.of('V')), annot!.get(PDFName.of('Parent'))]) {
      if (ref instanceof PDFRef) context.delete(ref);
    }
    if (entry instanceof PDFRef) context.delete(entry);
    const appearance = annot!.lookupMaybe(PDFName.of('AP'), PDFDict)?.get(PDFName.of('N'));
    const rect = annot!.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asRectangle();
    if (appearance instanceof PDFRef && rect && rect.width > 0 && rect.height > 0) {
      const name = page.node.newXObject(`FlatSig${++flattened}`, appearance);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(1, 0, 0, 1, rect.x, rect.y),
        drawObject(name),
        popGraphicsState(),
      );
    }
  }
  page.node.set(PDFName.of('Annots'), page.doc.context.obj(kept));
}

/** The copy's PDF and its number of pages (copied pages, or the excerpt, and the copy block). */
export async function renderCopyPdf(
  content: CopyContent,
  block: CopyBlock,
): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const title = `${COPY_FORM_TITLES[block.form]} ${formatNumberLine(block.number, block.notation).replace(/^Số:\s*/, '')}`;
  let flow: PdfFlow;
  if (content.kind === 'pdf') {
    const source = await loadSource(content.bytes);
    const pdf = await PDFDocument.create();
    pdf.setTitle(title);
    pdf.setLanguage('vi-VN');
    pdf.setCreator('EduGov');
    pdf.setProducer('EduGov (pdf-lib)');
    const indices = content.pages ? content.pages.map((p) => p - 1) : source.getPageIndices();
    for (const page of await pdf.copyPages(source, indices)) {
      pdf.addPage(page);
      flattenSignatureFields(page);
    }
    // The copy block starts on a page of its own after the copied ones (their content is not known).
    flow = new PdfFlow(pdf, await embedSerifFonts(pdf), { pageSize: A4_PORTRAIT, margins: DOCUMENT_MARGINS });
  } else {
    flow = await PdfFlow.create({ title, pageSize: A4_PORTRAIT, margins: DOCUMENT_MARGINS });
    drawExcerpt(flow, content);
  }
  flow.pdf.setAuthor(block.organizationName.normalize('NFC').trim());
  drawCopyBlock(flow, block);
  if (block.medium === 'electronic') drawElectronicMark(flow, block);
  return { bytes: await flow.save(), pageCount: flow.pdf.getPageCount() };
}

/** A re-typed trích sao: where it is taken from, then the excerpt in the document's body style. */
function drawExcerpt(flow: PdfFlow, content: Extract<CopyContent, { kind: 'excerpt' }>): void {
  flow.paragraph(`(Trích ${content.sourceTitle.normalize('NFC').trim()})`, {
    font: flow.fonts.italic,
    size: SIZE.text,
    align: 'center',
    spaceAfter: 12,
  });
  for (const paragraph of content.text.normalize('NFC').split(/\n\s*\n/)) {
    if (!paragraph.trim()) continue;
    flow.paragraph(paragraph.trim(), { size: SIZE.text, lineHeight: 1.25, spaceAfter: 6 });
  }
  flow.moveDown(12);
}

/** The solid line and the copy block (hình thức sao, cơ quan sao, số, địa danh và ngày, người ký, nơi nhận). */
function drawCopyBlock(flow: PdfFlow, block: CopyBlock): void {
  const { regular, bold, italic, boldItalic } = flow.fonts;
  const left = { x: 0, width: flow.width * LEFT_SHARE };
  const right = { x: left.width, width: flow.width - left.width };
  const recipients = [
    ...block.recipients
      .map((r) =>
        r
          .normalize('NFC')
          .trim()
          .replace(/[\s;.,]+$/, ''),
      )
      .filter(Boolean),
    'Lưu: VT',
  ];
  const titleLines = block.signerTitle.split('\n').map(upper).filter(Boolean);
  // Keep the block together: the line, the header rows, the signature and the first recipients.
  const height =
    12 +
    (block.parentOrganizationName ? 2 : 1) * SIZE.organization * 1.2 * 2 +
    SIZE.number * 1.2 * 2 +
    titleLines.length * SIZE.signer * 1.2 +
    SIGNATURE_SPACE +
    SIZE.signer * 1.2 +
    Math.min(recipients.length, 4) * SIZE.item * 1.2;
  flow.ensure(height);

  flow.rule(0, flow.width, 1);
  flow.moveDown(10);
  const top = flow.y;
  if (block.parentOrganizationName?.trim()) {
    flow.paragraph(upper(block.parentOrganizationName), {
      font: regular,
      size: SIZE.organization,
      ...left,
      align: 'center',
    });
  }
  flow.paragraph(upper(block.organizationName), { font: bold, size: SIZE.organization, ...left, align: 'center' });
  flow.moveDown(4);
  flow.paragraph(formatNumberLine(block.number, block.notation), { size: SIZE.number, ...left, align: 'center' });
  const leftEnd = flow.y;

  flow.y = top;
  flow.paragraph(COPY_FORM_TITLES[block.form], { font: bold, size: SIZE.form, ...right, align: 'center' });
  flow.moveDown(4);
  flow.paragraph(formatPlaceDate(block.place, block.date), {
    font: italic,
    size: SIZE.placeDate,
    ...right,
    align: 'center',
  });
  flow.y = Math.min(flow.y, leftEnd) - 12;

  // Người ký on the right, nơi nhận on the left, side by side.
  const row = flow.y;
  for (const line of titleLines) flow.paragraph(line, { font: bold, size: SIZE.signer, ...right, align: 'center' });
  flow.moveDown(SIGNATURE_SPACE);
  flow.paragraph(block.signerName.normalize('NFC').trim(), {
    font: bold,
    size: SIZE.signer,
    ...right,
    align: 'center',
  });
  const signerEnd = flow.y;
  flow.y = row;
  flow.paragraph('Nơi nhận:', { font: boldItalic, size: SIZE.label, ...left });
  recipients.forEach((r, i) => {
    flow.paragraph(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, { size: SIZE.item, ...left });
  });
  flow.y = Math.min(flow.y, signerEnd);
}

/**
 * Ô số 14 of an electronic copy, top right of page 1 (STANDARDS §1.10): hình thức sao, tên cơ quan sao, thời
 * gian ký in ISO 8601 with +07:00; Times 10, upright, black.
 */
function drawElectronicMark(flow: PdfFlow, block: CopyBlock): void {
  const page = flow.pdf.getPage(0);
  const { width, height } = page.getSize();
  const font = flow.fonts.regular;
  const boxWidth = mm(70);
  const x = width - mm(10) - boxWidth;
  const lines = [
    COPY_FORM_TITLES[block.form],
    ...wrapText(block.organizationName.normalize('NFC').trim(), font, E_COPY_SIZE, boxWidth),
    vietnamIsoTime(block.madeAt),
  ];
  let y = height - mm(6) - E_COPY_SIZE;
  for (const line of lines) {
    drawLine(page, line, x, y, boxWidth, { font, size: E_COPY_SIZE, align: 'right', color: rgb(0, 0, 0) });
    y -= E_COPY_SIZE * 1.2;
  }
}

/** "Công văn số 123/BGDĐT-GDPT ngày 05/03/2026 của Bộ Giáo dục và Đào tạo" for the excerpt heading. */
export function sourceTitle(typeName: string, number: string, date: string | null, issuer: string): string {
  return [`${typeName} số ${number}`, date ? `ngày ${formatDate(date)}` : null, `của ${issuer}`]
    .filter(Boolean)
    .join(' ');
}
