/**
 * [INCOMING] Registration by the clerk: arrival numbers per register and year (gap-free under concurrency,
 * restarting each year, a separate series for confidential documents), duplicate warnings, bad input,
 * and search that ignores diacritics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { incomingBody, registerIncoming, uploadPdf } from './incoming.fixtures.ts';

let t: TestApp;
let clerk: Client;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('hn.vanthu');
});
afterAll(() => t.close());

async function openRegister(name: string, confidential = false): Promise<string> {
  const res = await clerk.post('/api/v1/registers', { direction: 'incoming', name, confidential });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('[INCOMING] arrival numbers', () => {
  it('numbers documents 1, 2, … in the organisation default register, created on first use', async () => {
    const first = await registerIncoming(clerk);
    const second = await registerIncoming(clerk);
    expect(first.registerName).toBe('Sổ đăng ký văn bản đến');
    expect([first.arrivalNumber, second.arrivalNumber]).toEqual([1, 2]);
    expect(first.arrivalYear).toBe(
      Number(new Date().toLocaleString('sv', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 4)),
    );
    expect(first.status).toBe('registered');
    expect(first.trail.map((e: { action: string }) => e.action)).toEqual(['registered']);
    expect(first.trail[0].actorUserId).toBe(clerk.me.user.id);
    const registers = (await clerk.get('/api/v1/registers?direction=incoming')).json().items;
    expect(registers.find((r: { id: string }) => r.id === first.registerId).lastNumber).toBe(2);
  });

  it('gives 50 concurrent registrations the numbers 1..50 with no gap and no duplicate', async () => {
    const registerId = await openRegister('Sổ kiểm thử đồng thời');
    const files = await Promise.all(Array.from({ length: 50 }, () => uploadPdf(clerk)));
    const results = await Promise.all(
      files.map((fileId) => clerk.post('/api/v1/incoming-documents', incomingBody(fileId, { registerId }))),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.json().arrivalNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const registers = (await clerk.get('/api/v1/registers')).json().items;
    expect(registers.find((r: { id: string }) => r.id === registerId).lastNumber).toBe(50);
  });

  it('starts again at 1 each calendar year (by the arrival date in Vietnam time)', async () => {
    const registerId = await openRegister('Sổ kiểm thử chuyển năm');
    const at = async (receivedAt: string) =>
      (await registerIncoming(clerk, { registerId, receivedAt, documentDate: '2025-12-30' })) as {
        arrivalYear: number;
        arrivalNumber: number;
      };
    const a = await at('2025-12-31T10:00:00Z');
    const b = await at('2025-12-31T16:59:59Z'); // 23:59:59 on 31/12/2025 in Hà Nội
    const c = await at('2025-12-31T17:00:00Z'); // 00:00 on 01/01/2026 in Hà Nội
    const d = await at('2026-01-02T02:00:00Z');
    const e = await at('2025-12-31T12:00:00Z'); // a late registration of a 2025 arrival continues 2025's series
    expect([a, b, c, d, e].map((x) => [x.arrivalYear, x.arrivalNumber])).toEqual([
      [2025, 1],
      [2025, 2],
      [2026, 1],
      [2026, 2],
      [2025, 3],
    ]);
  });

  it('keeps confidential documents in a separate register and series', async () => {
    const secret = await registerIncoming(clerk, { confidentiality: 'confidential' });
    const secret2 = await registerIncoming(clerk, { confidentiality: 'secret' });
    expect(secret.registerName).toBe('Sổ đăng ký văn bản đến mật');
    expect([secret.arrivalNumber, secret2.arrivalNumber]).toEqual([1, 2]);
    const ordinary = await registerIncoming(clerk);
    expect(ordinary.registerId).not.toBe(secret.registerId);
    expect(ordinary.arrivalNumber).toBeGreaterThan(2);

    const fileId = await uploadPdf(clerk);
    const wrong = await clerk.post(
      '/api/v1/incoming-documents',
      incomingBody(fileId, { confidentiality: 'confidential', registerId: ordinary.registerId }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('documents.register_mismatch');
  });
});

describe('[INCOMING] duplicate warning', () => {
  it('warns when the same issuer, number and date are registered again, and registers only when confirmed', async () => {
    const original = await registerIncoming(clerk, { numberNotation: '15/QĐ-BGDĐT', documentDate: '2026-11-02' });
    const before = await countRows(t.db, 'incoming_documents');
    const fileId = await uploadPdf(clerk);
    const again = incomingBody(fileId, {
      numberNotation: '15 / qđ-bgdđt',
      issuerName: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO',
      documentDate: '2026-11-02',
    });
    const warned = await clerk.post('/api/v1/incoming-documents', again);
    expect(warned.statusCode).toBe(409);
    expect(warned.json().error.code).toBe('documents.possible_duplicate');
    expect(warned.json().error.details.duplicates[0].id).toBe(original.id);
    expect(await countRows(t.db, 'incoming_documents')).toBe(before);

    const check = await clerk.get(
      `/api/v1/incoming-documents/duplicates?issuerName=${encodeURIComponent('Bộ Giáo dục và Đào tạo')}&numberNotation=${encodeURIComponent('15/QĐ-BGDĐT')}&documentDate=2026-11-02`,
    );
    expect(check.json().items.map((d: { id: string }) => d.id)).toEqual([original.id]);

    const confirmed = await clerk.post('/api/v1/incoming-documents', { ...again, allowDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().arrivalNumber).toBe(original.arrivalNumber + 1);
  });
});

describe('[INCOMING] bad input changes nothing', () => {
  it('refuses invalid registrations with a clear code and leaves no document, number or audit row', async () => {
    const fileId = await uploadPdf(clerk);
    const otherOrgClerk = await t.login('bgd.vanthu');
    const specialist = await t.login('hn.chuyenvien');
    const specialistFile = await uploadPdf(specialist);
    const before = {
      docs: await countRows(t.db, 'incoming_documents'),
      audit: await countRows(t.db, 'audit_log'),
      counters: await t.db.selectFrom('register_counters').select(['register_id', 'year', 'last_number']).execute(),
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ subject: '' }, 400, 'request.invalid'],
      [{ docType: 'cong_van' }, 400, 'request.invalid'],
      [{ urgency: 'very_very_urgent' }, 400, 'request.invalid'],
      [{ documentDate: '2026-02-30' }, 400, 'request.invalid'],
      [{ documentDate: '2026-11-20', receivedAt: '2026-11-19T03:00:00Z' }, 400, 'documents.invalid_dates'],
      [{ receivedAt: '2099-01-01T00:00:00Z' }, 400, 'documents.invalid_dates'],
      [{ replyDueDate: '2026-01-01' }, 400, 'documents.invalid_dates'],
      [{ mainFileId: '00000000-0000-4000-8000-000000000000' }, 400, 'documents.file_not_found'],
      [{ registerId: '00000000-0000-4000-8000-000000000000' }, 400, 'documents.register_not_found'],
      [{ documentDate: '2000-12-01', receivedAt: '2001-01-02T03:00:00Z' }, 400, 'documents.invalid_dates'],
      [{ mainFileId: specialistFile }, 400, 'documents.file_not_found'],
      [{ unexpected: 'field' }, 400, 'request.invalid'],
    ];
    for (const [override, status, code] of cases) {
      const res = await clerk.post('/api/v1/incoming-documents', incomingBody(fileId, override));
      expect([res.statusCode, res.json().error.code], JSON.stringify(override)).toEqual([status, code]);
      expect(res.json().error.message).toBeTruthy();
    }
    const english = await clerk.post(
      '/api/v1/incoming-documents',
      incomingBody(fileId, { receivedAt: '2099-01-01T00:00:00Z' }),
      {
        'accept-language': 'en',
      },
    );
    expect(english.json().error.message).toMatch(/dates are invalid/);

    const foreign = await otherOrgClerk.post('/api/v1/incoming-documents', incomingBody(fileId));
    expect(foreign.json().error.code).toBe('documents.file_not_found');

    const forbidden = await specialist.post('/api/v1/incoming-documents', incomingBody(specialistFile));
    expect(forbidden.statusCode).toBe(403);

    expect(await countRows(t.db, 'incoming_documents')).toBe(before.docs);
    expect(await countRows(t.db, 'audit_log')).toBe(before.audit);
    expect(await t.db.selectFrom('register_counters').select(['register_id', 'year', 'last_number']).execute()).toEqual(
      before.counters,
    );
  });
});

describe('[INCOMING] search and filters', () => {
  it('finds Vietnamese text from words typed without diacritics, in any case, and by number', async () => {
    const target = await registerIncoming(clerk, {
      subject: 'Công văn hướng dẫn tuyển sinh vào lớp 10 năm học 2027-2028',
      numberNotation: '4321/BGDĐT-QLCL',
      urgency: 'very_urgent',
      docType: 'guidance',
      issuerName: 'Cục Quản lý chất lượng',
    });
    const search = async (query: string) =>
      (await clerk.get(`/api/v1/incoming-documents?${query}`))
        .json()
        .items.map((d: { id: string }) => d.id) as string[];
    expect(await search(`q=${encodeURIComponent('cong van huong dan tuyen sinh')}`)).toEqual([target.id]);
    expect(await search(`q=${encodeURIComponent('TUYỂN SINH lớp 10')}`)).toEqual([target.id]);
    expect(await search(`q=${encodeURIComponent('4321/bgddt')}`)).toEqual([target.id]);
    expect(await search(`q=${encodeURIComponent('tuyen sinh dai hoc')}`)).toEqual([]);
    expect(await search(`issuer=${encodeURIComponent('quan ly chat luong')}`)).toEqual([target.id]);
    expect(await search('urgency=very_urgent&docType=guidance')).toEqual([target.id]);
    expect(await search('receivedFrom=2000-01-01&receivedTo=2000-12-31')).toEqual([]);
    const bad = await clerk.get('/api/v1/incoming-documents?receivedFrom=2026-12-01&receivedTo=2026-01-01');
    expect(bad.json().error.code).toBe('documents.invalid_period');
  });

  it('lists urgent documents first', async () => {
    const flash = await registerIncoming(clerk, { urgency: 'flash' });
    await registerIncoming(clerk, { urgency: 'normal' });
    const list = (await clerk.get('/api/v1/incoming-documents?view=to_process&limit=5')).json();
    expect(list.items[0].id).toBe(flash.id);
    expect(list.items[0].urgency).toBe('flash');
    expect(list.total).toBeGreaterThan(5);
  });

  it('shows nothing of another organisation', async () => {
    const doc = await registerIncoming(clerk);
    const other = await t.login('bgd.vanthu');
    expect((await other.get(`/api/v1/incoming-documents/${doc.id}`)).statusCode).toBe(404);
    const list = (await other.get('/api/v1/incoming-documents?view=all&limit=200')).json();
    expect(list.items.map((d: { id: string }) => d.id)).not.toContain(doc.id);
  });
});

describe('[INCOMING] register books', () => {
  it('answers a clear 400, not a 500, when the default register has been retired', async () => {
    const t2 = await createTestApp();
    try {
      const c = await t2.login('hn.vanthu');
      const first = await registerIncoming(c);
      const register = (await c.get('/api/v1/registers?direction=incoming'))
        .json()
        .items.find((r: { id: string }) => r.id === first.registerId);
      const retired = await c.patch(`/api/v1/registers/${register.id}`, { version: register.version, active: false });
      expect(retired.statusCode).toBe(200);
      expect(retired.json()).toMatchObject({ active: false, lastNumber: 1 });
      const fileId = await uploadPdf(c);
      const res = await c.post('/api/v1/incoming-documents', incomingBody(fileId));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('documents.register_not_found');
      // Reactivated, numbering continues where it stopped.
      await c.patch(`/api/v1/registers/${register.id}`, { version: retired.json().version, active: true });
      expect((await c.post('/api/v1/incoming-documents', incomingBody(fileId))).json().arrivalNumber).toBe(2);
    } finally {
      await t2.close();
    }
  });

  it('numbers a document received on EduGov in the series of the year it arrived, even when registered later', async () => {
    const { receiveIncoming } = await import('../index.ts');
    const registerId = await openRegister('Sổ kiểm thử văn bản điện tử');
    const moet = await t.db
      .selectFrom('organizations')
      .select('id')
      .where('seed_key', '=', 'moet')
      .executeTakeFirstOrThrow();
    const fileId = await uploadPdf(clerk);
    const received = await t.db.transaction().execute((trx) =>
      receiveIncoming(trx, t, {
        organizationId: clerk.me.organizationId,
        senderOrganizationId: moet.id,
        sourceReference: 'outgoing:year-end',
        sentBy: clerk.me.user.id,
        issuerName: 'Bộ Giáo dục và Đào tạo',
        numberNotation: '77/BGDĐT-VP',
        documentDate: '2025-12-31',
        docType: 'notice',
        subject: 'Thông báo cuối năm',
        urgency: 'normal',
        confidentiality: 'normal',
        mainFileId: fileId,
      }),
    );
    // Arrange: it arrived late on 31/12/2025 (Hà Nội time) and is registered now.
    await t.db
      .updateTable('incoming_documents')
      .set({ received_at: new Date('2025-12-31T16:30:00Z') })
      .where('id', '=', received.id)
      .execute();
    const res = await clerk.post(`/api/v1/incoming-documents/${received.id}/register`, {
      version: received.version,
      registerId,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ arrivalYear: 2025, arrivalNumber: 1 });
  });

  it('pages past the end still report the total', async () => {
    const all = (await clerk.get('/api/v1/incoming-documents?view=all&limit=1')).json();
    const beyond = (await clerk.get(`/api/v1/incoming-documents?view=all&limit=10&offset=${all.total + 5}`)).json();
    expect(beyond).toEqual({ items: [], total: all.total });
  });
});
