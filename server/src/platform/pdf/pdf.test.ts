/** [PLATFORM] Printout building blocks: Vietnamese dates, line wrapping, download names, page numbers. */
import { PDFDocument, PDFPage, type PDFPageDrawTextOptions } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  A4_PORTRAIT,
  contentDisposition,
  drawJustifiedLine,
  drawTable,
  embedSerifFonts,
  formatDate,
  formatDayMonth,
  formatLongDate,
  PdfFlow,
  wrapText,
} from './index.ts';

describe('[PLATFORM] printout dates', () => {
  it('prints dd/MM/yyyy in Vietnam time and the long form of Nghị định 30/2020', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDate(new Date('2025-12-31T17:00:00Z'))).toBe('01/01/2026'); // midnight in Hà Nội
    expect(formatDate(null)).toBe('');
    expect(formatDayMonth('2026-03-05')).toBe('05/03');
    expect(formatLongDate('2020-03-05')).toBe('ngày 05 tháng 3 năm 2020');
    expect(formatLongDate('2020-02-15')).toBe('ngày 15 tháng 02 năm 2020');
    expect(formatLongDate('2020-11-25')).toBe('ngày 25 tháng 11 năm 2020');
  });
});

describe('[PLATFORM] text on PDF pages', () => {
  it('wraps at spaces, keeps line breaks, breaks an over-long word between letters, and composes to NFC', async () => {
    const pdf = await PDFDocument.create();
    const { regular } = await embedSerifFonts(pdf);
    const lines = wrapText('Hướng dẫn thực hiện nhiệm vụ giáo dục\nphổ thông', regular, 12, 120);
    expect(lines.join(' ')).toBe('Hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông');
    expect(lines.at(-1)).toBe('phổ thông');
    for (const line of lines) expect(regular.widthOfTextAtSize(line, 12)).toBeLessThanOrEqual(120);
    const long = wrapText('Đ'.repeat(40), regular, 12, 50);
    expect(long.length).toBeGreaterThan(1);
    expect(long.join('')).toBe('Đ'.repeat(40));
    expect(wrapText('Tie\u0302\u0301ng Vie\u0323\u0302t', regular, 12, 500)).toEqual(['Tiếng Việt']);
    expect(wrapText('', regular, 12, 100)).toEqual(['']);
  });

  it('sets a narrower first line, and justifies a line to the full width word by word', async () => {
    const pdf = await PDFDocument.create();
    const { regular } = await embedSerifFonts(pdf);
    const text = 'Hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2026-2027';
    const lines = wrapText(text, regular, 12, 200, 120);
    expect(lines.join(' ')).toBe(text);
    expect(regular.widthOfTextAtSize(lines[0]!, 12)).toBeLessThanOrEqual(120);
    expect(wrapText(text, regular, 12, 200)[0]!.length).toBeGreaterThan(lines[0]!.length);

    const page = pdf.addPage();
    const drawn: { text: string; x: number }[] = [];
    const drawText = page.drawText.bind(page);
    page.drawText = (t: string, options?: PDFPageDrawTextOptions) => {
      drawn.push({ text: t, x: options!.x! });
      drawText(t, options);
    };
    drawJustifiedLine(page, 'Hướng dẫn thực hiện', 50, 700, 300, { font: regular, size: 12 });
    expect(drawn.map((d) => d.text)).toEqual(['Hướng', 'dẫn', 'thực', 'hiện']);
    expect(drawn[0]!.x).toBe(50);
    expect(drawn[3]!.x + regular.widthOfTextAtSize('hiện', 12)).toBeCloseTo(350, 3);
  });

  it('repeats the table header on every page a long table runs onto, and never cuts a row', async () => {
    const flow = await PdfFlow.create({ title: 'Bảng', pageSize: A4_PORTRAIT });
    const drawn = new Map<PDFPage, string[]>();
    const drawText = PDFPage.prototype.drawText;
    PDFPage.prototype.drawText = function (this: PDFPage, text: string, options?: PDFPageDrawTextOptions) {
      drawn.set(this, [...(drawn.get(this) ?? []), text]);
      return drawText.call(this, text, options);
    };
    try {
      const rows = Array.from({ length: 120 }, (_, i) => [String(i + 1), `Dòng thứ ${i + 1}\nhai dòng`]);
      drawTable(
        flow,
        [
          { header: 'STT', weight: 1 },
          { header: 'Nội dung', weight: 5 },
        ],
        rows,
      );
    } finally {
      PDFPage.prototype.drawText = drawText;
    }
    const pages = flow.pdf.getPages();
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(drawn.get(page)!.slice(0, 2)).toEqual(['STT', 'Nội dung']);
    const all = pages.flatMap((p) => drawn.get(p)!);
    for (let i = 1; i <= 120; i += 1) {
      const at = all.indexOf(`Dòng thứ ${i}`);
      expect(all[at + 1]).toBe('hai dòng'); // no header (a page break) between a row's two lines
    }
  });
});

describe('[PLATFORM] download names', () => {
  it('sends an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Sổ đăng ký (2026).pdf')).toBe(
      `attachment; filename="So dang ky (2026).pdf"; filename*=UTF-8''S%E1%BB%95%20%C4%91%C4%83ng%20k%C3%BD%20%282026%29.pdf`,
    );
  });
});
