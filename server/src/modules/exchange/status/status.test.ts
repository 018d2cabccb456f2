/**
 * [EXCHANGE STATUSES] Statuses both ways over the axis, on one database: the Sở of Hà Nội receives packages
 * from the Ministry's code and its workflow answers with 03/04/05/06 (once each, never backwards), 02 on
 * refusal, 15/16 to a recall (status 13 or a revoke package); the Ministry's axis dispatch follows the status
 * packets that come back, and its recall goes out as status 13.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../platform/logger.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { buildEdxml, parseEdxml, type EdxmlPackage, type EdxmlStatus } from '../edxml/index.ts';
import { samplePackage } from '../edxml/edxml.fixtures.ts';
import { samplePdfBytes } from '../exchange.fixtures.ts';
import { receiveMessage, type InboxDeps } from '../inbox/inbox.service.ts';

let t: TestApp;
let moet: { id: string; code: string };
let hanoi: { id: string; code: string };
let nghean: string;
let pdf: Buffer;
let hnClerk: Client, hnLeader: Client, hnHead: Client, hnSpecialist: Client;
let clerk: Client, leader: Client, head: Client, specialist: Client;

async function org(seedKey: string) {
  const row = await t.db
    .selectFrom('organizations')
    .select(['id', 'identifier'])
    .where('seed_key', '=', seedKey)
    .executeTakeFirstOrThrow();
  return { id: row.id, code: row.identifier };
}

/** Posts a step on an outgoing document that must succeed; returns the new detail. */
async function outgoingStep(c: Client, path: string, body: unknown) {
  const res = await c.post(`/api/v1/outgoing-documents${path}`, body);
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const noticesOf = async (c: Client) =>
  (await c.get('/api/v1/notifications?limit=100')).json().items as {
    kind: string;
    link: string;
    body: { vi: string } | null;
  }[];

beforeAll(async () => {
  t = await createTestApp();
  [moet, hanoi] = [await org('moet'), await org('so-ha-noi')];
  nghean = (await org('so-nghe-an')).code;
  pdf = await samplePdfBytes();
  const login = (usernames: string[]) =>
    Promise.all(usernames.map((u) => t.login(u))) as Promise<[Client, Client, Client, Client]>;
  [hnClerk, hnLeader, hnHead, hnSpecialist] = await login([
    'hn.vanthu',
    'hn.lanhdao',
    'hn.truongphong',
    'hn.chuyenvien',
  ]);
  [clerk, leader, head, specialist] = await login(['bgd.vanthu', 'bgd.lanhdao', 'bgd.truongvu', 'bgd.chuyenvien']);
}, 60_000);
afterAll(() => t?.close());

const deps = (): InboxDeps => ({ db: t.db, config: t.config, jobs: t.jobs, logger: createLogger(t.config) });
const bytesOf = (xml: string) => new TextEncoder().encode(xml);

/** The axis brings `xml` from `from` to the organisation `to`. */
function deliver(to: string, from: string, type: 'edoc' | 'status', xml: string) {
  const item = { messageId: randomUUID(), type, from, to, receivedAt: new Date(), status: 'inbox' as const };
  return receiveMessage(deps(), to, item, bytesOf(xml));
}

/** A Công văn from the Ministry to the Sở of Hà Nội, over the axis; returns the incoming document made of it. */
async function receivedAtHanoi(number: string) {
  const p: EdxmlPackage = {
    ...samplePackage({ seed: pdf }),
    from: { organId: moet.code, organName: 'Bộ Giáo dục và Đào tạo' },
    to: [{ organId: hanoi.code, organName: 'Sở Giáo dục và Đào tạo Hà Nội' }],
    code: { codeNumber: number, codeNotation: 'BGDĐT-GDPT' },
    documentId: `${moet.code},2026/11/27,${number}/BGDĐT-GDPT`,
    responseFor: [],
  };
  const result = await deliver(hanoi.code, moet.code, 'edoc', buildEdxml(p));
  expect(result.outcome).toBe('accepted');
  const doc = await t.db
    .selectFrom('incoming_documents')
    .selectAll()
    .where('id', '=', result.incomingDocumentId!)
    .executeTakeFirstOrThrow();
  return { doc, documentId: p.documentId };
}

/** The status packets queued about an incoming document, oldest first, as the sender will read them. */
async function statusesAbout(incomingId: string) {
  const rows = await t.db
    .selectFrom('exchange_outbox')
    .selectAll()
    .where('incoming_id', '=', incomingId)
    .where('type', '=', 'status')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => {
    const parsed = parseEdxml(new Uint8Array(r.xml));
    if (!parsed.ok || parsed.message.kind !== 'status') throw new Error('a queued status does not parse');
    return { toCodes: r.to_codes, status: parsed.message };
  });
}
const codesAbout = async (incomingId: string) => (await statusesAbout(incomingId)).map((s) => s.status.statusCode);

