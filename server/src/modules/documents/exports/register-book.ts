/**
 * Sổ đăng ký văn bản đến (Nghị định 30/2020, Phụ lục IV): the ten columns, as a spreadsheet and as an A4
 * landscape PDF in a Times-metric font.
 */
import {
  A4_LANDSCAPE,
  addTableSheet,
  drawTable,
  excelDate,
  formatDate,
  formatDayMonth,
  mm,
  newWorkbook,
  numberPages,
  PdfFlow,
  workbookBytes,
  type SheetTitleLine,
  type TableColumn,
} from '../../../platform/pdf/index.ts';

export interface BookRow {
  /** Arrival day in Vietnam (yyyy-mm-dd). */
  readonly arrivalDate: string;
  readonly arrivalNumber: number | null;
  readonly issuerName: string;
  readonly numberNotation: string;
  readonly documentDate: string;
  /** Tên loại và trích yếu nội dung. */
  readonly typeAndSubject: string;
  /** Đơn vị hoặc người nhận (one line per role). */
  readonly recipients: string;
  /** Ngày chuyển (yyyy-mm-dd), if handed on. */
  readonly handedOnDate: string | null;
  readonly notes: string;
}

export interface Book {
  readonly parentOrganizationName: string | null;
  readonly organizationName: string;
  readonly registerName: string;
  readonly from: string;
  readonly to: string;
  readonly rows: readonly BookRow[];
}

export const BOOK_TITLE = 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN';

/**
 * The ten columns of Phụ lục IV: PDF widths in points (the table spans the 771 pt between the margins of
 * A4 landscape, 10.5 pt type; dates and the usual số, ký hiệu fit on one line) and spreadsheet widths.
 */
export const BOOK_COLUMNS = [
  { header: 'Ngày đến', weight: 54, width: 9, align: 'center' },
  { header: 'Số đến', weight: 34, width: 8, align: 'center' },
  { header: 'Tác giả (cơ quan ban hành)', weight: 88, width: 24, align: 'left' },
  { header: 'Số, ký hiệu', weight: 98, width: 18, align: 'left' },
  { header: 'Ngày, tháng văn bản', weight: 61, width: 12, align: 'center' },
  { header: 'Tên loại và trích yếu nội dung', weight: 188, width: 45, align: 'left' },
  { header: 'Đơn vị hoặc người nhận', weight: 100, width: 30, align: 'left' },
  { header: 'Ngày chuyển', weight: 56, width: 12, align: 'center' },
  { header: 'Ký nhận', weight: 40, width: 10, align: 'center' },
  { header: 'Ghi chú', weight: 52, width: 16, align: 'left' },
] as const;

/** A column of a register book: PDF weight, spreadsheet width; `date` cells hold yyyy-mm-dd (or null). */
export interface BookColumn {
  readonly header: string;
  readonly weight: number;
  readonly width: number;
  readonly align: 'left' | 'center' | 'right';
  /** 'day': dd/MM within one year (the year is in the title), else in full; 'full': always dd/MM/yyyy. */
  readonly date?: 'day' | 'full';
}

/** What differs between the books (đến, đi): title, columns, sheet name and the line of an empty period. */
export interface BookLayout {
  readonly title: string;
  readonly sheetName: string;
  readonly columns: readonly BookColumn[];
  readonly emptyText: string;
}

export type BookCell = string | number | null;

/** The header and period of any book, with its rows as cells in the order of the layout's columns. */
export interface BookSheet extends Omit<Book, 'rows'> {
  readonly rows: readonly (readonly BookCell[])[];
}

export const INCOMING_BOOK: BookLayout = {
  title: BOOK_TITLE,
  sheetName: 'So den',
  columns: BOOK_COLUMNS.map((c, i) => ({
    ...c,
    ...(i === 0 ? { date: 'day' as const } : i === 4 || i === 7 ? { date: 'full' as const } : {}),
  })),
  emptyText: 'Không có văn bản đến nào trong khoảng thời gian này.',
};

