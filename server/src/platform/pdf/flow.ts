/**
 * A cursor that flows content down A4 pages: paragraphs wrap and continue on the next page, blocks that
 * must stay together move to a new page when they do not fit.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedSerifFonts, type SerifFonts } from './fonts.ts';
import { drawLine, wrapText, type Align, type LineStyle } from './text.ts';

/** A4 in points (210 × 297 mm). */
export const A4_PORTRAIT: readonly [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: readonly [number, number] = [841.89, 595.28];

/** Millimetres to points. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Nghị định 30/2020, Phụ lục I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const DOCUMENT_MARGINS: Margins = { top: mm(20), right: mm(15), bottom: mm(20), left: mm(30) };

export interface ParagraphStyle extends Partial<LineStyle> {
  /** Line pitch as a multiple of the size (default 1.2). */
  readonly lineHeight?: number;
  /** Space after the paragraph, in points. */
  readonly spaceAfter?: number;
  /** Left offset from the margin and width of the box (default: the whole text width). */
  readonly x?: number;
  readonly width?: number;
  readonly align?: Align;
}

export class PdfFlow {
  readonly pdf: PDFDocument;
  readonly fonts: SerifFonts;
  readonly pageSize: readonly [number, number];
  readonly margins: Margins;
  page!: PDFPage;
  /** The top of the free space on the current page (PDF coordinates: y grows upwards). */
  y = 0;

  constructor(
    pdf: PDFDocument,
    fonts: SerifFonts,
    options: { pageSize: readonly [number, number]; margins?: Margins },
  ) {
    this.pdf = pdf;
    this.fonts = fonts;
    this.pageSize = options.pageSize;
    this.margins = options.margins ?? DOCUMENT_MARGINS;
    this.addPage();
  }

  /** A new PDF (title, language vi, creator EduGov) with the serif fonts and its first page. */
  static async create(options: {
    title: string;
    pageSize: readonly [number, number];
    margins?: Margins;
  }): Promise<PdfFlow> {
    const pdf = await PDFDocument.create();
    pdf.setTitle(options.title.normalize('NFC'));
    pdf.setLanguage('vi-VN');
    pdf.setCreator('EduGov');
    pdf.setProducer('EduGov (pdf-lib)');
    return new PdfFlow(pdf, await embedSerifFonts(pdf), options);
  }

  /** The finished document's bytes. */
  save(): Promise<Uint8Array> {
    return this.pdf.save();
  }

  get left(): number {
    return this.margins.left;
  }

  /** The width between the margins. */
  get width(): number {
    return this.pageSize[0] - this.margins.left - this.margins.right;
  }

  get bottom(): number {
    return this.margins.bottom;
  }

  /** The height between the margins of a fresh page. */
  get pageHeight(): number {
    return this.pageSize[1] - this.margins.top - this.margins.bottom;
  }

  /** The space left on the current page. */
  get space(): number {
    return this.y - this.bottom;
  }

  addPage(): PDFPage {
    this.page = this.pdf.addPage([this.pageSize[0], this.pageSize[1]]);
    this.y = this.pageSize[1] - this.margins.top;
    return this.page;
  }

  /** Moves to a new page unless `height` points fit on this one; true when it did. */
  ensure(height: number): boolean {
    if (height <= this.space || this.y === this.pageSize[1] - this.margins.top) return false;
    this.addPage();
    return true;
  }

  moveDown(points: number): void {
    this.y -= points;
  }

  /** A wrapped paragraph; its lines continue on the next page when the page is full. */
  paragraph(text: string, style: ParagraphStyle = {}): void {
    const font = style.font ?? this.fonts.regular;
    const size = style.size ?? 13;
    const pitch = size * (style.lineHeight ?? 1.2);
    const x = this.left + (style.x ?? 0);
    const width = style.width ?? this.width - (style.x ?? 0);
    const ascent = font.heightAtSize(size, { descender: false });
    for (const line of wrapText(text, font, size, width)) {
      this.ensure(pitch);
      drawLine(this.page, line, x, this.y - ascent, width, { font, size, align: style.align, color: style.color });
      this.y -= pitch;
    }
    this.y -= style.spaceAfter ?? 0;
  }

  /**
   * "Label: value" — the label in bold, the value after it, its further lines aligned under the value (a
   * long label puts the value on the lines below, indented).
   */
  labeled(label: string, value: string, style: ParagraphStyle & { labelFont?: PDFFont } = {}): void {
    const font = style.font ?? this.fonts.regular;
    const labelFont = style.labelFont ?? this.fonts.bold;
    const size = style.size ?? 13;
    const pitch = size * (style.lineHeight ?? 1.2);
    const x = this.left + (style.x ?? 0);
    const width = style.width ?? this.width - (style.x ?? 0);
    const head = `${label.normalize('NFC')} `;
    const headWidth = labelFont.widthOfTextAtSize(head, size);
    const ascent = font.heightAtSize(size, { descender: false });
    const hanging = headWidth <= width * 0.45;
    const indent = hanging ? headWidth : Math.min(mm(10), width / 4);
    const lines = wrapText(value, font, size, width - indent);
    if (!hanging) {
      this.ensure(pitch);
      drawLine(this.page, head, x, this.y - ascent, width, { font: labelFont, size });
      this.y -= pitch;
    }
    lines.forEach((line, i) => {
      this.ensure(pitch);
      if (hanging && i === 0) drawLine(this.page, head, x, this.y - ascent, headWidth, { font: labelFont, size });
      drawLine(this.page, line, x + indent, this.y - ascent, width - indent, { font, size, color: style.color });
      this.y -= pitch;
    });
    this.y -= style.spaceAfter ?? 0;
  }

  /** The height a paragraph would take (to keep a block together with `ensure`). */
  measure(text: string, style: ParagraphStyle = {}): number {
    const font = style.font ?? this.fonts.regular;
    const size = style.size ?? 13;
    const width = style.width ?? this.width - (style.x ?? 0);
    return wrapText(text, font, size, width).length * size * (style.lineHeight ?? 1.2) + (style.spaceAfter ?? 0);
  }

  /** A horizontal line at the cursor, from x (offset from the margin) for `width` points. */
  rule(x: number, width: number, thickness = 0.6): void {
    this.page.drawLine({
      start: { x: this.left + x, y: this.y },
      end: { x: this.left + x + width, y: this.y },
      thickness,
      color: rgb(0, 0, 0),
    });
  }
}
