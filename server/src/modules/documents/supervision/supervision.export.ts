/**
 * The Excel report "Báo cáo tình hình giải quyết văn bản đến": sheet 1 the title, the period and the table
 * (with its totals), sheet 2 the documents behind it. Vietnamese, or English when the request asks for it.
 */
import type { Worksheet } from 'exceljs';
import type { Lang } from '../../../platform/errors.ts';
import { TIME_ZONE } from '../../../platform/time.ts';
import type { Measure } from './supervision.repository.ts';
import type { buildSupervisionReport, Measures } from './supervision.service.ts';

type Report = Awaited<ReturnType<typeof buildSupervisionReport>>;

const LABELS = {
  vi: {
    title: 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN',
    period: (from: string, to: string) => `Từ ngày ${from} đến ngày ${to}`,
    byUnit: 'Theo đơn vị',
    byPerson: 'Theo cá nhân',
    generated: (at: string) => `Ngày lập: ${at}`,
    summarySheet: 'Tổng hợp',
    documentsSheet: 'Danh sách văn bản',
    columns: [
      'STT',
      'Đơn vị',
      'Cá nhân',
      'Tiếp nhận',
      'Đang giải quyết',
      'Quá hạn',
      'Đúng hạn',
      'Trễ hạn',
      'Kết thúc',
      'Thời gian xử lý trung bình (ngày làm việc)',
      'Tỷ lệ đúng hạn (%)',
    ],
    documentColumns: [
      'STT',
      'Số đến',
      'Ngày đến',
      'Cơ quan ban hành',
      'Số, ký hiệu',
      'Ngày văn bản',
      'Trích yếu',
      'Đơn vị',
      'Người xử lý',
      'Ngày giao',
      'Hạn xử lý',
      'Ngày hoàn thành',
      'Số ngày làm việc',
      'Tình trạng',
    ],
    total: 'Tổng cộng',
    noUnit: 'Không thuộc đơn vị',
    noPerson: 'Chưa giao chuyên viên',
    note:
      'Số ngày làm việc tính từ ngày giao xử lý đến ngày hoàn thành (không tính ngày giao, không tính ngày nghỉ, ngày lễ). ' +
      'Tỷ lệ đúng hạn = số hoàn thành đúng hạn / số đã hoàn thành.',
    measures: {
      in_progress: 'Đang giải quyết',
      overdue: 'Quá hạn',
      completed_on_time: 'Hoàn thành đúng hạn',
      completed_late: 'Hoàn thành trễ hạn',
      closed: 'Kết thúc',
    } satisfies Record<Measure, string>,
  },
  en: {
    title: 'REPORT ON THE HANDLING OF INCOMING DOCUMENTS',
    period: (from: string, to: string) => `From ${from} to ${to}`,
    byUnit: 'By unit',
    byPerson: 'By person',
    generated: (at: string) => `Drawn up: ${at}`,
    summarySheet: 'Summary',
    documentsSheet: 'Documents',
    columns: [
      'No.',
      'Unit',
      'Person',
      'Received',
      'In progress',
      'Overdue',
      'On time',
      'Late',
      'Closed',
      'Average processing time (working days)',
      'On-time rate (%)',
    ],
    documentColumns: [
      'No.',
      'Arrival no.',
      'Received',
      'Issuer',
      'Number',
      'Document date',
      'Subject',
      'Unit',
      'Handled by',
      'Directed',
      'Due',
      'Completed',
      'Working days',
      'State',
    ],
    total: 'Total',
    noUnit: 'No unit',
    noPerson: 'Not yet given to a person',
    note:
      'Working days are counted from the day directed to the day completed (the day directed, weekends and holidays ' +
      'not counted). On-time rate = completed on time / completed.',
    measures: {
      in_progress: 'In progress',
      overdue: 'Overdue',
      completed_on_time: 'Completed on time',
      completed_late: 'Completed late',
      closed: 'Closed',
    } satisfies Record<Measure, string>,
  },
};

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

const vietnamDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const vietnamDay = (at: Date | null) => (at ? vietnamDateTime.format(at).slice(0, 10) : '');

const measureCells = (m: Measures) => [
  m.received,
  m.inProgress,
  m.overdue,
  m.completedOnTime,
  m.completedLate,
  m.closed,
  m.averageWorkingDays,
  m.onTimeRate,
];

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function styleTable(sheet: Worksheet, headerRow: number, lastRow: number, columns: number): void {
  for (let r = headerRow; r <= lastRow; r++) {
    for (let c = 1; c <= columns; c++) sheet.getCell(r, c).border = border;
  }
  const header = sheet.getRow(headerRow);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

export async function buildSupervisionWorkbook(report: Report, lang: Lang): Promise<Buffer> {
  const l = LABELS[lang];
  const { summary } = report;
  const byPerson = summary.groupBy === 'person';
  // Loaded on the first export, not at start (~28 MB of memory; see newWorkbook in platform/pdf/excel.ts).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EduGov';
  workbook.created = report.generatedAt;

  const sheet = workbook.addWorksheet(l.summarySheet);
  const columns = byPerson ? l.columns : l.columns.filter((_, i) => i !== 2);
  const width = columns.length;
  const lines = [
    report.organizationName,
    l.title,
    l.period(dmy(summary.period.from), dmy(summary.period.to)),
    `${byPerson ? l.byPerson : l.byUnit} — ${l.generated(vietnamDateTime.format(report.generatedAt).replace(',', ''))}`,
  ];
  lines.forEach((text, i) => {
    sheet.mergeCells(i + 1, 1, i + 1, width);
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { horizontal: 'center' };
    cell.font = { bold: i <= 1, size: i === 1 ? 14 : 11 };
  });
  const headerRow = lines.length + 2;
  sheet.getRow(headerRow).values = columns;
  summary.rows.forEach((row, i) => {
    const names = byPerson ? [row.unitName ?? l.noUnit, row.userName ?? l.noPerson] : [row.unitName ?? l.noUnit];
    sheet.getRow(headerRow + 1 + i).values = [i + 1, ...names, ...measureCells(row)];
  });
  const totalRow = headerRow + 1 + summary.rows.length;
  sheet.getRow(totalRow).values = ['', l.total, ...(byPerson ? [''] : []), ...measureCells(summary.totals)];
  sheet.getRow(totalRow).font = { bold: true };
  styleTable(sheet, headerRow, totalRow, width);
  sheet.getRow(headerRow).height = 45;
  for (let i = 0; i < width; i++) sheet.getColumn(i + 1).width = i === 0 ? 6 : i < width - 8 ? 32 : 14;
  for (const c of [width - 1, width]) sheet.getColumn(c).numFmt = '0.0';
  sheet.mergeCells(totalRow + 2, 1, totalRow + 2, width);
  const note = sheet.getCell(totalRow + 2, 1);
  note.value = l.note;
  note.font = { italic: true, size: 10 };
  note.alignment = { wrapText: true };
  sheet.getRow(totalRow + 2).height = 30;

  const list = workbook.addWorksheet(l.documentsSheet);
  list.getRow(1).values = l.documentColumns;
  report.documents.forEach((d, i) => {
    list.getRow(i + 2).values = [
      i + 1,
      d.arrival_number ?? '',
      vietnamDay(d.received_at),
      d.issuer_name,
      d.number_notation,
      dmy(d.document_date),
      d.subject,
      d.unit_name ?? l.noUnit,
      d.user_name ?? l.noPerson,
      dmy(d.directed_date),
      dmy(d.due_date),
      dmy(d.completed_date),
      d.working_days ?? '',
      l.measures[d.measure],
    ];
  });
  styleTable(list, 1, report.documents.length + 1, l.documentColumns.length);
  const widths = [6, 9, 12, 30, 18, 12, 50, 28, 24, 12, 12, 14, 12, 20];
  widths.forEach((w, i) => {
    list.getColumn(i + 1).width = w;
  });
  list.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  list.views = [{ state: 'frozen', ySplit: 1 }];

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
