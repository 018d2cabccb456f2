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

/** A period within one year shows arrival days as dd/MM (the year is in the title); otherwise in full. */
const spansYears = (book: Book) => book.from.slice(0, 4) !== book.to.slice(0, 4);

function titleLines(book: Book): { text: string; kind: 'org' | 'orgBold' | 'title' | 'line' | 'italic' }[] {
  const years = spansYears(book) ? `${book.from.slice(0, 4)} - ${book.to.slice(0, 4)}` : book.from.slice(0, 4);
  const sameAsTitle = book.registerName.normalize('NFC').toLocaleUpperCase('vi') === BOOK_TITLE;
  return [
    ...(book.parentOrganizationName
      ? [{ text: book.parentOrganizationName.toLocaleUpperCase('vi'), kind: 'org' as const }]
      : []),
    { text: book.organizationName.toLocaleUpperCase('vi'), kind: 'orgBold' },
    { text: BOOK_TITLE, kind: 'title' },
    ...(sameAsTitle ? [] : [{ text: book.registerName, kind: 'line' as const }]),
    { text: `Từ ngày ${formatDate(book.from)} đến ngày ${formatDate(book.to)}`, kind: 'italic' },
    { text: `Năm ${years}`, kind: 'line' },
  ];
}

export async function registerBookXlsx(book: Book): Promise<Buffer> {
  const workbook = newWorkbook(`${BOOK_TITLE} ${formatDate(book.from)} - ${formatDate(book.to)}`);
  const title: SheetTitleLine[] = titleLines(book).map((l) => {
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
  const arrivalFormat = spansYears(book) ? 'dd/mm/yyyy' : 'dd/mm';
  addTableSheet(workbook, {
    name: 'So den',
    title,
    numbered: true,
    orientation: 'landscape',
    columns: BOOK_COLUMNS.map((c, i) => ({
      header: c.header,
      width: c.width,
      align: c.align,
      ...(i === 0 ? { numFmt: arrivalFormat } : i === 4 || i === 7 ? { numFmt: 'dd/mm/yyyy' } : {}),
    })),
    rows: book.rows.map((r) => [
      excelDate(r.arrivalDate),
      r.arrivalNumber,
      r.issuerName,
      r.numberNotation,
      excelDate(r.documentDate),
      r.typeAndSubject,
      r.recipients || null,
      excelDate(r.handedOnDate),
      null,
      r.notes || null,
    ]),
  });
  return workbookBytes(workbook);
}

export async function registerBookPdf(book: Book): Promise<Uint8Array> {
  const flow = await PdfFlow.create({
    title: `${BOOK_TITLE} ${formatDate(book.from)} - ${formatDate(book.to)}`,
    pageSize: A4_LANDSCAPE,
    margins: { top: mm(15), right: mm(10), bottom: mm(18), left: mm(15) },
  });
  const { regular, bold, italic } = flow.fonts;
  const orgBox = flow.width * 0.4;
  for (const line of titleLines(book)) {
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
  const columns: TableColumn[] = BOOK_COLUMNS.map((c) => ({ header: c.header, weight: c.weight, align: c.align }));
  const arrival = spansYears(book) ? formatDate : formatDayMonth;
  drawTable(
    flow,
    columns,
    book.rows.map((r) => [
      arrival(r.arrivalDate),
      r.arrivalNumber === null ? '' : String(r.arrivalNumber),
      r.issuerName,
      r.numberNotation,
      formatDate(r.documentDate),
      r.typeAndSubject,
      r.recipients,
      formatDate(r.handedOnDate),
      '',
      r.notes,
    ]),
    { size: 10.5, numbered: true },
  );
  if (book.rows.length === 0) {
    flow.moveDown(6);
    flow.paragraph('Không có văn bản đến nào trong khoảng thời gian này.', { font: italic, size: 12, align: 'center' });
  }
  numberPages(flow.pdf, regular, { size: 11 });
  return flow.save();
}