const detailOf = async (c: Client, id: string) => (await c.get(`/api/v1/incoming-documents/${id}`)).json();

function statusPacket(over: {
  from: string;
  about: { organId: string; documentId: string };
  code: string;
  description?: string;
}): string {
  const status: EdxmlStatus = {
    kind: 'status',
    responseFor: over.about,
    from: { organId: over.from },
    statusCode: over.code,
    ...(over.description ? { description: over.description } : {}),
    timestamp: '2026-11-28T09:00:00+07:00',
  };
  return buildEdxml(status);
}

describe('[EXCHANGE STATUSES] the recipient tells the sender over the axis', () => {
  it('registering, directing, assigning and completing queue 03, 04, 05, 06 once each; a step back sends nothing', async () => {
    const { doc, documentId } = await receivedAtHanoi('0201');
    const register = await hnClerk.post(`/api/v1/incoming-documents/${doc.id}/register`, { version: doc.version });
    expect(register.statusCode, register.body).toBe(200);
    expect(await codesAbout(doc.id)).toEqual(['01', '03']);
    // Presented to the leader: still 03 for the sender, not sent twice.
    expect((await hnClerk.post(`/api/v1/incoming-documents/${doc.id}/present`, {})).statusCode).toBe(200);
    const unit = await t.db
      .selectFrom('units')
      .select('id')
      .where('seed_key', '=', 'so-ha-noi-gdpt')
      .executeTakeFirstOrThrow();
    const directed = await hnLeader.post(`/api/v1/incoming-documents/${doc.id}/direct`, {
      lead: { unitId: unit.id },
      workingDays: 5,
    });
    expect(directed.statusCode, directed.body).toBe(200);
    const lead = directed.json().assignments.find((a: { role: string; status: string }) => a.role === 'lead');
    const assign = () =>
      hnHead.post(`/api/v1/incoming-documents/${doc.id}/assign`, {
        assignmentId: lead.id,
        leadUserId: hnSpecialist.me.user.id,
      });
    expect((await assign()).statusCode).toBe(200);
    expect(await codesAbout(doc.id)).toEqual(['01', '03', '04', '05']);
    // The specialist hands it back (assigned again) and gets it again: the sender has heard 04 and 05 already.
    const handedBack = await hnSpecialist.post(`/api/v1/incoming-documents/${doc.id}/return`, { note: 'Nhầm người' });
    expect(handedBack.statusCode, handedBack.body).toBe(200);
    expect((await detailOf(hnClerk, doc.id)).status).toBe('assigned');
    expect((await assign()).statusCode).toBe(200);
    const done = await hnSpecialist.post(`/api/v1/incoming-documents/${doc.id}/complete`, { note: 'Đã triển khai' });
    expect(done.statusCode, done.body).toBe(200);

    const sent = await statusesAbout(doc.id);
    expect(sent.map((s) => s.status.statusCode)).toEqual(['01', '03', '04', '05', '06']);
    for (const s of sent) {
      expect(s.toCodes).toEqual([moet.code]);
      expect(s.status.from.organId).toBe(hanoi.code);
      expect(s.status.responseFor).toEqual({
        organId: moet.code,
        code: '0201/BGDĐT-GDPT',
        promulgationDate: '2026-11-27',
        documentId,
      });
    }
    expect(sent[4]!.status.description).toBe('Hoàn thành');
  });

  it('the clerk refuses a document received over the axis: 02 with the reason goes to the sender', async () => {
    const { doc, documentId } = await receivedAtHanoi('0202');
    expect((await detailOf(hnClerk, doc.id)).actions).toEqual(expect.arrayContaining(['register', 'refuse']));
    const reason = 'Văn bản không thuộc thẩm quyền giải quyết của Sở';
    const refused = await hnClerk.post(`/api/v1/incoming-documents/${doc.id}/refuse`, { note: reason });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'closed' });
    const sent = await statusesAbout(doc.id);
    expect(sent.map((s) => s.status.statusCode)).toEqual(['01', '02']);
    expect(sent[1]!.toCodes).toEqual([moet.code]);
    expect(sent[1]!.status).toMatchObject({ description: reason, responseFor: { documentId } });
  });

  it('a recall (13) waits for the clerk, who accepts it: the document is withdrawn and 15 goes back', async () => {
    const { doc, documentId } = await receivedAtHanoi('0203');
    const reason = 'Sai số liệu phụ lục';
    const about = { organId: moet.code, documentId };
    const recall = await deliver(
      hanoi.code,
      moet.code,
      'status',
      statusPacket({ from: moet.code, about, code: '13', description: reason }),
    );
    expect(recall).toMatchObject({ outcome: 'status_applied', incomingDocumentId: doc.id });
    expect((await detailOf(hnClerk, doc.id)).actions).toContain('recall_answer');
    expect((await detailOf(hnLeader, doc.id)).actions).not.toContain('recall_answer');
    const notice = (await noticesOf(hnClerk)).find(
      (n) => n.link === `/e-office/incoming/${doc.id}` && n.kind === 'incoming.recall_requested',
    );
    expect(notice?.body?.vi).toContain(reason);
    const trail = (await detailOf(hnClerk, doc.id)).trail as { action: string; note: string | null }[];
    expect(trail.at(-1)).toMatchObject({ action: 'recall_requested', note: reason });

    const answered = await hnClerk.post(`/api/v1/incoming-documents/${doc.id}/recall-answer`, { accept: true });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'closed' });
    const after = await t.db
      .selectFrom('incoming_documents')
      .selectAll()
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ outcome: 'withdrawn', recall_requested_at: null });
    const sent = await statusesAbout(doc.id);
    expect(sent.map((s) => s.status.statusCode)).toEqual(['01', '15']);
    expect(sent[1]!).toMatchObject({ toCodes: [moet.code], status: { responseFor: { documentId } } });
    expect((await detailOf(hnClerk, doc.id)).actions).not.toContain('recall_answer');
    expect(
      (await hnClerk.post(`/api/v1/incoming-documents/${doc.id}/recall-answer`, { accept: false })).statusCode,
    ).toBe(409);
  });

  it('a revoke package asks the same; the clerk refuses: 16 with the reason, the document stays', async () => {
    const { doc, documentId } = await receivedAtHanoi('0204');
    const revoke: EdxmlPackage = {
      ...samplePackage({ seed: pdf }),
      from: { organId: moet.code },
      to: [{ organId: hanoi.code }],
      code: { codeNumber: '0205', codeNotation: 'BGDĐT-GDPT' },
      documentId: `${moet.code},2026/11/28,0205/BGDĐT-GDPT`,
      responseFor: [],
      business: { docType: 1, documentId, reason: 'Ban hành nhầm' },
      attachments: [],
    };
    const result = await deliver(hanoi.code, moet.code, 'edoc', buildEdxml(revoke));
    expect(result).toMatchObject({ outcome: 'status_applied', incomingDocumentId: doc.id });
    expect((await detailOf(hnClerk, doc.id)).actions).toContain('recall_answer');

    const note = 'Văn bản đã được triển khai';
    const answered = await hnClerk.post(`/api/v1/incoming-documents/${doc.id}/recall-answer`, { accept: false, note });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'received' });
    const sent = await statusesAbout(doc.id);
    expect(sent.map((s) => s.status.statusCode)).toEqual(['01', '16']);
    expect(sent[1]!.status.description).toBe(note);
    expect((await detailOf(hnClerk, doc.id)).actions).toEqual(expect.arrayContaining(['register']));
    expect((await detailOf(hnClerk, doc.id)).actions).not.toContain('recall_answer');
  });

  it('a recall of a document we never received is only recorded', async () => {
    const about = { organId: moet.code, documentId: `${moet.code},2026/11/27,9999/BGDĐT-GDPT` };
    const result = await deliver(hanoi.code, moet.code, 'status', statusPacket({ from: moet.code, about, code: '13' }));
    expect(result).toMatchObject({ outcome: 'status_recorded', incomingDocumentId: null });
  });
});

