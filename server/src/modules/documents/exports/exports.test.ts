/**
 * [INCOMING] Printouts: the register book (sổ đăng ký văn bản đến, Phụ lục IV) of a period as a spreadsheet
 * and as a PDF, and the processing slip (phiếu giải quyết văn bản đến) of one document, built from documents
 * registered, directed and handled through the API. PDF text is read back with poppler's pdftotext: without
 * it the PDF tests report themselves skipped with the reason — except under CI=true, where that is a failure.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../../platform/time.ts';
import { unitId } from '../../../test/factories.ts';
import { createTestApp, type Client, type Response, type TestApp } from '../../../test/test-app.ts';
import { incomingBody, registerIncoming, uploadPdf } from '../incoming/incoming.fixtures.ts';

const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

function pdftotextMissing(): string | undefined {
  if (fs.existsSync(PDFTOTEXT)) return undefined;
  const reason = `pdftotext not found at ${PDFTOTEXT} (install Debian's poppler-utils package)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; under CI=true this is a failure, not a skip`);
  return reason;
}

const missing = pdftotextMissing();
const pdfIt = it.skipIf(missing !== undefined);
const skipNote = missing ? ` — skipped: ${missing}` : '';

/** The text of a PDF: `layout` keeps the page layout; `raw` keeps drawing order (a cell's lines stay together). */
async function pdfText(bytes: Buffer, mode: 'layout' | 'raw' = 'layout'): Promise<string> {
  const file = `${fs.mkdtempSync('/tmp/edugov-pdf-')}/f.pdf`;
  fs.writeFileSync(file, bytes);
  const { stdout } = await promisify(execFile)(PDFTOTEXT, [`-${mode}`, '-enc', 'UTF-8', file, '-'], {
    maxBuffer: 64 << 20,
  });
  fs.rmSync(file);
  return stdout;
}
const collapse = (s: string) => s.replace(/\s+/g, ' ');
const occurrences = (text: string, part: string) => text.split(part).length - 1;

const HEADERS = [
  'Ngày đến',
  'Số đến',
  'Tác giả (cơ quan ban hành)',
  'Số, ký hiệu',
  'Ngày, tháng văn bản',
  'Tên loại và trích yếu nội dung',
  'Đơn vị hoặc người nhận',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
];

let t: TestApp;
let clerk: Client, leader: Client, head: Client, specialist: Client, orgAdmin: Client, otherClerk: Client;
let registerId: string, otherRegisterId: string, secretRegisterId: string;
let gdptName: string, khtcName: string;
/** The organisation's name in capitals, as the header of a printout shows it. */
let orgTitle: string;
const today = vietnamDate();
const docs: Record<string, { id: string; arrivalNumber: number; subject: string; numberNotation: string }> = {};

const INSTRUCTIONS =
  'Giao Phòng Giáo dục Phổ thông chủ trì, phối hợp Phòng Kế hoạch - Tài chính xây dựng kế hoạch tổ chức Hội khỏe Phù Đổng, trình Giám đốc trước ngày 15/12/2026.';
const HANDOVER = 'Đồng chí Ánh chủ trì dự thảo kế hoạch, lấy ý kiến các trường THPT trên địa bàn.';
const OPINION = 'Đề xuất tổ chức vòng chung kết tại Cung thể thao Quần Ngựa; dự toán kinh phí kèm theo.';

async function openRegister(name: string, confidential = false): Promise<string> {
  const res = await clerk.post('/api/v1/registers', { direction: 'incoming', name, confidential });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function ok(res: Promise<Response>): Promise<Response> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r;
}

const bookUrl = (id: string, from: string, to: string, format: 'xlsx' | 'pdf') =>
  `/api/v1/registers/${id}/book?from=${from}&to=${to}&format=${format}`;

