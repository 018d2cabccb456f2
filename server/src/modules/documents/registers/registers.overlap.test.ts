/**
 * [REGISTERS] One outgoing book in use per confidentiality: every outgoing book numbers every type from 01
 * each year, so a second one in use would give numbers already given (409 documents.number_taken at issue).
 * Opening or reactivating such a book is refused at once, with the book in the way named; incoming books and
 * a book of the other confidentiality are not affected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../test/factories.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let clerk: Client; // the clerk of a school that has no register book yet

beforeAll(async () => {
  t = await createTestApp();
  await createPerson(t.db, {
    username: 'cva.vanthu',
    fullName: 'Đỗ Thị Mai',
    org: 'thpt-chu-van-an-ha-noi',
    roles: ['clerk'],
  });
  clerk = await t.login('cva.vanthu');
});
afterAll(() => t.close());

const open = (name: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  clerk.post('/api/v1/registers', { direction: 'outgoing', name, confidential: false, ...extra }, headers);

const outgoingBooks = async () =>
  (
    (await clerk.get('/api/v1/registers?direction=outgoing')).json().items as {
      id: string;
      name: string;
      active: boolean;
      confidential: boolean;
      version: number;
    }[]
  ).map((r) => [r.name, r.confidential, r.active]);

describe('[REGISTERS] a second outgoing book numbering the same series', () => {
  it('is refused when opened (409, both languages), per confidentiality; incoming books are free', async () => {
    const first = await open('Sổ văn bản đi');
    expect(first.statusCode, first.body).toBe(201);
    const second = await open('Sổ văn bản đi theo loại', { numbering: 'per_type' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'documents.register_overlap',
      message: expect.stringContaining('sẽ cấp trùng số, ký hiệu'),
      details: { registerId: first.json().id, registerName: 'Sổ văn bản đi', confidential: false },
    });
    const inEnglish = await open('Outgoing book 2', {}, { 'accept-language': 'en' });
    expect(inEnglish.json().error.message).toContain('two books would give the same numbers');

    // The confidential series is another series: its own book is fine, a second one is not.
    expect((await open('Sổ văn bản đi mật', { confidential: true })).statusCode).toBe(201);
    expect((await open('Sổ văn bản đi mật 2', { confidential: true })).json().error.code).toBe(
      'documents.register_overlap',
    );
    // Arrival numbers are per book: two incoming books are allowed.
    for (const name of ['Sổ văn bản đến', 'Sổ văn bản đến qua mạng']) {
      const res = await clerk.post('/api/v1/registers', { direction: 'incoming', name, confidential: false });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await outgoingBooks()).toEqual([
      ['Sổ văn bản đi', false, true],
      ['Sổ văn bản đi mật', true, true],
    ]);
  });

  it('may replace a retired book, and the retired one cannot come back while the new one is in use', async () => {
    const books = (await clerk.get('/api/v1/registers?direction=outgoing')).json().items as {
      id: string;
      name: string;
      version: number;
    }[];
    const old = books.find((b) => b.name === 'Sổ văn bản đi')!;
    const retired = await clerk.patch(`/api/v1/registers/${old.id}`, { version: old.version, active: false });
    expect(retired.statusCode, retired.body).toBe(200);
    const replacement = await open('Sổ văn bản đi từ tháng 12');
    expect(replacement.statusCode, replacement.body).toBe(201);

    const back = await clerk.patch(`/api/v1/registers/${old.id}`, { version: retired.json().version, active: true });
    expect(back.statusCode).toBe(409);
    expect(back.json().error).toMatchObject({
      code: 'documents.register_overlap',
      details: { registerId: replacement.json().id },
    });
    // Renaming the retired book is still fine; nothing else changed.
    const renamed = await clerk.patch(`/api/v1/registers/${old.id}`, {
      version: retired.json().version,
      name: 'Sổ văn bản đi (đến tháng 11)',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await outgoingBooks()).toEqual([
      ['Sổ văn bản đi (đến tháng 11)', false, false],
      ['Sổ văn bản đi từ tháng 12', false, true],
      ['Sổ văn bản đi mật', true, true],
    ]);
  });
});
