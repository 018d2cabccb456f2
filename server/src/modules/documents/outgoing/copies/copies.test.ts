/**
 * [COPIES] Bản sao y, sao lục, trích sao (Nghị định 30/2020, Điều 25–27; STANDARDS §1.11): the clerk of Bộ
 * GD&ĐT copies an issued Công văn and a registered incoming document; each copy has its own number per form
 * and year (01/SY-BGDĐT, leading zero, yearly reset, 20 concurrent copies consecutive), its PDF carries the
 * copied pages and the copy block (pdftotext), sao lục only from a sao y, permissions and bad input.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../../../platform/time.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { readFileBytes } from '../../../files/index.ts';
import { incomingBody, registerIncoming } from '../../incoming/incoming.fixtures.ts';
import { organizationId, takeStep, writeDraft } from '../drafts/drafts.fixtures.ts';
import { formatPlaceDate } from '../render/index.ts';
import { allocateCopyNumber } from './index.ts';

const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';
function popplerMissing(): string | undefined {
  if (fs.existsSync(PDFTOTEXT)) return undefined;
  const reason = `pdftotext not found at ${PDFTOTEXT} (install Debian's poppler-utils package)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; under CI=true this is a failure, not a skip`);
  return reason;
}
const missing = popplerMissing();
const skipNote = missing ? ` — skipped: ${missing}` : '';

let t: TestApp;
let specialist: Client, head: Client, clerk: Client, leader: Client, hnClerk: Client, hnLeader: Client;
let soHaNoi: string;
let moet: string;
let letterId: string;

beforeAll(async () => {
  t = await createTestApp();
  [specialist, head, clerk, leader, hnClerk, hnLeader] = (await Promise.all(
    ['bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'bgd.lanhdao', 'hn.vanthu', 'hn.lanhdao'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client, Client, Client];
  soHaNoi = await organizationId(t.db, 'so-ha-noi');
  moet = clerk.me.organizationId;
  // An issued Công văn of the Ministry to Sở GD&ĐT Hà Nội, written by the specialist.
  const draft = await writeDraft(specialist, {
    recipients: { internal: [soHaNoi], external: [] },
    signerUserId: leader.me.user.id,
    signerPositionTitle: 'Thứ trưởng',
    authorityPrefix: 'KT',
  });
  await takeStep(specialist, draft.id, 'submit', {});
  await takeStep(head, draft.id, 'approve', {});
  await takeStep(clerk, draft.id, 'approve', {});
  await takeStep(leader, draft.id, 'approve', {});
  const issued = await clerk.post(`/api/v1/outgoing-documents/${draft.id}/issue`, {});
  expect(issued.statusCode, issued.body).toBe(200);
  letterId = draft.id;
});
afterAll(() => t.close());

interface Copy {
  id: string;
  form: string;
  fullNumber: string;
  number: number;
  year: number;
  date: string;
  pages: string | null;
  pageCount: number;
  fileUrl: string;
  outgoingId: string | null;
  incomingId: string | null;
  sourceCopyId: string | null;
  sourceNumber: string;
  signerName: string;
  signerTitle: string;
  recipients: string[];
  confidential: boolean;
}

function copyBody(source: { type: string; id: string }, extra: Record<string, unknown> = {}) {
  return {
    source,
    form: 'SY',
    medium: 'paper',
    signerUserId: leader.me.user.id,
    recipients: ['Sở GD&ĐT Hà Nội', 'Văn phòng Chính phủ'],
    ...extra,
  };
}

async function makeCopy(who: Client, body: Record<string, unknown>): Promise<Copy> {
  const res = await who.post('/api/v1/document-copies', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function refused(who: Client, body: Record<string, unknown>, status: number, code: string) {
  const res = await who.post('/api/v1/document-copies', body);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  return res.json().error;
}

async function pdfOf(who: Client, copy: Copy): Promise<Buffer> {
  const res = await who.get(copy.fileUrl);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/pdf');
  return res.rawBody;
}

async function textOf(bytes: Uint8Array, pages?: { first: number; last: number }): Promise<string> {
  const dir = fs.mkdtempSync('/tmp/edugov-copy-');
  const file = path.join(dir, 'c.pdf');
  fs.writeFileSync(file, bytes);
  try {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    const { stdout } = await promisify(execFile)(PDFTOTEXT, [...range, '-layout', '-enc', 'UTF-8', file, '-']);
    return stdout.normalize('NFC');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();

/** A registered incoming document whose PDF has `pages` pages reading "Trang 1", "Trang 2", … */
async function registeredWithPages(who: Client, pages: number, extra: Record<string, unknown> = {}) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (let i = 1; i <= pages; i++) {
    pdf.addPage([595, 842]).drawText(`Trang ${i} cua van ban den`, { x: 72, y: 760, size: 14, font });
  }
  const upload = await who.upload('/api/v1/files', {
    name: 'Van ban den.pdf',
    bytes: await pdf.save(),
    contentType: 'application/pdf',
  });
  expect(upload.statusCode, upload.body).toBeLessThan(300);
  const res = await who.post('/api/v1/incoming-documents', incomingBody(upload.json().id, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; numberNotation: string };
}