const exportAudits = async (id: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'summary', 'target_type'])
    .where('action', '=', 'documents.register_exported')
    .where('target_id', '=', id)
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  [clerk, leader, head, specialist, orgAdmin, otherClerk] = await Promise.all([
    t.login('hn.vanthu'),
    t.login('hn.lanhdao'),
    t.login('hn.truongphong'),
    t.login('hn.chuyenvien'),
    t.login('hn.quantri'),
    t.login('bgd.vanthu'),
  ]);
  const [gdpt, khtc] = await Promise.all([unitId(t.db, 'so-ha-noi-gdpt'), unitId(t.db, 'so-ha-noi-khtc')]);
  const units = await t.db.selectFrom('units').select(['id', 'name']).where('id', 'in', [gdpt, khtc]).execute();
  gdptName = units.find((u) => u.id === gdpt)!.name;
  khtcName = units.find((u) => u.id === khtc)!.name;

  const org = await t.db
    .selectFrom('organizations')
    .select('name')
    .where('seed_key', '=', 'so-ha-noi')
    .executeTakeFirstOrThrow();
  orgTitle = org.name.toLocaleUpperCase('vi');

  registerId = await openRegister('Sổ văn bản đến của Sở (kiểm thử in sổ)');
  otherRegisterId = await openRegister('Sổ văn bản đến khác');
  secretRegisterId = await openRegister('Sổ văn bản đến mật (kiểm thử in sổ)', true);

  // Registered in this order, so the numbers (1…5) differ from the order of arrival.
  const register = async (key: string, receivedAt: string, overrides: Record<string, unknown> = {}) => {
    const d = await registerIncoming(clerk, { registerId, receivedAt, documentDate: '2026-02-20', ...overrides });
    docs[key] = d;
  };
  await register('before', '2026-02-28T16:59:00Z', { subject: 'Văn bản đến ngày 28/02 (ngoài kỳ)' }); // 23:59 on 28/02 in Hà Nội
  await register('first', '2026-02-28T17:00:00Z', {
    subject: 'Về việc báo cáo số liệu học sinh đầu năm học',
    urgency: 'urgent',
    notes: 'Bản chính kèm phụ lục',
  }); // 00:00 on 01/03
  await register('last', '2026-03-31T16:59:59Z', {
    subject: 'Thông báo lịch kiểm tra công tác y tế trường học',
    docType: 'notice',
    issuerName: 'Sở Y tế Hà Nội',
    numberNotation: '77/TB-SYT',
  }); // 23:59:59 on 31/03
  await register('handled', '2026-03-10T03:00:00Z', {
    subject: 'Kế hoạch tổ chức Hội khỏe Phù Đổng cấp thành phố năm 2026',
    docType: 'plan',
    issuerName: 'Ủy ban nhân dân thành phố Hà Nội',
    numberNotation: '125/KH-UBND',
  });
  await register('after', '2026-03-31T17:00:00Z', { subject: 'Văn bản đến ngày 01/04 (ngoài kỳ)' }); // 00:00 on 01/04
  docs.elsewhere = await registerIncoming(clerk, {
    registerId: otherRegisterId,
    receivedAt: '2026-03-15T03:00:00Z',
    documentDate: '2026-03-01',
    subject: 'Văn bản của sổ khác (không in)',
  });
  docs.secret = await registerIncoming(clerk, {
    registerId: secretRegisterId,
    receivedAt: '2026-03-16T03:00:00Z',
    documentDate: '2026-03-01',
    confidentiality: 'confidential',
    subject: 'Văn bản mật kiểm thử',
  });

  // "first": presented to the director only. "handled": directed, handed to the specialist, opinions, completed.
  await ok(clerk.post(`/api/v1/incoming-documents/${docs.first!.id}/present`, { leaderId: leader.me.user.id }));
  const id = docs.handled!.id;
  await ok(clerk.post(`/api/v1/incoming-documents/${id}/present`, { leaderId: leader.me.user.id }));
  const directed = await ok(
    leader.post(`/api/v1/incoming-documents/${id}/direct`, {
      lead: { unitId: gdpt, deadline: '2026-12-20' },
      supports: [{ unitId: khtc, deadline: '2026-12-15' }],
      instructions: INSTRUCTIONS,
    }),
  );
  const unitAssignment = directed
    .json()
    .assignments.find((a: { role: string; status: string }) => a.role === 'lead' && a.status === 'active');
  await ok(
    head.post(`/api/v1/incoming-documents/${id}/assign`, {
      assignmentId: unitAssignment.id,
      leadUserId: specialist.me.user.id,
      deadline: '2026-12-18',
      instructions: HANDOVER,
    }),
  );
  await ok(specialist.post(`/api/v1/incoming-documents/${id}/comment`, { note: OPINION }));
  await ok(specialist.post(`/api/v1/incoming-documents/${id}/complete`, { note: 'Đã trình dự thảo kế hoạch.' }));
});
afterAll(() => t?.close());