const incomingCells = (book: Book): BookSheet => ({
  ...book,
  rows: book.rows.map((r) => [
    r.arrivalDate,
    r.arrivalNumber,
    r.issuerName,
    r.numberNotation,
    r.documentDate,
    r.typeAndSubject,
    r.recipients || null,
    r.handedOnDate,
    null,
    r.notes || null,
  ]),
});

/** A period within one year shows arrival days as dd/MM (the year is in the title); otherwise in full. */
const spansYears = (book: BookSheet) => book.from.slice(0, 4) !== book.to.slice(0, 4);

function titleLines(
  layout: BookLayout,
  book: BookSheet,
): { text: string; kind: 'org' | 'orgBold' | 'title' | 'line' | 'italic' }[] {
  const years = spansYears(book) ? `${book.from.slice(0, 4)} - ${book.to.slice(0, 4)}` : book.from.slice(0, 4);
  const sameAsTitle = book.registerName.normalize('NFC').toLocaleUpperCase('vi') === layout.title;
  return [
    ...(book.parentOrganizationName
      ? [{ text: book.parentOrganizationName.toLocaleUpperCase('vi'), kind: 'org' as const }]
      : []),
    { text: book.organizationName.toLocaleUpperCase('vi'), kind: 'orgBold' },
    { text: layout.title, kind: 'title' },
    ...(sameAsTitle ? [] : [{ text: book.registerName, kind: 'line' as const }]),
    { text: `Từ ngày ${formatDate(book.from)} đến ngày ${formatDate(book.to)}`, kind: 'italic' },
    { text: `Năm ${years}`, kind: 'line' },
  ];
}

export const registerBookXlsx = (book: Book): Promise<Buffer> => bookXlsx(INCOMING_BOOK, incomingCells(book));
export const registerBookPdf = (book: Book): Promise<Uint8Array> => bookPdf(INCOMING_BOOK, incomingCells(book));

/** Any register book as a spreadsheet: the header lines, then the numbered table. */
export async function bookXlsx(layout: BookLayout, book: BookSheet): Promise<Buffer> {
  const workbook = await newWorkbook(`${layout.title} ${formatDate(book.from)} - ${formatDate(book.to)}`);
  const title: SheetTitleLine[] = titleLines(layout, book).map((l) => {
    switch (l.kind) {
      case 'org':
        return { text: l.text, span: 4 };
      case 'orgBold':
        return { text: l.text, bold: true, span: 4 };
      case 'title':
        return { text: l.text, bold: true, size: 14 };
      case 'italic':
        return { text: l.text, italic: true };
      case 'line':
        return { text: l.text };
    }
  });
  const dayFormat = spansYears(book) ? 'dd/mm/yyyy' : 'dd/mm';
  addTableSheet(workbook, {
    name: layout.sheetName,
    title,
    numbered: true,
    orientation: 'landscape',
    columns: layout.columns.map((c) => ({
      header: c.header,
      width: c.width,
      align: c.align,
      ...(c.date === 'day' ? { numFmt: dayFormat } : c.date === 'full' ? { numFmt: 'dd/mm/yyyy' } : {}),
    })),
    rows: book.rows.map((r) =>
      layout.columns.map((c, i) => {
        const v = r[i] ?? null;
        return c.date ? excelDate(typeof v === 'string' ? v : null) : v === '' ? null : v;
      }),
    ),
  });
  return workbookBytes(workbook);
}

