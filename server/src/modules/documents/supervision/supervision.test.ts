/**
 * [SUPERVISION] Theo dõi, đôn đốc giải quyết văn bản đến: the counts per unit and per person, the average in
 * working days (weekends and holidays skipped), the drill-down behind every number, the scopes of the leader,
 * a unit head and a specialist, the Excel report, and bad periods.
 *
 * The documents are built through the API (register → present → direct → assign → complete/close). The
 * handling happens "now", so for the April 2026 cases the arrange step then moves directed_at, due_date and
 * completed_at into the past directly in the database — each such change is commented where it is made.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../calendar/index.ts';
import { createPerson, unitId } from '../../../test/factories.ts';
import { createTestApp, type Client, type Response, type TestApp } from '../../../test/test-app.ts';
import { registerIncoming } from '../incoming/incoming.fixtures.ts';

let t: TestApp;
let clerk: Client, leader: Client, head: Client, specialist: Client, specialist2: Client, khtcHead: Client;
let gdpt: string, khtc: string;
/** The documents of the April 2026 scenario, by letter (see beforeAll). */
const doc: Record<string, string> = {};

const APRIL = 'from=2026-04-01&to=2026-04-30';
const GDPT_NAME = 'Phòng Giáo dục Phổ thông';
const KHTC_NAME = 'Phòng Kế hoạch - Tài chính';

function ok(res: Response) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Registered by the clerk, presented to the director, directed to a unit or a person (no deadline). */
async function directed(
  lead: { unitId: string } | { userId: string },
  by = { clerk: () => clerk, leader: () => leader },
) {
  const d = await registerIncoming(by.clerk());
  ok(await by.clerk().post(`/api/v1/incoming-documents/${d.id}/present`, {}));
  return ok(await by.leader().post(`/api/v1/incoming-documents/${d.id}/direct`, { lead }));
}

/** The unit head gives the unit's lead assignment to one of their people. */
async function assign(
  detail: { id: string; assignments: { id: string; role: string; parentId: string | null; status: string }[] },
  userId: string,
) {
  const unit = detail.assignments.find((a) => a.role === 'lead' && a.parentId === null && a.status === 'active')!;
  return ok(
    await head.post(`/api/v1/incoming-documents/${detail.id}/assign`, { assignmentId: unit.id, leadUserId: userId }),
  );
}

async function complete(by: Client, id: string) {
  return ok(await by.post(`/api/v1/incoming-documents/${id}/complete`, { note: 'Đã giải quyết' }));
}