describe('[EXCHANGE STATUSES] the sender follows its axis dispatch', () => {
  let letter: { id: string; fullNumber: string };
  const documentId = () => `${moet.code},2026/11/28,${letter.fullNumber}`;
  const dispatch = () =>
    t.db.selectFrom('outgoing_dispatches').selectAll().where('outgoing_id', '=', letter.id).executeTakeFirstOrThrow();
  const fromHanoi = (code: string, description?: string, from = hanoi.code) =>
    deliver(
      moet.code,
      from,
      'status',
      statusPacket({ from, about: { organId: moet.code, documentId: documentId() }, code, description }),
    );

  beforeAll(async () => {
    const draft = await outgoingStep(specialist, '', {
      docType: 'official_letter',
      subject: 'V/v báo cáo số liệu thống kê giáo dục đầu năm học 2026-2027',
      body: 'Kính gửi: Sở Giáo dục và Đào tạo Hà Nội\nĐề nghị Sở báo cáo số liệu trước ngày 15/12/2026.',
      urgency: 'normal',
      confidentiality: 'normal',
      recipients: { internal: [hanoi.id], external: [] },
      signerUserId: leader.me.user.id,
      signerPositionTitle: 'Thứ trưởng',
      authorityPrefix: 'KT',
    });
    await outgoingStep(specialist, `/${draft.id}/submit`, {});
    for (const approver of [head, clerk, leader]) await outgoingStep(approver, `/${draft.id}/approve`, {});
    const issued = await outgoingStep(clerk, `/${draft.id}/issue`, {});
    letter = { id: draft.id, fullNumber: issued.fullNumber };
    // Hà Nội is reached over the axis here: its dispatch waits for the package's statuses by its DocumentId.
    const { id } = await t.db
      .updateTable('outgoing_dispatches')
      .set({
        channel: 'axis',
        recipient_code: hanoi.code,
        axis_document_id: documentId(),
        incoming_id: null,
        status: 'queued',
      })
      .where('outgoing_id', '=', letter.id)
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom('outgoing_dispatch_events').where('dispatch_id', '=', id).execute();
    await t.db.insertInto('outgoing_dispatch_events').values({ dispatch_id: id, status: 'queued' }).execute();
  }, 60_000);

  it('01 then 03 move the dispatch and tell the drafter; late or foreign statuses change nothing', async () => {
    expect(await fromHanoi('01')).toMatchObject({ outcome: 'status_applied' });
    expect((await dispatch()).status).toBe('01');
    expect(await fromHanoi('03', 'Đã vào sổ văn bản đến số 12')).toMatchObject({ outcome: 'status_applied' });
    expect((await dispatch()).status).toBe('03');
    const notices = await noticesOf(specialist);
    expect(
      notices.some((n) => n.kind === 'outgoing.recipient_registered' && n.link === `/e-office/outgoing/${letter.id}`),
    ).toBe(true);

    expect(await fromHanoi('05')).toMatchObject({ outcome: 'status_applied' });
    expect(await fromHanoi('04')).toMatchObject({ outcome: 'status_recorded' });
    expect(await fromHanoi('01')).toMatchObject({ outcome: 'status_recorded' });
    // Nghệ An cannot move Hà Nội's dispatch.
    expect(await fromHanoi('06', undefined, nghean)).toMatchObject({ outcome: 'status_recorded' });
    const d = await dispatch();
    expect(d.status).toBe('05');
    const history = await t.db
      .selectFrom('outgoing_dispatch_events')
      .select('status')
      .where('dispatch_id', '=', d.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.status)).toEqual(['queued', '01', '03', '05']);
  });

  it('the recall goes out as status 13 to the recipient code; its 15 withdraws the dispatch and tells the clerks', async () => {
    const reason = 'Sai số liệu phụ lục';
    const recall = await leader.post(`/api/v1/outgoing-documents/${letter.id}/recall`, { reason });
    expect(recall.statusCode, recall.body).toBe(200);
    expect((await dispatch()).status).toBe('13');
    const rows = await t.db
      .selectFrom('exchange_outbox')
      .selectAll()
      .where('outgoing_id', '=', letter.id)
      .where('status_code', '=', '13')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!).toMatchObject({ to_codes: [hanoi.code], from_code: moet.code, type: 'status' });
    const parsed = parseEdxml(new Uint8Array(rows[0]!.xml));
    expect(parsed.ok && parsed.message).toMatchObject({
      statusCode: '13',
      description: reason,
      from: { organId: moet.code },
      responseFor: { organId: moet.code, code: letter.fullNumber, documentId: documentId() },
    });

    // A progress status arriving meanwhile does not end the recall; the answer does.
    expect(await fromHanoi('06')).toMatchObject({ outcome: 'status_recorded' });
    expect(await fromHanoi('15', 'Đồng ý thu hồi')).toMatchObject({ outcome: 'status_applied' });
    expect((await dispatch()).status).toBe('15');
    expect(
      (await noticesOf(clerk)).some(
        (n) => n.kind === 'outgoing.recall_accepted' && n.link === `/e-office/outgoing/${letter.id}`,
      ),
    ).toBe(true);
  });
});
