/**
 * [OUTGOING] The outgoing register book (sổ đăng ký văn bản đi, STANDARDS §1.9) of a period as a spreadsheet
 * and as a PDF: every number issued through the API in book order, the cancelled one marked with its reason.
 * PDF text is read back with poppler's pdftotext: without it the PDF test reports itself skipped with the
 * reason — except under CI=true, where that is a failure.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../platform/pdf/index.ts';
import { vietnamDate } from '../../../platform/time.ts';
import { unitId } from '../../../test/factories.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { organizationId, takeStep, writeDraft } from '../outgoing/drafts/drafts.fixtures.ts';

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

async function pdfText(bytes: Buffer): Promise<string> {
  const file = `${fs.mkdtempSync('/tmp/edugov-pdf-')}/f.pdf`;
  fs.writeFileSync(file, bytes);
  const { stdout } = await promisify(execFile)(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', file, '-'], {
    maxBuffer: 64 << 20,
  });
  fs.rmSync(file);
  return stdout.replace(/\s+/g, ' ');
}

const HEADERS = [
  'Số, ký hiệu văn bản',
  'Ngày, tháng văn bản',
  'Tên loại và trích yếu nội dung',
  'Người ký',
  'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu',
  'Số lượng bản',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
];

let t: TestApp;
let clerk: Client, orgAdmin: Client, specialist: Client;
let registerId: string, secretRegisterId: string;
let gdptName: string;
const today = vietnamDate();
const numbers: { id: string; fullNumber: string }[] = [];

const bookUrl = (id: string, format: 'xlsx' | 'pdf') =>
  `/api/v1/registers/${id}/book?from=${today}&to=${today}&format=${format}`;

async function openOutgoing(name: string, confidential = false): Promise<string> {
  const res = await clerk.post('/api/v1/registers', { direction: 'outgoing', name, confidential });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function issue(body: Record<string, unknown>) {
  const res = await clerk.post(`/api/v1/registers/${registerId}/issue-number`, { confidentiality: 'normal', ...body });
  expect(res.statusCode, res.body).toBe(201);
  numbers.push(res.json());
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, orgAdmin, specialist] = await Promise.all([
    t.login('hn.vanthu'),
    t.login('hn.quantri'),
    t.login('hn.chuyenvien'),
  ]);
  const gdpt = await unitId(t.db, 'so-ha-noi-gdpt');
  gdptName = (await t.db.selectFrom('units').select('name').where('id', '=', gdpt).executeTakeFirstOrThrow()).name;
  registerId = await openOutgoing('Sổ văn bản đi của Sở (kiểm thử in sổ)');
  secretRegisterId = await openOutgoing('Sổ văn bản đi mật (kiểm thử in sổ)', true);

  await issue({
    docType: 'official_letter',
    draftingUnitId: gdpt,
    subject: 'Về việc tổ chức Hội khỏe Phù Đổng cấp thành phố',
    signerName: 'Nguyễn Văn Giám',
    notes: 'Bản giấy',
  });
  await issue({ docType: 'decision', subject: 'Về việc thành lập Ban tổ chức (cấp nhầm)', signerName: 'Trần Thị Hòa' });
  await issue({ docType: 'plan', subject: 'Kế hoạch kiểm tra học kỳ I', signerName: 'Nguyễn Văn Giám' });
  const cancelled = await clerk.post(`/api/v1/issued-numbers/${numbers[1]!.id}/cancel`, {
    reason: 'Cấp nhầm loại văn bản',
  });
  expect(cancelled.statusCode, cancelled.body).toBe(200);
});
afterAll(() => t.close());

describe('[OUTGOING] register book (sổ đăng ký văn bản đi)', () => {
  it('exports every number of the period in book order, the ten columns of §1.9, the cancelled one marked', async () => {
    const res = await clerk.get(bookUrl(registerId, 'xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`So-dang-ky-van-ban-di_${today}_${today}.xlsx`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawBody as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(texts).toContain('Sổ văn bản đi của Sở (kiểm thử in sổ)');

    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === HEADERS[0]) headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    const cells = (n: number) => Array.from({ length: 10 }, (_, i) => sheet.getRow(n).getCell(i + 1).value);
    expect(cells(headerRow)).toEqual(HEADERS);
    const rows: unknown[][] = [];
    for (let n = headerRow + 2; n <= sheet.rowCount; n += 1) rows.push(cells(n));
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[0])).toEqual(numbers.map((n) => n.fullNumber));
    expect(rows[0]!.slice(2, 6)).toEqual([
      'Công văn: Về việc tổ chức Hội khỏe Phù Đổng cấp thành phố',
      'Nguyễn Văn Giám',
      null,
      gdptName,
    ]);
    expect(rows[0]![1]).toBeInstanceOf(Date);
    expect(rows[0]![9]).toBe('Bản giấy');
    expect(rows[1]![3]).toBe('Trần Thị Hòa');
    expect(rows[1]![9]).toBe('Đã hủy: Cấp nhầm loại văn bản');
    expect(rows[2]![9]).toBeNull();

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'summary'])
      .where('action', '=', 'documents.register_exported')
      .where('target_id', '=', registerId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({ format: 'xlsx', documents: 3, confidential: false });
  });

  pdfIt(`prints the title and the numbers in the PDF${skipNote}`, async () => {
    const res = await clerk.get(bookUrl(registerId, 'pdf'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawBody);
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(text).toContain(`Từ ngày ${formatDate(today)} đến ngày ${formatDate(today)}`);
    const at = numbers.map((n) => text.indexOf(n.fullNumber));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('Đã hủy: Cấp nhầm loại văn bản');
  });

  it('follows the incoming book policy: administrators but not specialists; a confidential book clerks only', async () => {
    expect((await orgAdmin.get(bookUrl(registerId, 'xlsx'))).statusCode).toBe(200);
    expect((await specialist.get(bookUrl(registerId, 'xlsx'))).statusCode).toBe(403);
    expect((await orgAdmin.get(bookUrl(secretRegisterId, 'xlsx'))).statusCode).toBe(403);
    const secret = await clerk.get(bookUrl(secretRegisterId, 'pdf'));
    expect(secret.statusCode, secret.body).toBe(200);
  });
});

describe('[OUTGOING] register book with a document issued on EduGov', () => {
  it('shows its subject, signer, recipients, number of copies and dispatch day', async () => {
    const [specialistB, headB, clerkB, leaderB] = await Promise.all(
      ['bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'bgd.lanhdao'].map((u) => t.login(u)),
    );
    const soHaNoi = await organizationId(t.db, 'so-ha-noi');
    const draft = await writeDraft(specialistB!, {
      subject: 'Về việc hướng dẫn nhiệm vụ năm học (kiểm thử sổ đi)',
      recipients: { internal: [soHaNoi], external: ['Đại học Quốc gia Hà Nội'] },
      signerUserId: leaderB!.me.user.id,
      signerPositionTitle: 'Thứ trưởng',
      authorityPrefix: 'KT',
    });
    await takeStep(specialistB!, draft.id, 'submit', {});
    await takeStep(headB!, draft.id, 'approve', {});
    await takeStep(clerkB!, draft.id, 'approve', {});
    await takeStep(leaderB!, draft.id, 'approve', {});
    const issued = await clerkB!.post(`/api/v1/outgoing-documents/${draft.id}/issue`, {});
    expect(issued.statusCode, issued.body).toBe(200);
    const number = await t.db
      .selectFrom('issued_numbers')
      .select(['register_id', 'full_number'])
      .where('document_id', '=', draft.id)
      .executeTakeFirstOrThrow();

    const res = await clerkB!.get(bookUrl(number.register_id, 'xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawBody as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    let row: unknown[] | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === number.full_number) row = Array.from({ length: 10 }, (_, i) => r.getCell(i + 1).value);
    });
    expect(row).toBeDefined();
    expect(row![2]).toBe('Công văn: Về việc hướng dẫn nhiệm vụ năm học (kiểm thử sổ đi)');
    const signer = await t.db
      .selectFrom('users')
      .select('full_name')
      .where('id', '=', leaderB!.me.user.id)
      .executeTakeFirstOrThrow();
    expect(row![3]).toBe(signer.full_name);
    expect(String(row![4])).toContain('Đại học Quốc gia Hà Nội');
    expect(row![6]).toBe(2);
    expect(row![7]).toBeInstanceOf(Date);
  });
});