/** Any register book as an A4 landscape PDF, pages numbered. */
export async function bookPdf(layout: BookLayout, book: BookSheet): Promise<Uint8Array> {
  const flow = await PdfFlow.create({
    title: `${layout.title} ${formatDate(book.from)} - ${formatDate(book.to)}`,
    pageSize: A4_LANDSCAPE,
    margins: { top: mm(15), right: mm(10), bottom: mm(18), left: mm(15) },
  });
  const { regular, bold, italic } = flow.fonts;
  const orgBox = flow.width * 0.4;
  for (const line of titleLines(layout, book)) {
    switch (line.kind) {
      case 'org':
        flow.paragraph(line.text, { size: 12, width: orgBox, align: 'center' });
        break;
      case 'orgBold':
        flow.paragraph(line.text, { font: bold, size: 12, width: orgBox, align: 'center', spaceAfter: 3 });
        flow.rule(orgBox * 0.35, orgBox * 0.3);
        flow.moveDown(12);
        break;
      case 'title':
        flow.paragraph(line.text, { font: bold, size: 14, align: 'center', spaceAfter: 2 });
        break;
      case 'italic':
        flow.paragraph(line.text, { font: italic, size: 13, align: 'center' });
        break;
      case 'line':
        flow.paragraph(line.text, { font: regular, size: 13, align: 'center' });
        break;
    }
  }
  flow.moveDown(8);
  const columns: TableColumn[] = layout.columns.map((c) => ({ header: c.header, weight: c.weight, align: c.align }));
  const day = spansYears(book) ? formatDate : formatDayMonth;
  drawTable(
    flow,
    columns,
    book.rows.map((r) =>
      layout.columns.map((c, i) => {
        const v = r[i] ?? null;
        if (c.date) return (c.date === 'day' ? day : formatDate)(typeof v === 'string' ? v : null);
        return v === null ? '' : String(v);
      }),
    ),
    { size: 10.5, numbered: true },
  );
  if (book.rows.length === 0) {
    flow.moveDown(6);
    flow.paragraph(layout.emptyText, { font: italic, size: 12, align: 'center' });
  }
  numberPages(flow.pdf, regular, { size: 11 });
  return flow.save();
}

/** Sổ đăng ký văn bản đi (STANDARDS §1.9): every number of the register, cancelled ones included. */
export const OUTGOING_BOOK_TITLE = 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';

export const OUTGOING_BOOK: BookLayout = {
  title: OUTGOING_BOOK_TITLE,
  sheetName: 'So di',
  columns: [
    { header: 'Số, ký hiệu văn bản', weight: 90, width: 18, align: 'left' },
    { header: 'Ngày, tháng văn bản', weight: 61, width: 12, align: 'center', date: 'full' },
    { header: 'Tên loại và trích yếu nội dung', weight: 170, width: 45, align: 'left' },
    { header: 'Người ký', weight: 70, width: 20, align: 'left' },
    { header: 'Nơi nhận văn bản', weight: 110, width: 30, align: 'left' },
    { header: 'Đơn vị, người nhận bản lưu', weight: 70, width: 20, align: 'left' },
    { header: 'Số lượng bản', weight: 34, width: 8, align: 'center' },
    { header: 'Ngày chuyển', weight: 56, width: 12, align: 'center', date: 'full' },
    { header: 'Ký nhận', weight: 40, width: 10, align: 'center' },
    { header: 'Ghi chú', weight: 70, width: 20, align: 'left' },
  ],
  emptyText: 'Không có văn bản đi nào trong khoảng thời gian này.',
};

export interface OutgoingBookRow {
  readonly fullNumber: string;
  /** yyyy-mm-dd (the day the number was issued, Vietnam time). */
  readonly documentDate: string;
  readonly typeAndSubject: string;
  readonly signerName: string;
  readonly recipients: string;
  readonly archiveHolder: string;
  readonly copies: number | null;
  readonly dispatchedDate: string | null;
  readonly notes: string;
}

export interface OutgoingBook extends Omit<Book, 'rows'> {
  readonly rows: readonly OutgoingBookRow[];
}

const outgoingCells = (book: OutgoingBook): BookSheet => ({
  ...book,
  rows: book.rows.map((r) => [
    r.fullNumber,
    r.documentDate,
    r.typeAndSubject,
    r.signerName,
    r.recipients,
    r.archiveHolder,
    r.copies,
    r.dispatchedDate,
    null,
    r.notes,
  ]),
});

export const outgoingBookXlsx = (book: OutgoingBook): Promise<Buffer> => bookXlsx(OUTGOING_BOOK, outgoingCells(book));
export const outgoingBookPdf = (book: OutgoingBook): Promise<Uint8Array> => bookPdf(OUTGOING_BOOK, outgoingCells(book));