describe('[INCOMING] sổ đăng ký văn bản đến — spreadsheet', () => {
  it('has the title, the ten columns and one row per document of the period and register, in number order', async () => {
    const res = await clerk.get(bookUrl(registerId, '2026-03-01', '2026-03-31', 'xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="So-dang-ky-van-ban-den_2026-03-01_2026-03-31.xlsx"; filename*=UTF-8''So-dang-ky-van-ban-den_2026-03-01_2026-03-31.xlsx`,
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawBody as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts).toContain(orgTitle);
    expect(texts).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(texts).toContain('Sổ văn bản đến của Sở (kiểm thử in sổ)');
    expect(texts).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(texts).toContain('Năm 2026');

    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(2).value === 'Số đến') headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    const cells = (n: number) => Array.from({ length: 10 }, (_, i) => sheet.getRow(n).getCell(i + 1).value);
    expect(cells(headerRow)).toEqual(HEADERS);
    expect(cells(headerRow + 1)).toEqual(HEADERS.map((_, i) => `(${i + 1})`));

    const rows: unknown[][] = [];
    for (let n = headerRow + 2; n <= sheet.rowCount; n += 1) rows.push(cells(n));
    expect(rows.map((r) => r[1])).toEqual([
      docs.first!.arrivalNumber,
      docs.last!.arrivalNumber,
      docs.handled!.arrivalNumber,
    ]);
    expect([docs.first!.arrivalNumber, docs.last!.arrivalNumber, docs.handled!.arrivalNumber]).toEqual([2, 3, 4]);

    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const [first, last, handled] = rows as unknown[][];
    expect(first).toEqual([
      day('2026-03-01'),
      2,
      'Bộ Giáo dục và Đào tạo',
      docs.first!.numberNotation,
      day('2026-02-20'),
      'Công văn: Về việc báo cáo số liệu học sinh đầu năm học',
      'Trình: Hoàng Văn Thắng',
      day(today),
      null,
      'Khẩn; Bản chính kèm phụ lục',
    ]);
    expect(last).toEqual([
      day('2026-03-31'),
      3,
      'Sở Y tế Hà Nội',
      '77/TB-SYT',
      day('2026-02-20'),
      'Thông báo: Thông báo lịch kiểm tra công tác y tế trường học',
      null,
      null,
      null,
      null,
    ]);
    expect(handled).toEqual([
      day('2026-03-10'),
      4,
      'Ủy ban nhân dân thành phố Hà Nội',
      '125/KH-UBND',
      day('2026-02-20'),
      'Kế hoạch: Kế hoạch tổ chức Hội khỏe Phù Đổng cấp thành phố năm 2026',
      `Chủ trì: ${gdptName}\nPhối hợp: ${khtcName}`,
      day(today),
      null,
      null,
    ]);
    const all = JSON.stringify(rows);
    for (const outside of ['before', 'after', 'elsewhere', 'secret']) expect(all).not.toContain(docs[outside]!.subject);

    // Printing: A4 landscape, the header rows on every page and frozen on screen, wrapped cells.
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: `${headerRow}:${headerRow + 1}`,
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow + 1 });
    expect(sheet.getRow(headerRow + 2).getCell(6).alignment).toMatchObject({ wrapText: true });
    expect(sheet.getColumn(6).width).toBeGreaterThan(sheet.getColumn(2).width!);
    expect(sheet.getRow(headerRow + 2).getCell(3).font).toMatchObject({ name: 'Times New Roman' });
  });

  it('writes an audit row for each export, and lets leaders and administrators export too', async () => {
    const before = (await exportAudits(registerId)).length;
    await ok(leader.get(bookUrl(registerId, '2026-03-01', '2026-03-31', 'xlsx')));
    await ok(orgAdmin.get(bookUrl(registerId, '2026-01-01', '2026-12-31', 'xlsx')));
    const audits = await exportAudits(registerId);
    expect(audits.length).toBe(before + 2);
    expect(audits.at(-2)).toMatchObject({
      actor_user_id: leader.me.user.id,
      target_type: 'register',
      summary: { from: '2026-03-01', to: '2026-03-31', format: 'xlsx', documents: 3, confidential: false },
    });
    expect(audits.at(-1)).toMatchObject({ actor_user_id: orgAdmin.me.user.id, summary: { documents: 5 } });
  });
});

