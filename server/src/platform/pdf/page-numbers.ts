/** Page numbers, drawn once the document is complete (the total is known only then). */
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { mm } from './flow.ts';
import { drawLine } from './text.ts';

export interface PageNumberOptions {
  readonly size?: number;
  /** The label of page i of n (default "Trang i/n"). */
  readonly format?: (page: number, pages: number) => string;
  /** Centred in the bottom (default) or the top margin. */
  readonly position?: 'bottom' | 'top';
  /** Leave page 1 unnumbered (Phụ lục I: administrative documents number from page 2). */
  readonly skipFirst?: boolean;
}

export function numberPages(pdf: PDFDocument, font: PDFFont, options: PageNumberOptions = {}): void {
  const size = options.size ?? 11;
  const format = options.format ?? ((i, n) => `Trang ${i}/${n}`);
  const pages = pdf.getPages();
  pages.forEach((page, index) => {
    if (options.skipFirst && index === 0) return;
    const { width, height } = page.getSize();
    const y = options.position === 'top' ? height - mm(12) : mm(10);
    drawLine(page, format(index + 1, pages.length), 0, y, width, { font, size, align: 'center' });
  });
}
