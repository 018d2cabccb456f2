/**
 * Spreadsheet versions of printed tables (exceljs): title lines, a ruled header that stays in view and is
 * printed on every page, wrapped cells, A4 page setup with "Trang x/y" in the footer, Times New Roman.
 */
import type { Alignment, Borders, PaperSize, Row, Workbook, Worksheet } from 'exceljs';
import { cleanText } from './text.ts';

export type SheetCell = string | number | Date | null;

export interface SheetColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Excel number format, e.g. 'dd/mm/yyyy' for date cells. */
  readonly numFmt?: string;
}

export interface SheetTitleLine {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly align?: 'left' | 'center';
  /** Columns the line spans from column A (default: all). */
  readonly span?: number;
}

export interface TableSheetSpec {
  readonly name: string;
  readonly title?: readonly SheetTitleLine[];
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly SheetCell[])[];
  /** Adds a header row "(1) (2) …" under the column names. */
  readonly numbered?: boolean;
  readonly orientation?: 'portrait' | 'landscape';
  readonly fontSize?: number;
}

export const FONT_NAME = 'Times New Roman';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A date column value ('yyyy-mm-dd') as an Excel date (a day, no time zone shift). */
export function excelDate(isoDay: string | null | undefined): Date | null {
  if (!isoDay) return null;
  const [y, m, d] = isoDay.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** Adds a worksheet holding one table; returns it for further touches. */
export function addTableSheet(workbook: Workbook, spec: TableSheetSpec): Worksheet {
  const size = spec.fontSize ?? 12;
  const n = spec.columns.length;
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31), {
    pageSetup: {
      paperSize: 9 as PaperSize, // A4
      orientation: spec.orientation ?? 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C&"${FONT_NAME},Regular"&11Trang &P/&N` },
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));

  for (const line of spec.title ?? []) {
    const row = sheet.addRow([cleanText(line.text)]);
    row.font = { name: FONT_NAME, size: line.size ?? size, bold: line.bold ?? false, italic: line.italic ?? false };
    row.alignment = { horizontal: line.align ?? 'center', vertical: 'middle' };
    sheet.mergeCells(row.number, 1, row.number, Math.min(line.span ?? n, n));
  }
  if (spec.title?.length) sheet.addRow([]);

  const headerStyle = (row: Row) => {
    row.eachCell((cell) => {
      cell.font = { name: FONT_NAME, size, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDERS;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEBEBEB' } };
    });
  };
  const header = sheet.addRow(spec.columns.map((c) => cleanText(c.header)));
  headerStyle(header);
  let lastHeader = header.number;
  if (spec.numbered) {
    const numbers = sheet.addRow(spec.columns.map((_, i) => `(${i + 1})`));
    headerStyle(numbers);
    lastHeader = numbers.number;
  }

  for (const cells of spec.rows) {
    const row = sheet.addRow(cells.map((v) => (typeof v === 'string' ? cleanText(v) : v)));
    spec.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: FONT_NAME, size };
      cell.alignment = { horizontal: c.align ?? 'left', vertical: 'top', wrapText: true } as Partial<Alignment>;
      cell.border = BORDERS;
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  }

  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: lastHeader, activeCell: `A${lastHeader + 1}` }];
  sheet.pageSetup.printTitlesRow = `${header.number}:${lastHeader}`;
  return sheet;
}

/**
 * A new workbook with EduGov as its author. exceljs is loaded on the first export, not at start: it adds
 * ~28 MB to the server's memory, and most processes never write a spreadsheet.
 */
export async function newWorkbook(title: string): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EduGov';
  workbook.title = cleanText(title);
  workbook.created = new Date();
  return workbook;
}

/** The .xlsx bytes of a workbook. */
export async function workbookBytes(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