/** Arrange only: moves the handling of a document into the past (the API stamps "now"). */
async function backdate(id: string, at: { directedAt: string; dueDate?: string | null; completedAt?: string }) {
  await t.db
    .updateTable('incoming_documents')
    .set({
      directed_at: new Date(at.directedAt),
      first_directed_at: new Date(at.directedAt),
      ...(at.dueDate !== undefined ? { due_date: at.dueDate } : {}),
      ...(at.completedAt ? { completed_at: new Date(at.completedAt) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  await createPerson(t.db, {
    username: 'hn.chuyenvien2',
    fullName: 'Phan Văn Bình',
    org: 'so-ha-noi',
    unit: 'so-ha-noi-gdpt',
    roles: ['specialist'],
  });
  await createPerson(t.db, {
    username: 'hn.truongphong.khtc',
    fullName: 'Lê Văn Cường',
    org: 'so-ha-noi',
    unit: 'so-ha-noi-khtc',
    roles: ['unit_head'],
  });
  [clerk, leader, head, specialist, specialist2, khtcHead] = await Promise.all([
    t.login('hn.vanthu'),
    t.login('hn.lanhdao'),
    t.login('hn.truongphong'),
    t.login('hn.chuyenvien'),
    t.login('hn.chuyenvien2'),
    t.login('hn.truongphong.khtc'),
  ]);
  gdpt = await unitId(t.db, 'so-ha-noi-gdpt');
  khtc = await unitId(t.db, 'so-ha-noi-khtc');
  const anh = specialist.me.user.id;
  const binh = specialist2.me.user.id;

  // A — GDPT → Ánh, completed on time. Directed Friday 10/04 at 06:30 in Hà Nội (still Thursday in UTC),
  // completed Tuesday 14/04: 2 working days (Monday, Tuesday).
  const a = await directed({ unitId: gdpt });
  await assign(a, anh);
  await complete(specialist, a.id);
  await backdate(a.id, {
    directedAt: '2026-04-10T06:30:00+07:00',
    dueDate: '2026-04-20',
    completedAt: '2026-04-14T16:00:00+07:00',
  });
  doc.A = a.id;

  // B — GDPT → Bình, completed late: due Friday 10/04, completed at 00:30 on Saturday 11/04 in Hà Nội (still the
  // 10th in UTC). Directed Wednesday 08/04: 2 working days (Thursday, Friday).
  const b = await directed({ unitId: gdpt });
  await assign(b, binh);
  await complete(specialist2, b.id);
  await backdate(b.id, {
    directedAt: '2026-04-08T10:00:00+07:00',
    dueDate: '2026-04-10',
    completedAt: '2026-04-11T00:30:00+07:00',
  });
  doc.B = b.id;

  // C — GDPT, still with the unit head, overdue: due 20/04. Directed at 00:30 on 01/04 in Hà Nội (31/03 in UTC).
  const c = await directed({ unitId: gdpt });
  await backdate(c.id, { directedAt: '2026-04-01T00:30:00+07:00', dueDate: '2026-04-20' });
  doc.C = c.id;

  // D — GDPT → Ánh, in progress, no deadline.
  const d = await directed({ unitId: gdpt });
  await assign(d, anh);
  await backdate(d.id, { directedAt: '2026-04-16T09:00:00+07:00' });
  doc.D = d.id;

  // E — KHTC, closed by the director without handling. Directed at 23:00 on 30/04 in Hà Nội.
  const e = await directed({ unitId: khtc });
  ok(await leader.post(`/api/v1/incoming-documents/${e.id}/close`, { note: 'Không cần xử lý' }));
  await backdate(e.id, { directedAt: '2026-04-30T23:00:00+07:00' });
  doc.E = e.id;

  // F — given by the director directly to Ánh (so counted for her unit, GDPT), completed on its due date.
  // Directed Wednesday 29/04, completed Monday 04/05: 1 working day (30/04 and 01/05 are holidays, then a weekend).
  const f = await directed({ userId: anh });
  await complete(specialist, f.id);
  await backdate(f.id, {
    directedAt: '2026-04-29T14:00:00+07:00',
    dueDate: '2026-05-04',
    completedAt: '2026-05-04T23:30:00+07:00',
  });
  doc.F = f.id;

  // G — outside the period: directed at 00:10 on 01/05 in Hà Nội (still 30/04 in UTC).
  const g = await directed({ unitId: gdpt });
  await backdate(g.id, { directedAt: '2026-05-01T00:10:00+07:00' });
  doc.G = g.id;

  // H — registered, never directed: not counted.
  doc.H = (await registerIncoming(clerk)).id;

  // M — another organisation (the Ministry), directed in April: never in Hà Nội's numbers.
  const [moetClerk, moetLeader] = await Promise.all([t.login('bgd.vanthu'), t.login('bgd.lanhdao')]);
  const m = await directed(
    { unitId: await unitId(t.db, 'moet-gdpt') },
    { clerk: () => moetClerk, leader: () => moetLeader },
  );
  await backdate(m.id, { directedAt: '2026-04-15T09:00:00+07:00' });
  doc.M = m.id;
});
afterAll(() => t.close());

const summary = async (c: Client, query: string) => c.get(`/api/v1/incoming-supervision?${query}`);
const ids = async (c: Client, query: string) =>
  ok(await c.get(`/api/v1/incoming-supervision/documents?${query}`))
    .items.map((i: { id: string }) => i.id)
    .sort();
const sorted = (...letters: string[]) => letters.map((l) => doc[l]!).sort();

const measuresOf = (r: Record<string, unknown>) => ({
  received: r.received,
  inProgress: r.inProgress,
  overdue: r.overdue,
  completedOnTime: r.completedOnTime,
  completedLate: r.completedLate,
  closed: r.closed,
  averageWorkingDays: r.averageWorkingDays,
  onTimeRate: r.onTimeRate,
});

describe('[SUPERVISION] the leader: per unit and per person', () => {
  it('counts each measure per unit, with the average in working days and the on-time rate', async () => {
    const body = ok(await summary(leader, `${APRIL}&groupBy=unit`));
    expect(body.period).toMatchObject({ from: '2026-04-01', to: '2026-04-30' });
    expect(body.scope).toBe('organization');
    expect(body.rows.map((r: { unitName: string }) => r.unitName)).toEqual([GDPT_NAME, KHTC_NAME]);
    const [gdptRow, khtcRow] = body.rows;
    expect(gdptRow).toMatchObject({ unitId: gdpt, userId: null, userName: null });
    // A, B, C, D and F (F through Ánh's membership); (2 + 2 + 1) / 3 = 1.7 working days; 2 of 3 on time.
    expect(measuresOf(gdptRow)).toEqual({
      received: 5,
      inProgress: 1,
      overdue: 1,
      completedOnTime: 2,
      completedLate: 1,
      closed: 0,
      averageWorkingDays: 1.7,
      onTimeRate: 66.7,
    });
    expect(measuresOf(khtcRow)).toEqual({
      received: 1,
      inProgress: 0,
      overdue: 0,
      completedOnTime: 0,
      completedLate: 0,
      closed: 1,
      averageWorkingDays: null,
      onTimeRate: null,
    });
    expect(measuresOf(body.totals)).toEqual({
      received: 6,
      inProgress: 1,
      overdue: 1,
      completedOnTime: 2,
      completedLate: 1,
      closed: 1,
      averageWorkingDays: 1.7,
      onTimeRate: 66.7,
    });
  });

  it('counts working days as the calendar does: the day directed not counted, weekends and holidays skipped', async () => {
    const calendar = await loadWorkingCalendar(t.db, 2026, 2026);
    expect(calendar.workingDaysBetween('2026-04-10', '2026-04-14')).toBe(2); // Friday → Tuesday
    expect(calendar.workingDaysBetween('2026-04-29', '2026-05-04')).toBe(1); // over 30/4, 1/5 and a weekend
    const items = ok(await leader.get(`/api/v1/incoming-supervision/documents?${APRIL}&measure=received`)).items as {
      id: string;
      workingDays: number | null;
    }[];
    const days = Object.fromEntries(items.map((i) => [i.id, i.workingDays]));
    expect([days[doc.A!], days[doc.B!], days[doc.F!], days[doc.C!], days[doc.D!]]).toEqual([2, 2, 1, null, null]);
  });

  it('counts per person: the specialist who leads it, and "not yet given to a person" per unit', async () => {
    const body = ok(await summary(leader, `${APRIL}&groupBy=person`));
    const rows = body.rows.map((r: Record<string, unknown>) => [
      r.unitName,
      r.userName,
      r.received,
      r.averageWorkingDays,
    ]);
    expect(rows).toEqual([
      [GDPT_NAME, 'Phan Văn Bình', 1, 2],
      [GDPT_NAME, 'Trịnh Ngọc Ánh', 3, 1.5],
      [GDPT_NAME, null, 1, null],
      [KHTC_NAME, null, 1, null],
    ]);
    const anh = body.rows[1];
    expect(anh).toMatchObject({ userId: specialist.me.user.id, inProgress: 1, completedOnTime: 2, onTimeRate: 100 });
    expect(body.rows[0]).toMatchObject({ userId: specialist2.me.user.id, completedLate: 1, onTimeRate: 0 });
    expect(body.rows[2]).toMatchObject({ userId: null, overdue: 1 });
    expect(body.totals.received).toBe(6);
  });

  it('narrows to one unit', async () => {
    const body = ok(await summary(leader, `${APRIL}&groupBy=person&unitId=${khtc}`));
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ unitName: KHTC_NAME, userName: null, closed: 1 });
    expect(body.totals.received).toBe(1);
  });

  it('leaves out documents directed outside the period (in Hà Nội time), never directed, or of another organisation', async () => {
    const all = await ids(leader, `${APRIL}&limit=500`);
    expect(all).toEqual(sorted('A', 'B', 'C', 'D', 'E', 'F'));
    expect(await ids(leader, 'from=2026-05-01&to=2026-05-31')).toEqual(sorted('G'));
    const moet = ok(await summary(await t.login('bgd.lanhdao'), APRIL));
    expect(moet.totals.received).toBe(1);
  });
});

describe('[SUPERVISION] drill-down', () => {
  it('lists exactly the documents behind each number', async () => {
    expect(await ids(leader, `${APRIL}&unitId=${gdpt}&measure=completed_on_time`)).toEqual(sorted('A', 'F'));
    expect(await ids(leader, `${APRIL}&unitId=${gdpt}&measure=completed_late`)).toEqual(sorted('B'));
    expect(await ids(leader, `${APRIL}&unitId=${gdpt}&measure=overdue`)).toEqual(sorted('C'));
    expect(await ids(leader, `${APRIL}&unitId=${gdpt}&measure=in_progress`)).toEqual(sorted('D'));
    expect(await ids(leader, `${APRIL}&unitId=${khtc}&measure=closed`)).toEqual(sorted('E'));
    expect(await ids(leader, `${APRIL}&unitId=${gdpt}`)).toEqual(sorted('A', 'B', 'C', 'D', 'F'));
    expect(await ids(leader, `${APRIL}&unitId=${gdpt}&userId=none`)).toEqual(sorted('C'));
    expect(await ids(leader, `${APRIL}&userId=${specialist.me.user.id}`)).toEqual(sorted('A', 'D', 'F'));
    expect(await ids(leader, `${APRIL}&unitId=none`)).toEqual([]);

    // Every number of both tables has exactly its documents behind it.
    const keys = [
      ['received', 'received'],
      ['inProgress', 'in_progress'],
      ['overdue', 'overdue'],
      ['completedOnTime', 'completed_on_time'],
      ['completedLate', 'completed_late'],
      ['closed', 'closed'],
    ] as const;
    for (const groupBy of ['unit', 'person']) {
      const body = ok(await summary(leader, `${APRIL}&groupBy=${groupBy}`));
      for (const row of body.rows) {
        const who = `unitId=${row.unitId ?? 'none'}${groupBy === 'person' ? `&userId=${row.userId ?? 'none'}` : ''}`;
        for (const [field, measure] of keys) {
          const list = ok(
            await leader.get(`/api/v1/incoming-supervision/documents?${APRIL}&${who}&measure=${measure}`),
          );
          expect([groupBy, row.unitName, row.userName, field, list.total]).toEqual([
            groupBy,
            row.unitName,
            row.userName,
            field,
            row[field],
          ]);
        }
      }
    }
  });

  it('shows each document like the incoming list, with its unit, person, measure and due date', async () => {
    const [c] = ok(await leader.get(`/api/v1/incoming-supervision/documents?${APRIL}&measure=overdue`)).items;
    expect(c).toMatchObject({
      id: doc.C,
      status: 'assigned',
      overdue: true,
      dueDate: '2026-04-20',
      unitId: gdpt,
      unitName: GDPT_NAME,
      userId: null,
      userName: null,
      leadUnitName: GDPT_NAME,
      measure: 'overdue',
      workingDays: null,
      directedAt: new Date('2026-04-01T00:30:00+07:00').toISOString(),
    });
    expect(c.subject).toBeTruthy();
    expect(typeof c.arrivalNumber).toBe('number');
  });
});

describe('[SUPERVISION] scopes', () => {
  it('shows a unit head only their unit and its people, and refuses another unit (403)', async () => {
    const body = ok(await summary(head, `${APRIL}&groupBy=unit`));
    expect(body.scope).toBe('unit');
    expect(body.rows.map((r: { unitName: string }) => r.unitName)).toEqual([GDPT_NAME]);
    // F was given by the director straight to Ánh: it is recorded with her unit, so her head follows it too
    // and the head's numbers for the unit equal the leader's.
    expect(measuresOf(body.rows[0])).toMatchObject({
      received: 5,
      completedOnTime: 2,
      completedLate: 1,
      overdue: 1,
      inProgress: 1,
    });
    const people = ok(await summary(head, `${APRIL}&groupBy=person`));
    expect(people.rows.map((r: { userName: string | null }) => r.userName)).toEqual([
      'Phan Văn Bình',
      'Trịnh Ngọc Ánh',
      null,
    ]);
    expect(await ids(head, APRIL)).toEqual(sorted('A', 'B', 'C', 'D', 'F'));

    const other = await summary(head, `${APRIL}&unitId=${khtc}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('auth.forbidden');
    expect((await head.get(`/api/v1/incoming-supervision/documents?${APRIL}&unitId=${khtc}`)).statusCode).toBe(403);
    expect((await head.get(`/api/v1/incoming-supervision/export.xlsx?${APRIL}&unitId=${khtc}`)).statusCode).toBe(403);
  });

  it("shows another unit's head none of GDPT's documents", async () => {
    const body = ok(await summary(khtcHead, `${APRIL}&groupBy=unit`));
    expect(body.rows.map((r: { unitName: string }) => r.unitName)).toEqual([KHTC_NAME]);
    expect(await ids(khtcHead, APRIL)).toEqual(sorted('E'));
    expect((await summary(khtcHead, `${APRIL}&unitId=${gdpt}`)).statusCode).toBe(403);
  });

  it('shows a specialist only their own row and their own documents', async () => {
    const byPerson = ok(await summary(specialist, `${APRIL}&groupBy=person`));
    expect(byPerson.scope).toBe('self');
    expect(byPerson.rows).toHaveLength(1);
    expect(byPerson.rows[0]).toMatchObject({
      userId: specialist.me.user.id,
      received: 3,
      completedOnTime: 2,
      inProgress: 1,
    });
    const byUnit = ok(await summary(specialist, `${APRIL}&groupBy=unit`));
    expect(byUnit.rows.map((r: Record<string, unknown>) => [r.unitName, r.received])).toEqual([[GDPT_NAME, 3]]);
    expect(await ids(specialist, APRIL)).toEqual(sorted('A', 'D', 'F'));
    expect(await ids(specialist2, APRIL)).toEqual(sorted('B'));
    const other = await specialist.get(
      `/api/v1/incoming-supervision/documents?${APRIL}&userId=${specialist2.me.user.id}`,
    );
    expect(other.statusCode).toBe(403);
    expect(ok(await summary(clerk, APRIL)).rows).toEqual([]);
  });
});

describe('[SUPERVISION] Excel report', () => {
  async function workbookOf(res: Response) {
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".+\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawBody as unknown as ArrayBuffer);
    return workbook;
  }

  const rowValues = (sheet: ExcelJS.Worksheet, first: string) => {
    let found: unknown[] | undefined;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (found === undefined && values.includes(first)) found = values;
    });
    return found;
  };

  it('holds the title, the period, the table with its totals and the documents behind it', async () => {
    const exportsBefore = await t.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'documents.supervision_exported')
      .execute();
    const workbook = await workbookOf(
      await leader.get(`/api/v1/incoming-supervision/export.xlsx?${APRIL}&groupBy=unit`),
    );
    // The export lists document subjects: who took it, and what, is in the audit trail.
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'summary'])
      .where('action', '=', 'documents.supervision_exported')
      .orderBy('seq', 'desc')
      .execute();
    expect(audited).toHaveLength(exportsBefore.length + 1);
    expect(audited[0]).toMatchObject({ actor_user_id: leader.me.user.id, summary: { groupBy: 'unit' } });
    const [table, list] = workbook.worksheets;
    expect(table!.name).toBe('Tổng hợp');
    const text = (r: number) => String(table!.getCell(r, 1).value);
    const org = await t.db
      .selectFrom('organizations')
      .select('name')
      .where('seed_key', '=', 'so-ha-noi')
      .executeTakeFirstOrThrow();
    expect(text(1)).toBe(org.name);
    expect(text(2)).toBe('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(text(3)).toBe('Từ ngày 01/04/2026 đến ngày 30/04/2026');
    expect(rowValues(table!, GDPT_NAME)).toEqual([1, GDPT_NAME, 5, 1, 1, 2, 1, 0, 1.7, 66.7]);
    // Nothing completed: no average, no rate (empty cells).
    expect(rowValues(table!, KHTC_NAME)).toEqual([2, KHTC_NAME, 1, 0, 0, 0, 0, 1]);
    expect(rowValues(table!, 'Tổng cộng')).toEqual(['', 'Tổng cộng', 6, 1, 1, 2, 1, 1, 1.7, 66.7]);

    expect(list!.name).toBe('Danh sách văn bản');
    expect(list!.rowCount).toBe(7); // the heading and the six documents
    expect(rowValues(list!, 'Số ngày làm việc')).toBeTruthy();
    const subjects = new Set<string>();
    list!.eachRow((row, n) => {
      if (n > 1) subjects.add(String(row.getCell(14).value));
    });
    expect(subjects).toEqual(
      new Set(['Hoàn thành đúng hạn', 'Hoàn thành trễ hạn', 'Quá hạn', 'Đang giải quyết', 'Kết thúc']),
    );
  });

  it('lists people, with "Chưa giao chuyên viên", when grouped by person; in English on request', async () => {
    const workbook = await workbookOf(
      await leader.get(`/api/v1/incoming-supervision/export.xlsx?${APRIL}&groupBy=person`),
    );
    const table = workbook.worksheets[0]!;
    expect(rowValues(table, 'Trịnh Ngọc Ánh')).toEqual([2, GDPT_NAME, 'Trịnh Ngọc Ánh', 3, 1, 0, 2, 0, 0, 1.5, 100]);
    expect(rowValues(table, 'Chưa giao chuyên viên')?.slice(0, 4)).toEqual([3, GDPT_NAME, 'Chưa giao chuyên viên', 1]);

    const english = await workbookOf(
      await leader.get(`/api/v1/incoming-supervision/export.xlsx?${APRIL}`, { 'accept-language': 'en' }),
    );
    expect(String(english.worksheets[0]!.getCell(2, 1).value)).toBe('REPORT ON THE HANDLING OF INCOMING DOCUMENTS');
  });
});

describe('[SUPERVISION] periods', () => {
  it('refuses a period that ends before it starts or is longer than 366 days', async () => {
    for (const query of ['from=2026-04-30&to=2026-04-01', 'from=2025-01-01&to=2026-01-02']) {
      for (const path of ['', '/documents', '/export.xlsx']) {
        const res = await leader.get(`/api/v1/incoming-supervision${path}?${query}`);
        expect(res.statusCode, `${path}?${query}`).toBe(400);
        expect(res.json().error.code).toBe('documents.invalid_period');
      }
    }
    expect((await summary(leader, 'from=2024-01-01&to=2024-12-31')).statusCode).toBe(200); // 366 days
    expect((await summary(leader, 'from=2026-04-01')).statusCode).toBe(400);
  });

  it('counts a document handled today through the API as on time this month; a recalled direction is not counted', async () => {
    const today = new Date().toLocaleString('sv', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 10);
    const month = `from=${today.slice(0, 8)}01&to=${today}`;
    expect(ok(await summary(leader, month)).rows).toEqual([]); // every other document was moved to April/May

    const j = ok(
      await leader.post(`/api/v1/incoming-documents/${(await directed({ unitId: gdpt })).id}/direct`, {
        lead: { unitId: gdpt },
        workingDays: 5,
      }),
    );
    await assign(j, specialist.me.user.id);
    await complete(specialist, j.id);
    const recalled = await directed({ unitId: gdpt });
    ok(await leader.post(`/api/v1/incoming-documents/${recalled.id}/recall`, {}));

    const body = ok(await summary(leader, month));
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({
      unitName: GDPT_NAME,
      received: 1,
      completedOnTime: 1,
      averageWorkingDays: 0,
      onTimeRate: 100,
    });
    expect(await ids(leader, `${month}&unitId=${gdpt}&measure=completed_on_time`)).toEqual([j.id]);
  });
});
