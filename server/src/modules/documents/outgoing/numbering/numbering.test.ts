/**
 * [OUTGOING NUMBERING] Số, ký hiệu of outgoing documents (Decree 30/2020, Điều 15, Phụ lục I): format with the
 * leading zero, typed vs công văn notation, yearly reset in Vietnam time, single vs per-type series,
 * confidential series, 50 concurrent issues, cancellation without reuse, permissions and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../../platform/errors.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { createPerson, unitId } from '../../../../test/factories.ts';
import { countRows, createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { formatFullNumber, issueNumber, type IssueNumberInput } from './index.ts';

let t: TestApp;
let clerk: Client; // hn.vanthu, Sở GD&ĐT Hà Nội
const thisYear = () => Number(vietnamDate().slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('hn.vanthu');
});
afterAll(() => t.close());

interface Org {
  readonly id: string;
  readonly clerk: Client;
  readonly gdpt: string;
  readonly vp: string;
}

/**
 * A Sở GD&ĐT of its own (abbreviation SGDĐT, units GDPT and VP) with a clerk: số, ký hiệu are unique in an
 * organisation's year, so each test numbers in its own organisation.
 */
let orgs = 0;
async function newOrganisation(): Promise<Org> {
  const key = `kiem-thu-so-${++orgs}`;
  const org = await t.db
    .insertInto('organizations')
    .values({
      seed_key: key,
      identifier: `000.00.98.T${String(orgs).padStart(2, '0')}`,
      name: `Sở Giáo dục và Đào tạo kiểm thử ${orgs}`,
      short_name: `Sở GD&ĐT kiểm thử ${orgs}`,
      abbreviation: 'SGDĐT',
      kind: 'provincial_department',
      valid_from: '2020-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unit = async (abbreviation: string, name: string) =>
    (
      await t.db
        .insertInto('units')
        .values({
          seed_key: `${key}-${abbreviation.toLowerCase()}`,
          organization_id: org.id,
          name,
          abbreviation,
          kind: abbreviation === 'VP' ? 'office' : 'division',
          valid_from: '2020-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const gdpt = await unit('GDPT', 'Phòng Giáo dục Phổ thông');
  const vp = await unit('VP', 'Văn phòng');
  await createPerson(t.db, {
    username: `${key}.vanthu`,
    fullName: `Văn thư kiểm thử ${orgs}`,
    org: key,
    unit: `${key}-vp`,
    roles: ['clerk'],
  });
  return { id: org.id, clerk: await t.login(`${key}.vanthu`), gdpt, vp };
}

let books = 0;
async function openOutgoing(
  who: Client,
  options: { confidential?: boolean; numbering?: 'single' | 'per_type' } = {},
): Promise<string> {
  const res = await who.post('/api/v1/registers', {
    direction: 'outgoing',
    name: `Sổ văn bản đi kiểm thử ${++books}`,
    confidential: options.confidential ?? false,
    ...(options.numbering ? { numbering: options.numbering } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().numbering).toBe(options.numbering ?? 'single');
  return res.json().id;
}

interface Issued {
  id: string;
  number: number;
  year: number;
  series: string;
  notation: string;
  fullNumber: string;
  status: string;
  subject: string | null;
}

async function issue(who: Client, registerId: string, docType: string, extra: Record<string, unknown> = {}) {
  const res = await who.post(`/api/v1/registers/${registerId}/issue-number`, {
    docType,
    confidentiality: 'normal',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Issued;
}

async function list(who: Client, registerId: string, query = ''): Promise<Issued[]> {
  const res = await who.get(`/api/v1/issued-numbers?registerId=${registerId}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** Issues through the use-case function (for instants other than now), in a transaction of its own. */
async function issueAt(
  org: Org,
  input: { registerId?: string; at?: string; docType?: string } & Omit<Partial<IssueNumberInput>, 'at'>,
) {
  return t.db.transaction().execute((trx) =>
    issueNumber(trx, {
      organizationId: org.id,
      docType: 'decision',
      confidentiality: 'normal',
      draftingUnitId: null,
      issuedBy: org.clerk.me.user.id,
      ...input,
      at: new Date(input.at ?? Date.now()),
    }),
  );
}

async function rejected(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('[OUTGOING NUMBERING] format and notation', () => {
  it('writes numbers below 10 with a leading zero, then 10, 123', () => {
    expect(formatFullNumber(1, 'QĐ-BGDĐT')).toBe('01/QĐ-BGDĐT');
    expect(formatFullNumber(5, 'QĐ-BGDĐT')).toBe('05/QĐ-BGDĐT');
    expect(formatFullNumber(9, 'BGDĐT-GDPT')).toBe('09/BGDĐT-GDPT');
    expect(formatFullNumber(10, 'QĐ-BGDĐT')).toBe('10/QĐ-BGDĐT');
    expect(formatFullNumber(123, 'BGDĐT-GDPT')).toBe('123/BGDĐT-GDPT');
    expect(() => formatFullNumber(0, 'QĐ-BGDĐT')).toThrow();
  });

  it('numbers a book 01…09, 10, 11 and later 123, in the year of issue (Vietnam time)', async () => {
    const org = await newOrganisation();
    const registerId = await openOutgoing(org.clerk);
    const issued: Issued[] = [];
    for (let i = 0; i < 11; i++) issued.push(await issue(org.clerk, registerId, 'decision'));
    expect(issued.map((n) => n.fullNumber)).toEqual([
      '01/QĐ-SGDĐT',
      '02/QĐ-SGDĐT',
      '03/QĐ-SGDĐT',
      '04/QĐ-SGDĐT',
      '05/QĐ-SGDĐT',
      '06/QĐ-SGDĐT',
      '07/QĐ-SGDĐT',
      '08/QĐ-SGDĐT',
      '09/QĐ-SGDĐT',
      '10/QĐ-SGDĐT',
      '11/QĐ-SGDĐT',
    ]);
    expect(issued[0]!.year).toBe(thisYear());
    const registers = (await org.clerk.get('/api/v1/registers?direction=outgoing')).json().items;
    expect(registers.find((r: { id: string }) => r.id === registerId)).toMatchObject({
      lastNumber: 11,
      lastYear: thisYear(),
    });
    await t.db
      .updateTable('register_counters')
      .set({ last_number: 122 })
      .where('register_id', '=', registerId)
      .execute();
    const letter = await issue(org.clerk, registerId, 'official_letter', { draftingUnitId: org.gdpt });
    expect(letter.fullNumber).toBe('123/SGDĐT-GDPT');
  });

  it('writes {type}-{organisation} for typed documents and {organisation}-{unit} for công văn, mixed case kept', async () => {
    const org = await newOrganisation();
    const registerId = await openOutgoing(org.clerk);
    const results = [
      await issue(org.clerk, registerId, 'decision'),
      await issue(org.clerk, registerId, 'official_letter', { draftingUnitId: org.gdpt }),
      await issue(org.clerk, registerId, 'regulation'),
      await issue(org.clerk, registerId, 'submission', { draftingUnitId: org.vp }), // a typed one ignores the unit
      await issue(org.clerk, registerId, 'public_letter', { draftingUnitId: org.vp }),
      await issue(org.clerk, registerId, 'programme'),
    ];
    expect(results.map((n) => n.fullNumber)).toEqual([
      '01/QĐ-SGDĐT',
      '02/SGDĐT-GDPT',
      '03/QyĐ-SGDĐT',
      '04/TTr-SGDĐT',
      '05/SGDĐT-VP',
      '06/CTr-SGDĐT',
    ]);
    expect(results.every((n) => n.fullNumber === n.fullNumber.normalize('NFC'))).toBe(true);
    expect((await list(org.clerk, registerId)).find((n) => n.number === 2)).toMatchObject({
      notation: 'SGDĐT-GDPT',
      draftingUnitName: 'Phòng Giáo dục Phổ thông',
      status: 'issued',
    });
    // The Ministry's numbers carry its own abbreviation.
    const ministry = await t.login('bgd.vanthu');
    const moetBook = await openOutgoing(ministry);
    const moetLetter = await issue(ministry, moetBook, 'official_letter', {
      draftingUnitId: await unitId(t.db, 'moet-gdpt'),
    });
    expect(moetLetter.fullNumber).toBe('01/BGDĐT-GDPT');
  });
});

describe('[OUTGOING NUMBERING] series', () => {
  it('starts again at 01 on 1 January in Vietnam time', async () => {
    const org = await newOrganisation();
    const registerId = await openOutgoing(org.clerk);
    const a = await issueAt(org, { registerId, at: '2025-12-31T10:00:00Z' });
    const b = await issueAt(org, { registerId, at: '2025-12-31T16:59:59Z' }); // 23:59:59 on 31/12/2025 in Hà Nội
    const c = await issueAt(org, { registerId, at: '2025-12-31T17:00:00Z' }); // 00:00 on 01/01/2026 in Hà Nội
    const d = await issueAt(org, { registerId, at: '2026-01-02T02:00:00Z' });
    expect([a, b, c, d].map((n) => [n.year, n.full_number])).toEqual([
      [2025, '01/QĐ-SGDĐT'],
      [2025, '02/QĐ-SGDĐT'],
      [2026, '01/QĐ-SGDĐT'],
      [2026, '02/QĐ-SGDĐT'],
    ]);
    expect((await list(org.clerk, registerId, '&year=2025')).map((n) => n.fullNumber)).toEqual([
      '02/QĐ-SGDĐT',
      '01/QĐ-SGDĐT',
    ]);
  });

  it('numbers QĐ and TB apart in a per-type book, and together in a single-series book', async () => {
    const org = await newOrganisation();
    const perType = await openOutgoing(org.clerk, { numbering: 'per_type' });
    const p = [];
    for (const type of ['decision', 'notice', 'decision', 'notice', 'notice'])
      p.push(await issue(org.clerk, perType, type));
    expect(p.map((n) => [n.series, n.fullNumber])).toEqual([
      ['decision', '01/QĐ-SGDĐT'],
      ['notice', '01/TB-SGDĐT'],
      ['decision', '02/QĐ-SGDĐT'],
      ['notice', '02/TB-SGDĐT'],
      ['notice', '03/TB-SGDĐT'],
    ]);
    const other = await newOrganisation();
    const single = await openOutgoing(other.clerk);
    const s = [];
    for (const type of ['decision', 'notice', 'decision']) s.push(await issue(other.clerk, single, type));
    expect(s.map((n) => [n.series, n.fullNumber])).toEqual([
      ['', '01/QĐ-SGDĐT'],
      ['', '02/TB-SGDĐT'],
      ['', '03/QĐ-SGDĐT'],
    ]);
  });

  it('refuses a second book that would give a số, ký hiệu already given this year (409), writing nothing', async () => {
    const org = await newOrganisation();
    const first = await openOutgoing(org.clerk);
    await issue(org.clerk, first, 'decision');
    // Two books in use at once are refused when opened (registers.overlap.test.ts); a book replacing a retired
    // one in the same year still starts at 01, and the number check keeps the numbers unique.
    const version = (await org.clerk.get('/api/v1/registers?direction=outgoing')).json().items[0].version;
    expect((await org.clerk.patch(`/api/v1/registers/${first}`, { version, active: false })).statusCode).toBe(200);
    const second = await openOutgoing(org.clerk);
    const before = await countRows(t.db, 'issued_numbers');
    const clash = await org.clerk.post(`/api/v1/registers/${second}/issue-number`, {
      docType: 'decision',
      confidentiality: 'normal',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({
      code: 'documents.number_taken',
      details: { fullNumber: '01/QĐ-SGDĐT', registerId: first },
    });
    expect(await countRows(t.db, 'issued_numbers')).toBe(before);
    expect((await issue(org.clerk, second, 'notice')).fullNumber).toBe('01/TB-SGDĐT');
  });

  it('keeps confidential documents in their own series and book', async () => {
    const org = await newOrganisation();
    // Without a chosen book, the organisation's default book for the confidentiality is opened on first use.
    const byDefault = await issueAt(org, { docType: 'plan', confidentiality: 'secret' });
    const ordinaryDefault = await issueAt(org, { docType: 'plan' });
    const registers = (await org.clerk.get('/api/v1/registers?direction=outgoing')).json().items;
    expect(registers.find((r: { id: string }) => r.id === byDefault.register_id)).toMatchObject({
      name: 'Sổ đăng ký văn bản đi mật',
      confidential: true,
      numbering: 'single',
    });
    expect(registers.find((r: { id: string }) => r.id === ordinaryDefault.register_id)).toMatchObject({
      name: 'Sổ đăng ký văn bản đi',
      confidential: false,
    });
    expect([byDefault.full_number, ordinaryDefault.full_number]).toEqual(['01/KH-SGDĐT', '01/KH-SGDĐT']);

    const ordinary = ordinaryDefault.register_id;
    const secretBook = byDefault.register_id;
    await issue(org.clerk, ordinary, 'decision');
    await issue(org.clerk, ordinary, 'decision');
    const s1 = await issue(org.clerk, secretBook, 'decision', {
      confidentiality: 'secret',
      subject: 'Về công tác bảo vệ bí mật nhà nước',
    });
    const s2 = await issue(org.clerk, secretBook, 'decision', { confidentiality: 'confidential' });
    expect([s1.fullNumber, s2.fullNumber]).toEqual(['02/QĐ-SGDĐT', '03/QĐ-SGDĐT']);
    // Ordinary book: 01/KH, 02/QĐ, 03/QĐ, then 04 — its series never saw the confidential ones.
    expect((await issue(org.clerk, ordinary, 'decision')).fullNumber).toBe('04/QĐ-SGDĐT');

    // A classified document in an ordinary book, or an ordinary one in a confidential book: refused.
    const before = await countRows(t.db, 'issued_numbers');
    const wrong1 = await org.clerk.post(`/api/v1/registers/${ordinary}/issue-number`, {
      docType: 'decision',
      confidentiality: 'top_secret',
    });
    const wrong2 = await org.clerk.post(`/api/v1/registers/${secretBook}/issue-number`, {
      docType: 'decision',
      confidentiality: 'normal',
    });
    expect([wrong1.statusCode, wrong2.statusCode]).toEqual([400, 400]);
    expect(wrong1.json().error.code).toBe('documents.register_mismatch');
    expect(await countRows(t.db, 'issued_numbers')).toBe(before);
  });

  it('shows the subjects of classified documents to clerks and leaders, not to administrators', async () => {
    const secretBook = await openOutgoing(clerk, { confidential: true });
    await issue(clerk, secretBook, 'report', { confidentiality: 'secret', subject: 'Báo cáo mật' });
    const admin = await t.login('hn.quantri');
    const leader = await t.login('hn.lanhdao');
    expect((await list(admin, secretBook)).map((n) => n.subject)).toEqual([null]);
    expect((await list(leader, secretBook)).map((n) => n.subject)).toEqual(['Báo cáo mật']);
    expect((await list(clerk, secretBook)).map((n) => n.subject)).toEqual(['Báo cáo mật']);
  });

  it('gives 50 concurrent issues on one series the numbers 01..50 with no gap and no duplicate', async () => {
    const org = await newOrganisation();
    const registerId = await openOutgoing(org.clerk, { numbering: 'per_type' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        org.clerk.post(`/api/v1/registers/${registerId}/issue-number`, {
          docType: 'official_letter',
          confidentiality: 'normal',
          draftingUnitId: org.gdpt,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.json().number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.json().fullNumber)).size).toBe(50);
    const listed = await list(org.clerk, registerId);
    expect(listed).toHaveLength(50);
    expect(listed[0]!.fullNumber).toBe('50/SGDĐT-GDPT');
    expect(listed[49]!.fullNumber).toBe('01/SGDĐT-GDPT');
  });
});

describe('[OUTGOING NUMBERING] cancellation', () => {
  it('keeps a cancelled number listed as cancelled and never gives it again', async () => {
    const org = await newOrganisation();
    const registerId = await openOutgoing(org.clerk);
    await issue(org.clerk, registerId, 'decision');
    const second = await issue(org.clerk, registerId, 'decision');
    await issue(org.clerk, registerId, 'decision');
    const res = await org.clerk.post(`/api/v1/issued-numbers/${second.id}/cancel`, {
      reason: 'Văn bản giấy bị hỏng, không ban hành',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      fullNumber: '02/QĐ-SGDĐT',
      status: 'cancelled',
      cancelReason: 'Văn bản giấy bị hỏng, không ban hành',
      cancelledByName: expect.stringContaining('Văn thư kiểm thử'),
    });
    expect((await issue(org.clerk, registerId, 'decision')).fullNumber).toBe('04/QĐ-SGDĐT');
    expect((await list(org.clerk, registerId)).map((n) => [n.fullNumber, n.status])).toEqual([
      ['04/QĐ-SGDĐT', 'issued'],
      ['03/QĐ-SGDĐT', 'issued'],
      ['02/QĐ-SGDĐT', 'cancelled'],
      ['01/QĐ-SGDĐT', 'issued'],
    ]);
    expect((await list(org.clerk, registerId, '&status=cancelled')).map((n) => n.fullNumber)).toEqual(['02/QĐ-SGDĐT']);

    const again = await org.clerk.post(`/api/v1/issued-numbers/${second.id}/cancel`, { reason: 'Lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('documents.invalid_state');

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', second.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'documents.number_issued', actor_user_id: org.clerk.me.user.id },
      { action: 'documents.number_cancelled', actor_user_id: org.clerk.me.user.id },
    ]);
    // The database refuses to delete it or to give it back.
    await expect(t.db.deleteFrom('issued_numbers').where('id', '=', second.id).execute()).rejects.toThrow();
    await expect(
      t.db
        .updateTable('issued_numbers')
        .set({ status: 'issued', cancelled_at: null, cancelled_by: null, cancel_reason: null })
        .where('id', '=', second.id)
        .execute(),
    ).rejects.toThrow();
  });

  it('refuses to cancel from the list a number that belongs to a document handled in the system', async () => {
    const org = await newOrganisation();
    const registerId = await openOutgoing(org.clerk);
    const withDocument = await issueAt(org, { registerId, documentId: '00000000-0000-4000-8000-000000000001' });
    const res = await org.clerk.post(`/api/v1/issued-numbers/${withDocument.id}/cancel`, { reason: 'Nhầm' });
    expect(res.statusCode).toBe(409);
    expect((await list(org.clerk, registerId))[0]).toMatchObject({
      status: 'issued',
      documentId: withDocument.document_id,
    });
  });
});

describe('[OUTGOING NUMBERING] permissions', () => {
  it('lets only the clerk issue and cancel; clerks, leaders and administrators list; other organisations see nothing', async () => {
    const registerId = await openOutgoing(clerk, { numbering: 'per_type' });
    const n = await issue(clerk, registerId, 'guidance');
    const before = await countRows(t.db, 'issued_numbers');
    const specialist = await t.login('hn.chuyenvien');
    const leader = await t.login('hn.lanhdao');
    const otherClerk = await t.login('bgd.vanthu');

    const body = { docType: 'guidance', confidentiality: 'normal' };
    expect((await specialist.post(`/api/v1/registers/${registerId}/issue-number`, body)).statusCode).toBe(403);
    expect((await leader.post(`/api/v1/registers/${registerId}/issue-number`, body)).statusCode).toBe(403);
    expect((await specialist.post(`/api/v1/issued-numbers/${n.id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    expect((await specialist.get(`/api/v1/issued-numbers?registerId=${registerId}`)).statusCode).toBe(403);
    expect((await otherClerk.post(`/api/v1/registers/${registerId}/issue-number`, body)).statusCode).toBe(404);
    expect((await otherClerk.post(`/api/v1/issued-numbers/${n.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    const theirs = await otherClerk.get(`/api/v1/issued-numbers?registerId=${registerId}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toEqual({ items: [], total: 0 });
    expect(await countRows(t.db, 'issued_numbers')).toBe(before);

    const read = await leader.get(`/api/v1/issued-numbers?registerId=${registerId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().items.map((x: Issued) => [x.fullNumber, x.status])).toEqual([['01/HD-SGDĐT', 'issued']]);
    expect((await issue(clerk, registerId, 'guidance')).fullNumber).toBe('02/HD-SGDĐT');
  });
});

describe('[OUTGOING NUMBERING] bad input', () => {
  it('refuses an unknown type, a công văn without its unit, a foreign unit and an incoming register, writing nothing', async () => {
    const org = await newOrganisation();
    const registerId = await openOutgoing(org.clerk);
    await issue(org.clerk, registerId, 'decision');
    const foreignUnit = await unitId(t.db, 'moet-gdpt');
    const incoming = await org.clerk.post('/api/v1/registers', {
      direction: 'incoming',
      name: 'Sổ văn bản đến',
      confidential: false,
    });
    expect(incoming.statusCode).toBe(201);
    const numbersBefore = await countRows(t.db, 'issued_numbers');
    const countersBefore = await t.db.selectFrom('register_counters').selectAll().orderBy('register_id').execute();

    const cases: [string, Record<string, unknown>, string][] = [
      [registerId, { docType: 'memo', confidentiality: 'normal' }, 'request.invalid'],
      [registerId, { docType: 'decision', confidentiality: 'hidden' }, 'request.invalid'],
      [registerId, { docType: 'official_letter', confidentiality: 'normal' }, 'documents.unit_required'],
      [
        registerId,
        { docType: 'public_letter', confidentiality: 'normal', draftingUnitId: null },
        'documents.unit_required',
      ],
      [
        registerId,
        { docType: 'official_letter', confidentiality: 'normal', draftingUnitId: foreignUnit },
        'documents.invalid_unit',
      ],
      [incoming.json().id, { docType: 'decision', confidentiality: 'normal' }, 'documents.register_not_found'],
    ];
    for (const [id, body, code] of cases) {
      const res = await org.clerk.post(`/api/v1/registers/${id}/issue-number`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    const unknownType = await rejected(issueAt(org, { registerId, docType: 'memo' }));
    expect(unknownType.code).toBe('request.invalid');
    const noUnit = await rejected(issueAt(org, { registerId, docType: 'official_letter' }));
    expect(noUnit.code).toBe('documents.unit_required');
    expect(await countRows(t.db, 'issued_numbers')).toBe(numbersBefore);
    expect(await t.db.selectFrom('register_counters').selectAll().orderBy('register_id').execute()).toEqual(
      countersBefore,
    );
    // The refusals left no gap.
    const next = await issue(org.clerk, registerId, 'official_letter', { draftingUnitId: org.gdpt });
    expect(next.fullNumber).toBe('02/SGDĐT-GDPT');

    const emptyReason = await org.clerk.post(`/api/v1/issued-numbers/${next.id}/cancel`, { reason: '' });
    expect(emptyReason.statusCode).toBe(400);
    expect((await list(org.clerk, registerId))[0]!.status).toBe('issued');
  });

  it('keeps incoming registers to one series', async () => {
    const res = await clerk.post('/api/v1/registers', {
      direction: 'incoming',
      name: 'Sổ đến theo loại',
      confidential: false,
      numbering: 'per_type',
    });
    expect(res.statusCode).toBe(400);
    const registers = (await clerk.get('/api/v1/registers?direction=incoming')).json().items;
    expect(registers.some((r: { name: string }) => r.name === 'Sổ đến theo loại')).toBe(false);
  });
});