describe('[COPIES] numbering', () => {
  it('gives the first sao y of the year 01/SY-BGDĐT, then 02, with the leading zero', async () => {
    const first = await makeCopy(clerk, copyBody({ type: 'outgoing', id: letterId }));
    const second = await makeCopy(clerk, copyBody({ type: 'outgoing', id: letterId }));
    expect(first.fullNumber).toBe('01/SY-BGDĐT');
    expect(second.fullNumber).toBe('02/SY-BGDĐT');
    expect(first).toMatchObject({
      form: 'SY',
      year: Number(vietnamDate().slice(0, 4)),
      date: vietnamDate(),
      outgoingId: letterId,
      incomingId: null,
      signerName: expect.any(String),
      recipients: ['Sở GD&ĐT Hà Nội', 'Văn phòng Chính phủ'],
      confidential: false,
    });
    expect(first.fullNumber).toBe(first.fullNumber.normalize('NFC'));
    // The source's number is recorded with the copy; the audit row was written with it.
    const source = await t.db
      .selectFrom('outgoing_documents')
      .select('full_number')
      .where('id', '=', letterId)
      .executeTakeFirstOrThrow();
    expect(first.sourceNumber).toBe(source.full_number);
    const audit = await t.db.selectFrom('audit_log').select('action').where('target_id', '=', first.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['documents.copy_made']);
  });

  it('runs one series per form: the first trích sao is 01/TrS-BGDĐT while sao y is at 02', async () => {
    const excerpt = await makeCopy(
      clerk,
      copyBody({ type: 'outgoing', id: letterId }, { form: 'TrS', excerpt: 'Tổ chức dạy học theo chương trình 2018.' }),
    );
    expect(excerpt.fullNumber).toBe('01/TrS-BGDĐT');
    // The outgoing register still shows its own last number, not the copies'.
    const registers = (await clerk.get('/api/v1/registers?direction=outgoing')).json().items as {
      lastNumber: number | null;
      confidential: boolean;
    }[];
    const issuedNumbers = (await clerk.get('/api/v1/issued-numbers')).json().items as { number: number }[];
    expect(registers.find((r) => !r.confidential)?.lastNumber).toBe(Math.max(...issuedNumbers.map((n) => n.number)));
  });

  it('starts again at 01 on 1 January (Vietnam time) and writes 10 without a zero', async () => {
    const at = (iso: string) =>
      t.db
        .transaction()
        .execute((trx) =>
          allocateCopyNumber(trx, { organizationId: moet, form: 'SL', confidential: false, at: new Date(iso) }),
        );
    expect((await at('2030-12-31T10:00:00+07:00')).fullNumber).toBe('01/SL-BGDĐT');
    expect((await at('2030-12-31T23:59:00+07:00')).fullNumber).toBe('02/SL-BGDĐT');
    // 31 December 17:30 UTC is already 1 January in Hà Nội.
    const newYear = await at('2030-12-31T17:30:00Z');
    expect(newYear).toMatchObject({ year: 2031, fullNumber: '01/SL-BGDĐT' });
    for (let i = 2; i <= 9; i++) await at('2031-02-01T09:00:00+07:00');
    expect((await at('2031-02-01T09:00:00+07:00')).fullNumber).toBe('10/SL-BGDĐT');
    // A rollback gives the number back: no gap.
    await expect(
      t.db.transaction().execute(async (trx) => {
        await allocateCopyNumber(trx, {
          organizationId: moet,
          form: 'SL',
          confidential: false,
          at: new Date('2031-03-01'),
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await at('2031-03-02T09:00:00+07:00')).fullNumber).toBe('11/SL-BGDĐT');
  });

  it('numbers 20 concurrent copies consecutively, without gaps or duplicates', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        clerk.post('/api/v1/document-copies', copyBody({ type: 'outgoing', id: letterId })),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => (r.json() as Copy).number).sort((a, b) => a - b);
    const first = numbers[0]!;
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
    const rows = await t.db
      .selectFrom('document_copies')
      .select('number')
      .where('organization_id', '=', moet)
      .where('form', '=', 'SY')
      .where('confidential', '=', false)
      .orderBy('number')
      .execute();
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
  });
});

describe('[COPIES] the PDF', () => {
  it.skipIf(missing !== undefined)(
    `a sao y holds the source pages then the copy block: SAO Y, the number and the date line${skipNote}`,
    async () => {
      const copy = await makeCopy(clerk, copyBody({ type: 'outgoing', id: letterId }));
      const row = await t.db
        .selectFrom('outgoing_documents')
        .select(['official_file_id', 'full_number'])
        .where('id', '=', letterId)
        .executeTakeFirstOrThrow();
      const sourcePages = await pageCount(await readFileBytes(t, row.official_file_id!));
      const bytes = await pdfOf(clerk, copy);
      expect(await pageCount(bytes)).toBe(sourcePages + 1);
      expect(copy.pageCount).toBe(sourcePages + 1);
      const text = await textOf(bytes);
      expect(text).toContain(`Số: ${row.full_number}`); // the copied document
      const block = await textOf(bytes, { first: sourcePages + 1, last: sourcePages + 1 });
      expect(block).toContain('SAO Y');
      expect(block).toContain(`Số: ${copy.fullNumber}`);
      expect(block).toContain(formatPlaceDate('Hà Nội', vietnamDate()));
      expect(block).toContain('BỘ GIÁO DỤC VÀ ĐÀO TẠO');
      expect(block).toContain('Nơi nhận:');
      expect(block).toContain('- Văn phòng Chính phủ;');
      expect(block).toContain('- Lưu: VT.');
      expect(block).toContain(copy.signerName);
      // A paper copy has no electronic block.
      expect(await textOf(bytes, { first: 1, last: 1 })).not.toMatch(/\+07:00/);
    },
  );

  it.skipIf(missing !== undefined)(
    `an electronic copy carries form, organisation and ISO 8601 time top right of page 1${skipNote}`,
    async () => {
      const copy = await makeCopy(clerk, copyBody({ type: 'outgoing', id: letterId }, { medium: 'electronic' }));
      const page1 = await textOf(await pdfOf(clerk, copy), { first: 1, last: 1 });
      expect(page1).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00/);
      expect(page1.split('\n').slice(0, 6).join('\n')).toContain('SAO Y');
    },
  );

  it.skipIf(missing !== undefined)(`a trích sao of pages 2-3 copies those pages only${skipNote}`, async () => {
    const doc = await registeredWithPages(clerk, 3);
    const copy = await makeCopy(clerk, copyBody({ type: 'incoming', id: doc.id }, { form: 'TrS', pages: '2-3' }));
    expect(copy).toMatchObject({ form: 'TrS', pages: '2-3', incomingId: doc.id, sourceNumber: doc.numberNotation });
    const bytes = await pdfOf(clerk, copy);
    expect(await pageCount(bytes)).toBe(3);
    const text = await textOf(bytes);
    expect(text).toContain('Trang 2');
    expect(text).toContain('Trang 3');
    expect(text).not.toContain('Trang 1');
    expect(text).toContain('TRÍCH SAO');
    expect(text).toContain(`Số: ${copy.fullNumber}`);
    expect(copy.fullNumber).toMatch(/^\d{2,}\/TrS-BGDĐT$/);
  });

  it.skipIf(missing !== undefined)(`a sao lục is made from a sao y and carries both blocks${skipNote}`, async () => {
    const doc = await registeredWithPages(clerk, 1);
    const sy = await makeCopy(clerk, copyBody({ type: 'incoming', id: doc.id }));
    const sl = await makeCopy(clerk, copyBody({ type: 'copy', id: sy.id }, { form: 'SL' }));
    expect(sl).toMatchObject({ form: 'SL', sourceCopyId: sy.id, incomingId: doc.id, sourceNumber: sy.fullNumber });
    expect(sl.fullNumber).toMatch(/^\d{2,}\/SL-BGDĐT$/);
    const bytes = await pdfOf(clerk, sl);
    expect(await pageCount(bytes)).toBe(3); // the page, the SY block, the SL block
    const text = await textOf(bytes);
    expect(text).toContain('SAO Y');
    expect(text).toContain('SAO LỤC');
    expect(text).toContain(`Số: ${sl.fullNumber}`);
    // Both are listed on the incoming document.
    const list = (await clerk.get(`/api/v1/incoming-documents/${doc.id}/copies`)).json().items as Copy[];
    expect(list.map((c) => c.fullNumber).sort()).toEqual([sl.fullNumber, sy.fullNumber].sort());
  });
});