describe('[INCOMING] sổ đăng ký văn bản đến — who may print it, and the period', () => {
  it('refuses a specialist (403), hides another organisation’s register (404), and keeps confidential books to clerks and leaders', async () => {
    const url = bookUrl(registerId, '2026-03-01', '2026-03-31', 'xlsx');
    const secretUrl = bookUrl(secretRegisterId, '2026-03-01', '2026-03-31', 'pdf');
    const before = (await exportAudits(secretRegisterId)).length;

    expect((await specialist.get(url)).statusCode).toBe(403);
    expect((await head.get(url)).statusCode).toBe(403);
    const foreign = await otherClerk.get(url);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'record.not_found']);
    expect(
      (await clerk.get(bookUrl('00000000-0000-4000-8000-000000000000', '2026-03-01', '2026-03-31', 'xlsx'))).statusCode,
    ).toBe(404);

    const bySpecialist = await specialist.get(secretUrl);
    expect([bySpecialist.statusCode, bySpecialist.json().error.code]).toEqual([403, 'auth.forbidden']);
    expect((await orgAdmin.get(secretUrl)).statusCode).toBe(403);
    expect((await exportAudits(secretRegisterId)).length).toBe(before);

    const byClerk = await ok(clerk.get(secretUrl));
    expect(byClerk.headers['content-type']).toBe('application/pdf');
    await ok(leader.get(secretUrl));
    const audits = await exportAudits(secretRegisterId);
    expect(audits.length).toBe(before + 2);
    expect(audits.at(-1)).toMatchObject({ summary: { confidential: true, documents: 1, format: 'pdf' } });
  });

  it('answers 400 documents.invalid_period for a bad period and writes no audit row', async () => {
    const before = (await exportAudits(registerId)).length;
    const bad: [string, string][] = [
      ['2026-03-31', '2026-03-01'], // to before from
      ['2025-01-01', '2026-01-02'], // 367 days
      ['2026-02-30', '2026-03-31'], // no such day
      ['2026-03-01', '31/03/2026'],
      ['', '2026-03-31'],
    ];
    for (const [from, to] of bad) {
      const res = await clerk.get(bookUrl(registerId, from, to, 'pdf'));
      expect([res.statusCode, res.json().error.code], `${from}..${to}`).toEqual([400, 'documents.invalid_period']);
      expect(res.json().error.message).toBe('Khoảng thời gian không hợp lệ');
    }
    expect((await exportAudits(registerId)).length).toBe(before);
    // A leap year is 366 days: allowed.
    await ok(clerk.get(bookUrl(registerId, '2024-01-01', '2024-12-31', 'xlsx')));
    expect((await exportAudits(registerId)).length).toBe(before + 1);
  });
});

