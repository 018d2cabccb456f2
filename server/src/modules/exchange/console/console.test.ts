import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { enqueueMessage } from '../outbox/outbox.service.ts';

let t: TestApp;
let hnClerk: Client, hnAdmin: Client, hnSpecialist: Client, bgdClerk: Client, sysAdmin: Client;
let hanoi: { id: string; code: string };
const NGHEAN = '000.00.00.H41';
const XML = (n: string) =>
  `<edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:DocumentId>${n}</edXML:DocumentId></edXML:edXML>`;

beforeAll(async () => {
  t = await createTestApp();
  [hnClerk, hnAdmin, hnSpecialist, bgdClerk, sysAdmin] = (await Promise.all(
    ['hn.vanthu', 'hn.quantri', 'hn.chuyenvien', 'bgd.vanthu', 'admin'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client, Client];
  const org = await t.db
    .selectFrom('organizations')
    .select(['id', 'identifier'])
    .where('id', '=', hnClerk.me.organizationId)
    .executeTakeFirstOrThrow();
  hanoi = { id: org.id, code: org.identifier };
}, 60_000);
afterAll(() => t?.close());
beforeEach(async () => {
  await sql`DELETE FROM exchange_outbox`.execute(t.db);
  await sql`DELETE FROM exchange_inbox`.execute(t.db);
});

async function queue(documentId: string, extra: { outgoingId?: string; organizationId?: string } = {}) {
  return t.db.transaction().execute((trx) =>
    enqueueMessage(trx, {
      organizationId: extra.organizationId ?? hanoi.id,
      type: 'edoc',
      fromCode: hanoi.code,
      toCodes: [NGHEAN, '999.99.99.Z99'],
      xml: XML(documentId),
      documentId,
      outgoingId: extra.outgoingId ?? null,
    }),
  );
}

/** The JSON of a request that must succeed. */
async function ok(response: Promise<{ statusCode: number; body: string; json(): any }>) {
  const res = await response;
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}

async function kill(id: string, error = 'refused: unknown recipient') {
  await t.db
    .updateTable('exchange_outbox')
    .set({ status: 'dead', attempts: 3, last_error: error })
    .where('id', '=', id)
    .execute();
}

async function receive(documentId: string, outcome: 'refused' | 'accepted', errorCodes: string[] = []) {
  return t.db
    .insertInto('exchange_inbox')
    .values({
      organization_id: hanoi.id,
      axis_message_id: `axis-${documentId}`,
      type: 'edoc',
      from_code: NGHEAN,
      raw: Buffer.from(XML(documentId), 'utf8'),
      sha256: 'ab'.repeat(32),
      outcome,
      error_codes: errorCodes,
      document_id: documentId,
      processed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe('[EXCHANGE CONSOLE] lists', () => {
  it('a clerk sees the outbox newest first, with recipient names, states and the dead-letter filter', async () => {
    const first = await queue('DOC-1');
    const second = await queue('DOC-2');
    await kill(first.id);
    const res = await hnClerk.get('/api/v1/exchange/messages?direction=out');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((m: { documentId: string }) => m.documentId)).toEqual(['DOC-2', 'DOC-1']);
    const dead = body.items[1];
    expect(dead).toMatchObject({
      state: 'dead',
      attempts: 3,
      lastError: 'refused: unknown recipient',
      nextAttemptAt: null,
    });
    expect(dead.to[0]).toEqual({ code: NGHEAN, name: expect.stringContaining('Nghệ An') });
    // A code nobody holds is shown as a code, without a name.
    expect(dead.to[1]).toEqual({ code: '999.99.99.Z99', name: null });
    expect(body.items[0]).toMatchObject({ id: second.id, state: 'pending', nextAttemptAt: expect.any(String) });

    const onlyDead = (await hnClerk.get('/api/v1/exchange/messages?direction=out&state=dead')).json();
    expect(onlyDead.items.map((m: { id: string }) => m.id)).toEqual([first.id]);
    const search = (await hnClerk.get('/api/v1/exchange/messages?direction=out&q=doc-2')).json();
    expect(search.items.map((m: { id: string }) => m.id)).toEqual([second.id]);
  });

  it('the inbox shows the sender, the outcome and the error codes', async () => {
    await receive('IN-1', 'refused', ['edxml.signature_invalid']);
    const body = (await hnAdmin.get('/api/v1/exchange/messages?direction=in&state=refused')).json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      direction: 'in',
      state: 'refused',
      documentId: 'IN-1',
      errorCodes: ['edxml.signature_invalid'],
      from: { code: NGHEAN, name: expect.stringContaining('Nghệ An') },
    });
  });

  it('others: 403; another organisation sees nothing and gets 404; a system administrator sees all', async () => {
    const message = await queue('DOC-3');
    expect((await hnSpecialist.get('/api/v1/exchange/messages?direction=out')).statusCode).toBe(403);
    expect((await bgdClerk.get('/api/v1/exchange/messages?direction=out')).json().total).toBe(0);
    expect((await bgdClerk.get(`/api/v1/exchange/messages/out/${message.id}`)).statusCode).toBe(404);
    expect((await bgdClerk.get(`/api/v1/exchange/messages/out/${message.id}/raw`)).statusCode).toBe(404);
    const all = (await sysAdmin.get('/api/v1/exchange/messages?direction=out')).json();
    expect(all.items.map((m: { id: string }) => m.id)).toContain(message.id);
  });
});

describe('[EXCHANGE CONSOLE] detail, raw XML and replay', () => {
  it('the detail has the XML, its SHA-256 and the errors in Vietnamese and English; raw is a download', async () => {
    const { id } = await receive('IN-2', 'refused', ['edxml.signature_invalid', 'exchange.not_addressed']);
    const res = await hnClerk.get(`/api/v1/exchange/messages/in/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.xml).toBe(XML('IN-2'));
    expect(detail.xmlTruncated).toBe(false);
    expect(detail.message.sha256).toBe('ab'.repeat(32));
    expect(detail.issues).toEqual([
      expect.objectContaining({
        code: 'edxml.signature_invalid',
        severity: 'error',
        vi: expect.any(String),
        en: expect.any(String),
      }),
      expect.objectContaining({ code: 'exchange.not_addressed', vi: expect.stringContaining('nơi nhận') }),
    ]);
    const raw = await hnClerk.get(`/api/v1/exchange/messages/in/${id}/raw`);
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toMatch(/^application\/xml/);
    expect(String(raw.headers['content-disposition'])).toMatch(/^attachment; filename=".+\.xml"$/);
    expect(raw.rawBody.toString('utf8')).toBe(XML('IN-2'));
  });

  it('replays a dead letter (audited); a message still pending: 409; a specialist: 403', async () => {
    const pending = await queue('DOC-4');
    const dead = await queue('DOC-5');
    await kill(dead.id);
    const early = await hnClerk.post(`/api/v1/exchange/outbox/${pending.id}/replay`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('exchange.message_not_dead');
    expect((await hnSpecialist.post(`/api/v1/exchange/outbox/${dead.id}/replay`)).statusCode).toBe(403);
    expect((await bgdClerk.post(`/api/v1/exchange/outbox/${dead.id}/replay`)).statusCode).toBe(404);

    const res = await hnClerk.post(`/api/v1/exchange/outbox/${dead.id}/replay`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().message).toMatchObject({ id: dead.id, state: 'pending', attempts: 0 });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', dead.id)
      .executeTakeFirst();
    expect(audit?.action).toBe('exchange.message_replayed');
  });

  it('an outgoing document package shows the document and each recipient’s status', async () => {
    const [specialist, head, clerk, leader] = (await Promise.all(
      ['bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'bgd.lanhdao'].map((u) => t.login(u)),
    )) as [Client, Client, Client, Client];
    const draft = await ok(
      specialist.post('/api/v1/outgoing-documents', {
        docType: 'official_letter',
        subject: 'V/v kế hoạch năm học 2026-2027',
        body: 'Kính gửi: Sở Giáo dục và Đào tạo Hà Nội',
        urgency: 'normal',
        confidentiality: 'normal',
        recipients: { internal: [hanoi.id], external: [] },
        signerUserId: leader.me.user.id,
        signerPositionTitle: 'Thứ trưởng',
      }),
    );
    // The default approval route: submit, the unit head, the clerk, the leader; then the clerk issues.
    await ok(specialist.post(`/api/v1/outgoing-documents/${draft.id}/submit`, {}));
    for (const who of [head, clerk, leader]) await ok(who.post(`/api/v1/outgoing-documents/${draft.id}/approve`, {}));
    await ok(clerk.post(`/api/v1/outgoing-documents/${draft.id}/issue`, {}));
    const message = await queue('DOC-6', { outgoingId: draft.id, organizationId: clerk.me.organizationId });

    const detail = (await clerk.get(`/api/v1/exchange/messages/out/${message.id}`)).json();
    expect(detail.message.document).toMatchObject({ kind: 'outgoing', id: draft.id, number: expect.any(String) });
    expect(detail.dispatches).toEqual([
      expect.objectContaining({ recipientName: expect.stringContaining('Hà Nội'), status: expect.any(String) }),
    ]);
  }, 60_000);
});