describe('[COPIES] permissions', () => {
  it('lists the copies on the outgoing document for whoever sees it; another organisation gets 404', async () => {
    const listed = await specialist.get(`/api/v1/outgoing-documents/${letterId}/copies`);
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as Copy[];
    expect(items.length).toBeGreaterThanOrEqual(24);
    expect(items.every((c) => c.outgoingId === letterId)).toBe(true);
    expect((await hnClerk.get(`/api/v1/outgoing-documents/${letterId}/copies`)).statusCode).toBe(404);
    expect((await hnClerk.get(items[0]!.fileUrl)).statusCode).toBe(404);
    expect((await hnClerk.get(`/api/v1/document-copies/${items[0]!.id}`)).statusCode).toBe(404);
    expect((await specialist.get(items[0]!.fileUrl)).statusCode).toBe(200);
  });

  it('another organisation’s clerk cannot copy the document (404); a specialist who sees it may not (403)', async () => {
    const before = await t.db
      .selectFrom('document_copies')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await refused(
      hnClerk,
      copyBody({ type: 'outgoing', id: letterId }, { signerUserId: hnLeader.me.user.id }),
      404,
      'record.not_found',
    );
    await refused(specialist, copyBody({ type: 'outgoing', id: letterId }), 403, 'auth.forbidden');
    const after = await t.db
      .selectFrom('document_copies')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('copies a received document only once registered, by the receiving organisation', async () => {
    const received = await t.db
      .selectFrom('incoming_documents')
      .select(['id', 'version'])
      .where('source_reference', '=', `outgoing:${letterId}`)
      .executeTakeFirstOrThrow();
    await refused(
      hnClerk,
      copyBody({ type: 'incoming', id: received.id }, { signerUserId: hnLeader.me.user.id }),
      400,
      'documents.copy_invalid_source',
    );
    const reg = await hnClerk.post(`/api/v1/incoming-documents/${received.id}/register`, { version: received.version });
    expect(reg.statusCode, reg.body).toBe(200);
    const copy = await makeCopy(
      hnClerk,
      copyBody({ type: 'incoming', id: received.id }, { signerUserId: hnLeader.me.user.id }),
    );
    expect(copy.fullNumber).toMatch(/^01\/SY-/);
    expect(copy.fullNumber).not.toContain('BGDĐT');
  });
});

describe('[COPIES] bad input', () => {
  it('refuses bad page ranges, parts of a sao y, and a trích sao with neither pages nor excerpt', async () => {
    const doc = await registeredWithPages(clerk, 2);
    const src = { type: 'incoming', id: doc.id };
    for (const pages of ['3', '2-1', '1,1', '2,1', '0']) {
      const error = await refused(clerk, copyBody(src, { form: 'TrS', pages }), 400, 'documents.copy_invalid_pages');
      expect(error.message).toMatch(/Trang trích sao/);
    }
    await refused(clerk, copyBody(src, { form: 'TrS', pages: 'một' }), 400, 'request.invalid');
    await refused(clerk, copyBody(src, { form: 'TrS' }), 400, 'documents.copy_invalid_pages');
    await refused(clerk, copyBody(src, { form: 'TrS', pages: '1', excerpt: 'x' }), 400, 'documents.copy_invalid_pages');
    await refused(clerk, copyBody(src, { pages: '1' }), 400, 'documents.copy_invalid_pages');
    const english = await clerk.post('/api/v1/document-copies', copyBody(src, { form: 'TrS', pages: '5' }), {
      'accept-language': 'en',
    });
    expect(english.json().error.message).toMatch(/pages to extract/);
  });

  it('makes a sao lục only from a sao y, and a sao y only from a document', async () => {
    await refused(
      clerk,
      copyBody({ type: 'outgoing', id: letterId }, { form: 'SL' }),
      400,
      'documents.copy_invalid_source',
    );
    const doc = await registeredWithPages(clerk, 1);
    const trs = await makeCopy(clerk, copyBody({ type: 'incoming', id: doc.id }, { form: 'TrS', pages: '1' }));
    await refused(clerk, copyBody({ type: 'copy', id: trs.id }, { form: 'SL' }), 400, 'documents.copy_invalid_source');
    const sy = await makeCopy(clerk, copyBody({ type: 'incoming', id: doc.id }));
    const sl = await makeCopy(clerk, copyBody({ type: 'copy', id: sy.id }, { form: 'SL' }));
    await refused(clerk, copyBody({ type: 'copy', id: sl.id }, { form: 'SL' }), 400, 'documents.copy_invalid_source');
    await refused(clerk, copyBody({ type: 'copy', id: sy.id }), 400, 'documents.copy_invalid_source');
  });

  it('refuses a signer who is not a leader of the organisation, and electronic copies of classified documents', async () => {
    await refused(
      clerk,
      copyBody({ type: 'outgoing', id: letterId }, { signerUserId: clerk.me.user.id }),
      400,
      'documents.copy_invalid_signer',
    );
    await refused(
      clerk,
      copyBody({ type: 'outgoing', id: letterId }, { signerUserId: hnLeader.me.user.id }),
      400,
      'documents.copy_invalid_signer',
    );
    const secret = await registerIncoming(clerk, { confidentiality: 'confidential' });
    await refused(
      clerk,
      copyBody({ type: 'incoming', id: secret.id }, { medium: 'electronic' }),
      400,
      'documents.copy_confidential_electronic',
    );
    // On paper it is copied, numbered in the confidential series (its own 01).
    const paper = await makeCopy(clerk, copyBody({ type: 'incoming', id: secret.id }));
    expect(paper).toMatchObject({ confidential: true, fullNumber: '01/SY-BGDĐT' });
  });
});