describe(`[INCOMING] sổ đăng ký văn bản đến — PDF${skipNote}`, () => {
  pdfIt('is an A4 landscape book with the title, the ten Vietnamese headers, the rows and page numbers', async () => {
    const res = await ok(clerk.get(bookUrl(registerId, '2026-03-01', '2026-03-31', 'pdf')));
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''So-dang-ky-van-ban-den_2026-03-01_2026-03-31.pdf`,
    );
    expect(res.rawBody.subarray(0, 5).toString()).toBe('%PDF-');
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.load(res.rawBody);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);

    const layout = await pdfText(res.rawBody, 'layout');
    expect(layout).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(layout).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(layout).toContain(orgTitle);
    expect(layout).toMatch(/Trang 1\/1\b/);
    const raw = collapse(await pdfText(res.rawBody, 'raw'));
    for (const header of HEADERS) expect(raw).toContain(header);
    expect(raw).toContain('(1) (2) (3) (4) (5) (6) (7) (8) (9) (10)');
    for (const key of ['first', 'last', 'handled']) expect(raw).toContain(docs[key]!.subject);
    for (const key of ['before', 'after', 'elsewhere', 'secret']) expect(raw).not.toContain(docs[key]!.subject);
    expect(raw).toContain('Ủy ban nhân dân thành phố Hà Nội');
    expect(raw).toContain(`Chủ trì: ${gdptName} Phối hợp: ${khtcName}`);
    expect(raw.indexOf(docs.last!.subject)).toBeLessThan(raw.indexOf(docs.handled!.subject)); // number order
    expect(raw).toBe(raw.normalize('NFC'));
  });

  pdfIt('runs a 60-document period over several pages with the header repeated and "Trang x/y"', async () => {
    const bigRegister = await openRegister('Sổ kiểm thử nhiều trang');
    const files = await Promise.all(Array.from({ length: 60 }, () => uploadPdf(clerk)));
    for (const [i, fileId] of files.entries()) {
      const res = await clerk.post(
        '/api/v1/incoming-documents',
        incomingBody(fileId, {
          registerId: bigRegister,
          receivedAt: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}T02:00:00Z`,
          documentDate: '2026-04-28',
          subject: `Văn bản kiểm thử số ${i + 1}: hướng dẫn công tác tuyển sinh và phổ cập giáo dục năm học 2026-2027`,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await ok(clerk.get(bookUrl(bigRegister, '2026-05-01', '2026-05-31', 'pdf')));
    const { PDFDocument } = await import('pdf-lib');
    const pages = (await PDFDocument.load(res.rawBody)).getPageCount();
    expect(pages).toBeGreaterThan(1);

    const layout = await pdfText(res.rawBody, 'layout');
    const pageTexts = layout.split('\f').filter((p) => p.trim() !== '');
    expect(pageTexts.length).toBe(pages);
    pageTexts.forEach((text, i) => {
      expect(text).toContain(`Trang ${i + 1}/${pages}`);
      expect(text).toContain('Tên loại và trích yếu nội dung');
      expect(text).toMatch(/\(1\)\s+\(2\)\s+\(3\)/);
    });
    expect(occurrences(layout, 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN')).toBe(1);
    const raw = collapse(await pdfText(res.rawBody, 'raw'));
    for (let i = 1; i <= 60; i += 1) expect(raw).toContain(`Văn bản kiểm thử số ${i}: hướng dẫn công tác tuyển sinh`);
    const order = Array.from(raw.matchAll(/Văn bản kiểm thử số (\d+):/g), (m) => Number(m[1]));
    expect(order).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });
});

describe(`[INCOMING] phiếu giải quyết văn bản đến${skipNote}`, () => {
  pdfIt('shows the document and the three blocks: the director, the unit head and the specialist', async () => {
    const res = await ok(specialist.get(`/api/v1/incoming-documents/${docs.handled!.id}/processing-slip.pdf`));
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="Phieu-giai-quyet-van-ban-den_so-4-2026\.pdf"/,
    );
    const { PDFDocument } = await import('pdf-lib');
    const { width, height } = (await PDFDocument.load(res.rawBody)).getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);

    const text = collapse(await pdfText(res.rawBody));
    expect(text).toContain('PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(text).toContain(orgTitle);
    expect(text).toMatch(/Số đến: 4 \(năm 2026\)/);
    expect(text).toContain('Ngày đến: 10/03/2026');
    expect(text).toContain('Cơ quan ban hành: Ủy ban nhân dân thành phố Hà Nội');
    expect(text).toContain('Số, ký hiệu: 125/KH-UBND');
    expect(text).toContain('Ngày văn bản: 20/02/2026');
    expect(text).toContain('Trích yếu: Kế hoạch: Kế hoạch tổ chức Hội khỏe Phù Đổng cấp thành phố năm 2026');

    const block1 = text.indexOf('1. Ý kiến của lãnh đạo cơ quan');
    const block2 = text.indexOf('2. Ý kiến của lãnh đạo đơn vị');
    const block3 = text.indexOf('3. Ý kiến đề xuất của người giải quyết');
    expect(block1).toBeGreaterThan(0);
    expect(block2).toBeGreaterThan(block1);
    expect(block3).toBeGreaterThan(block2);
    const [one, two, three] = [text.slice(block1, block2), text.slice(block2, block3), text.slice(block3)];
    expect(one).toContain(`Chủ trì: ${gdptName} — thời hạn: 20/12/2026`);
    expect(one).toContain(`Phối hợp: ${khtcName} — thời hạn: 15/12/2026`);
    expect(one).toContain(`Ý kiến chỉ đạo: ${INSTRUCTIONS}`);
    expect(one).toContain(`Ngày ${today.split('-').reverse().join('/')}`);
    expect(one).toContain('Hoàng Văn Thắng');
    expect(two).toContain('Chủ trì: Trịnh Ngọc Ánh — thời hạn: 18/12/2026');
    expect(two).toContain(`Ý kiến: ${HANDOVER}`);
    expect(two).toContain('Đặng Minh Tuấn');
    expect(three).toContain(`Trịnh Ngọc Ánh: ${OPINION}`);
    expect(three).toContain('Đã hoàn thành xử lý: Đã trình dự thảo kế hoạch.');
    expect(text).toContain('Trang 1/1');
  });

  pdfIt('wraps long opinions onto a second page', async () => {
    const doc = await registerIncoming(clerk, { subject: 'Văn bản có nhiều ý kiến dài' });
    await ok(clerk.post(`/api/v1/incoming-documents/${doc.id}/present`, {}));
    await ok(
      leader.post(`/api/v1/incoming-documents/${doc.id}/direct`, {
        lead: { userId: specialist.me.user.id },
        instructions: 'Đồng chí Ánh xử lý.',
      }),
    );
    const long = (n: number) =>
      `Ý kiến dài số ${n}: ${'nội dung đề xuất chi tiết về việc triển khai nhiệm vụ, '.repeat(30)}hết ý kiến ${n}.`;
    for (const n of [1, 2, 3])
      await ok(specialist.post(`/api/v1/incoming-documents/${doc.id}/comment`, { note: long(n) }));
    const res = await ok(leader.get(`/api/v1/incoming-documents/${doc.id}/processing-slip.pdf`));
    const layout = await pdfText(res.rawBody);
    const pages = layout.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    expect(layout).toContain(`Trang 2/${pages.length}`);
    const text = collapse(layout);
    for (const n of [1, 2, 3]) {
      expect(text).toContain(`Ý kiến dài số ${n}: nội dung đề xuất chi tiết`);
      expect(text).toContain(`hết ý kiến ${n}.`);
    }
    // The block of the unit head is empty (the director gave it to a person): lines to fill in by hand.
    expect(text).toMatch(/2\. Ý kiến của lãnh đạo đơn vị \.{20,}/);
  });

  it('is available to whoever may see the document, and to nobody else (404)', async () => {
    const fresh = await registerIncoming(clerk, { subject: 'Văn bản chưa giao' });
    expect((await specialist.get(`/api/v1/incoming-documents/${fresh.id}/processing-slip.pdf`)).statusCode).toBe(404);
    expect(
      (await otherClerk.get(`/api/v1/incoming-documents/${docs.handled!.id}/processing-slip.pdf`)).statusCode,
    ).toBe(404);
    expect(
      (await otherClerk.get(`/api/v1/incoming-documents/00000000-0000-4000-8000-000000000000/processing-slip.pdf`))
        .statusCode,
    ).toBe(404);
    const own = await ok(clerk.get(`/api/v1/incoming-documents/${fresh.id}/processing-slip.pdf?inline=true`));
    expect(String(own.headers['content-disposition'])).toMatch(/^inline; /);
    expect(own.rawBody.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
