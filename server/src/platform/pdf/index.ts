/**
 * Building blocks of printouts and exports (Nghị định 30/2020 layout: A4, Times-metric serif): fonts,
 * flowing text, ruled tables with a repeated header, page numbers, Vietnamese dates, spreadsheets, downloads.
 */
export { embedSerifFonts, FONT_DIR, type FontStyle, type SerifFonts } from './fonts.ts';
export { A4_LANDSCAPE, A4_PORTRAIT, DOCUMENT_MARGINS, mm, PdfFlow, type Margins, type ParagraphStyle } from './flow.ts';
export { cleanText, drawJustifiedLine, drawLine, wrapText, type Align, type LineStyle } from './text.ts';
export { drawTable, type TableColumn, type TableOptions } from './table.ts';
export { numberPages, type PageNumberOptions } from './page-numbers.ts';
export { formatDate, formatDayMonth, formatLongDate } from './dates.ts';
export {
  addTableSheet,
  excelDate,
  FONT_NAME,
  newWorkbook,
  workbookBytes,
  type SheetCell,
  type SheetColumn,
  type SheetTitleLine,
  type TableSheetSpec,
} from './excel.ts';
export { asciiFileName, contentDisposition, MEDIA_TYPES, sendDownload, type Download } from './download.ts';
