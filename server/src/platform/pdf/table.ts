/**
 * A ruled table drawn on a PdfFlow: cells wrap, the header repeats at the top of every page the table
 * runs onto, a row moves to the next page rather than being cut (unless it is taller than a page, then its
 * lines continue on the next one).
 */
import { rgb, type PDFFont } from 'pdf-lib';
import type { PdfFlow } from './flow.ts';
import { drawLine, wrapText, type Align } from './text.ts';

export interface TableColumn {
  readonly header: string;
  /** Relative width: the columns share the text width in proportion. */
  readonly weight: number;
  readonly align?: Align;
}

export interface TableOptions {
  /** Type size of the body (default 11) and of the header (default: the same). */
  readonly size?: number;
  readonly headerSize?: number;
  readonly font?: PDFFont;
  readonly headerFont?: PDFFont;
  /** Adds a header row "(1) (2) …" under the column names, as the registers of Phụ lục IV have. */
  readonly numbered?: boolean;
  /** Cell padding in points (default 3) and line pitch as a multiple of the size (default 1.15). */
  readonly padding?: number;
  readonly lineHeight?: number;
}

const BORDER = { color: rgb(0, 0, 0), width: 0.5 };
const HEADER_FILL = rgb(0.92, 0.92, 0.92);

export function drawTable(
  flow: PdfFlow,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): void {
  const size = options.size ?? 11;
  const headerSize = options.headerSize ?? size;
  const font = options.font ?? flow.fonts.regular;
  const headerFont = options.headerFont ?? flow.fonts.bold;
  const padding = options.padding ?? 3;
  const lineHeight = options.lineHeight ?? 1.15;
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (flow.width * c.weight) / total);
  const lefts = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  interface Row {
    readonly lines: string[][];
    readonly font: PDFFont;
    readonly size: number;
    readonly align: (i: number) => Align;
    readonly fill?: typeof HEADER_FILL;
  }
  const layout = (
    cells: readonly string[],
    f: PDFFont,
    s: number,
    align: (i: number) => Align,
    fill?: typeof HEADER_FILL,
  ): Row => ({
    lines: columns.map((_, i) => wrapText(cells[i] ?? '', f, s, widths[i]! - 2 * padding)),
    font: f,
    size: s,
    align,
    fill,
  });
  const pitchOf = (r: Row) => r.size * lineHeight;
  const heightOf = (r: Row, count = Math.max(...r.lines.map((l) => l.length))) => count * pitchOf(r) + 2 * padding;

  const header: Row[] = [
    layout(
      columns.map((c) => c.header),
      headerFont,
      headerSize,
      () => 'center',
      HEADER_FILL,
    ),
  ];
  if (options.numbered)
    header.push(
      layout(
        columns.map((_, i) => `(${i + 1})`),
        headerFont,
        headerSize,
        () => 'center',
      ),
    );
  const headerHeight = header.reduce((s, r) => s + heightOf(r), 0);

  /** Draws `count` lines of a row from line `from` on, as one band of cells; moves the cursor under it. */
  const band = (r: Row, from: number, count: number) => {
    const height = heightOf(r, count);
    const top = flow.y;
    const ascent = r.font.heightAtSize(r.size, { descender: false });
    columns.forEach((_, i) => {
      flow.page.drawRectangle({
        x: lefts[i]!,
        y: top - height,
        width: widths[i]!,
        height,
        borderColor: BORDER.color,
        borderWidth: BORDER.width,
        ...(r.fill ? { color: r.fill } : {}),
      });
      r.lines[i]!.slice(from, from + count).forEach((line, k) => {
        const baseline = top - padding - ascent - k * pitchOf(r);
        drawLine(flow.page, line, lefts[i]! + padding, baseline, widths[i]! - 2 * padding, {
          font: r.font,
          size: r.size,
          align: r.align(i),
        });
      });
    });
    flow.moveDown(height);
  };
  const drawHeader = () => header.forEach((r) => band(r, 0, Math.max(...r.lines.map((l) => l.length))));

  const body = rows.map((cells) => layout(cells, font, size, (i) => columns[i]!.align ?? 'left'));
  flow.ensure(headerHeight + (body[0] ? heightOf(body[0]) : 0));
  drawHeader();
  for (const r of body) {
    const count = Math.max(...r.lines.map((l) => l.length));
    const fitsOnFreshPage = heightOf(r) <= flow.pageHeight - headerHeight;
    if (heightOf(r) > flow.space && fitsOnFreshPage) {
      flow.addPage();
      drawHeader();
    }
    let from = 0;
    while (from < count) {
      const room = Math.floor((flow.space - 2 * padding) / pitchOf(r));
      if (room < 1) {
        flow.addPage();
        drawHeader();
        continue;
      }
      const take = Math.min(room, count - from);
      band(r, from, take);
      from += take;
    }
  }
}
