import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Client;
let specialist: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  specialist = await t.login('hn.chuyenvien');
});
afterAll(() => t.close());

interface DueDateAnswer {
  dueDate: string;
  dueAt: string;
  countFrom: string;
  skipped: { date: string; kind: string; name: { vi: string; en: string } }[];
}
interface YearAnswer {
  year: number;
  confirmed: boolean;
  confirmation: { confirmedBy: { name: string } } | null;
  days: { date: string; kind: string; source: string; unverified: boolean; overrideId: string | null }[];
  overrides: { id: string; date: string; kind: string; sourceDocument: string | null }[];
}

const dueDate = async (c: Client, start: string, workingDays: number, cutoff?: string) => {
  const query = new URLSearchParams({ start, workingDays: String(workingDays), ...(cutoff ? { cutoff } : {}) });
  const res = await c.get(`/api/v1/calendar/due-date?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DueDateAnswer>();
};
const year = async (c: Client, y: number) => {
  const res = await c.get(`/api/v1/calendar/holidays?year=${y}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<YearAnswer>();
};
const remove = (c: Client, id: string) =>
  t.app.inject({
    method: 'DELETE',
    url: `/api/v1/calendar/overrides/${id}`,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });
const counts = async () => {
  const n = async (table: 'calendar_overrides' | 'calendar_years' | 'audit_log') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { overrides: await n('calendar_overrides'), years: await n('calendar_years'), audit: await n('audit_log') };
};

describe('due dates in working days', () => {
  it('skips the Tết 2026 break: Friday 13/02 + 3 working days → 25/02, explaining the 9 days skipped', async () => {
    const due = await dueDate(specialist, '2026-02-13T09:00:00+07:00', 3);
    expect(due.dueDate).toBe('2026-02-25');
    expect(due.dueAt).toBe('2026-02-25T16:59:59.999Z');
    expect(due.skipped.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-02-14 weekend',
      '2026-02-15 weekend',
      '2026-02-16 tet',
      '2026-02-17 tet',
      '2026-02-18 tet',
      '2026-02-19 tet',
      '2026-02-20 tet',
      '2026-02-21 weekend',
      '2026-02-22 weekend',
    ]);
    expect(due.skipped[3]!.name.vi).toBe('Tết Nguyên đán (mùng 1 tháng Giêng)');
  });

  it('skips Giỗ Tổ 2026 (Sunday) with its nghỉ bù on Monday 27/04, and 30/4–1/5', async () => {
    const one = await dueDate(specialist, '2026-04-24T10:00:00+07:00', 1);
    expect(one.dueDate).toBe('2026-04-28');
    expect(one.skipped.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-04-25 weekend',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
    ]);
    expect((await dueDate(specialist, '2026-04-24T10:00:00+07:00', 3)).dueDate).toBe('2026-05-04');
  });

  it('moves a dossier received after the cut-off to the next working day', async () => {
    const late = await dueDate(specialist, '2026-03-13T15:30:00+07:00', 0, '15:00');
    expect(late).toMatchObject({ countFrom: '2026-03-16', dueDate: '2026-03-16' });
    expect((await dueDate(specialist, '2026-03-13T14:59:00+07:00', 0, '15:00')).dueDate).toBe('2026-03-13');
  });

  it('asks for a session, a valid start and a sensible number of days', async () => {
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/due-date?start=2026-01-05T00:00:00Z&workingDays=1',
    });
    expect(anonymous.statusCode).toBe(401);
    for (const query of [
      'start=2026-13-05T00:00:00Z&workingDays=1',
      'start=2026-01-05T00:00:00Z&workingDays=-1',
      'start=2026-01-05T00:00:00Z&workingDays=366',
      'start=2026-01-05T00:00:00Z&workingDays=1&cutoff=25:00',
    ]) {
      const res = await specialist.get(`/api/v1/calendar/due-date?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('request.invalid');
    }
    const farAway = await specialist.get('/api/v1/calendar/due-date?start=2300-01-05T00:00:00Z&workingDays=1');
    expect(farAway.statusCode).toBe(400);
    expect(farAway.json().error.code).toBe('calendar.invalid_year');
  });
});

describe('the calendar of a year', () => {
  it('lists the days off of 2026 with kind and source, not yet confirmed', async () => {
    const y = await year(specialist, 2026);
    expect(y.confirmed).toBe(false);
    expect(y.days.map((d) => `${d.date} ${d.kind} ${d.source}`)).toEqual([
      '2026-01-01 holiday statute',
      '2026-02-16 tet computed',
      '2026-02-17 tet computed',
      '2026-02-18 tet computed',
      '2026-02-19 tet computed',
      '2026-02-20 tet computed',
      '2026-04-26 holiday computed',
      '2026-04-27 compensatory computed',
      '2026-04-30 holiday statute',
      '2026-05-01 holiday statute',
      '2026-09-01 holiday computed',
      '2026-09-02 holiday statute',
      '2026-11-24 holiday statute',
    ]);
    expect(y.days.find((d) => d.date === '2026-11-24')?.unverified).toBe(true);
    const bad = await specialist.get('/api/v1/calendar/holidays?year=1850');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('calendar.invalid_year');
  });

  it('lets an administrator make a Saturday a working day, which changes due dates, then undo it', async () => {
    const before = await counts();
    const start = '2026-05-08T09:00:00+07:00'; // Friday
    expect((await dueDate(specialist, start, 1)).dueDate).toBe('2026-05-11');
    const created = await admin.post('/api/v1/calendar/overrides', {
      date: '2026-05-09',
      kind: 'working_day',
      name: 'Làm bù',
      sourceDocument: 'Thông báo 6150/TB-BNV',
    });
    expect(created.statusCode, created.body).toBe(201);
    const override = created.json<{ id: string; createdBy: { name: string } }>();
    expect((await dueDate(specialist, start, 1)).dueDate).toBe('2026-05-09');
    const y = await year(specialist, 2026);
    expect(y.days.find((d) => d.date === '2026-05-09')).toMatchObject({
      kind: 'working_saturday',
      source: 'override',
      overrideId: override.id,
    });
    expect(y.overrides).toEqual([
      expect.objectContaining({ date: '2026-05-09', sourceDocument: 'Thông báo 6150/TB-BNV' }),
    ]);
    const after = await counts();
    expect(after.overrides).toBe(before.overrides + 1);
    expect(after.audit).toBe(before.audit + 1);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'calendar.override_created')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ target_type: 'calendar_override', target_id: override.id });

    const deleted = await remove(admin, override.id);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await dueDate(specialist, start, 1)).dueDate).toBe('2026-05-11');
    expect((await counts()).audit).toBe(after.audit + 1);
    expect((await remove(admin, override.id)).statusCode).toBe(404);
  });

  it('removes the unverified 24/11 and adds an extra day off when an administrator records them', async () => {
    expect((await dueDate(specialist, '2026-11-23T09:00:00+07:00', 1)).dueDate).toBe('2026-11-25');
    const removed = await admin.post('/api/v1/calendar/overrides', {
      date: '2026-11-24',
      kind: 'remove',
      name: 'Chưa áp dụng',
    });
    expect(removed.statusCode, removed.body).toBe(201);
    expect((await dueDate(specialist, '2026-11-23T09:00:00+07:00', 1)).dueDate).toBe('2026-11-24');
    const extra = await admin.post('/api/v1/calendar/overrides', {
      date: '2026-12-31',
      kind: 'day_off',
      name: 'Nghỉ thêm',
      sourceDocument: null,
    });
    expect(extra.statusCode, extra.body).toBe(201);
    const y = await year(specialist, 2026);
    expect(y.days.some((d) => d.date === '2026-11-24')).toBe(false);
    expect(y.days.find((d) => d.date === '2026-12-31')).toMatchObject({ kind: 'extra_day_off', source: 'override' });
  });

  it('confirms a year, and a later change withdraws the confirmation', async () => {
    const before = await counts();
    const res = await admin.post('/api/v1/calendar/years/2027/confirm', { note: 'Theo Thông báo của Bộ Nội vụ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<YearAnswer>()).toMatchObject({ year: 2027, confirmed: true });
    expect(res.json<YearAnswer>().confirmation?.confirmedBy.name).toBeTruthy();
    expect((await year(specialist, 2027)).confirmed).toBe(true);
    expect((await counts()).audit).toBe(before.audit + 1);
    const change = await admin.post('/api/v1/calendar/overrides', {
      date: '2027-02-13',
      kind: 'working_day',
      name: 'Làm bù',
    });
    expect(change.statusCode, change.body).toBe(201);
    expect((await year(specialist, 2027)).confirmed).toBe(false);
  });

  it('refuses a non-administrator on every change, changing nothing', async () => {
    const orgAdmin = await t.login('hn.quantri');
    const before = await counts();
    const existing = (await year(admin, 2027)).overrides[0]!;
    for (const c of [specialist, orgAdmin]) {
      const post = await c.post('/api/v1/calendar/overrides', {
        date: '2026-06-06',
        kind: 'working_day',
        name: 'Làm bù',
      });
      expect(post.statusCode).toBe(403);
      expect(post.json().error.code).toBe('auth.forbidden');
      expect((await remove(c, existing.id)).statusCode).toBe(403);
      expect((await c.post('/api/v1/calendar/years/2026/confirm', {})).statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before); // the logins came before `before`
  });

  it('answers bad overrides with 400 or 409 and changes nothing', async () => {
    const before = await counts();
    const cases: [unknown, number, string][] = [
      [{ date: '2026-06-10', kind: 'holiday', name: 'x' }, 400, 'request.invalid'],
      [{ date: '2026-06-31', kind: 'day_off', name: 'x' }, 400, 'request.invalid'],
      [{ date: '2026-06-10', kind: 'day_off', name: '' }, 400, 'request.invalid'],
      [{ date: '2026-06-10', kind: 'day_off', name: 'x', extra: 1 }, 400, 'request.invalid'],
      [{ date: '2026-06-10', kind: 'working_day', name: 'Thứ Tư' }, 400, 'calendar.invalid_override'],
      [{ date: '2026-06-13', kind: 'day_off', name: 'Thứ Bảy' }, 400, 'calendar.invalid_override'],
      [{ date: '2026-04-30', kind: 'day_off', name: 'Đã là ngày lễ' }, 400, 'calendar.invalid_override'],
      [{ date: '2026-06-10', kind: 'remove', name: 'Không phải ngày lễ' }, 400, 'calendar.invalid_override'],
      [{ date: '2027-02-06', kind: 'working_day', name: 'Mùng 1 Tết' }, 400, 'calendar.invalid_override'],
      [{ date: '2300-01-03', kind: 'day_off', name: 'x' }, 400, 'calendar.invalid_year'],
      [{ date: '2026-05-09', kind: 'working_day', name: 'x' }, 201, ''],
      [{ date: '2026-05-09', kind: 'working_day', name: 'again' }, 409, 'record.duplicate'],
    ];
    for (const [body, status, code] of cases) {
      const res = await admin.post('/api/v1/calendar/overrides', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (code) expect(res.json().error.code, JSON.stringify(body)).toBe(code);
    }
    expect(await counts()).toEqual({ ...before, overrides: before.overrides + 1, audit: before.audit + 1 });
    expect((await admin.post('/api/v1/calendar/years/2300/confirm', {})).json().error.code).toBe(
      'calendar.invalid_year',
    );
  });
});
