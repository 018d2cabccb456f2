/**
 * [TWO DEPLOYMENTS] Issue 6's acceptance test: two EduGov instances on separate databases exchange through the
 * reference hub. Instance A hosts the Ministry, instance B the Sở of Hà Nội; each reaches the other through the
 * axis (the organisation is marked `via_axis` on the other side, as an operator would). A issues a công văn
 * signed by its leader and its organisation; B's clerk receives it (A sees 01), registers it (03), it is
 * directed (04), a specialist takes it (05) and completes it (06); A recalls another document and B accepts
 * (15); a package sent three more times creates one incoming document; a package whose XML signature is broken
 * is refused with 02. Every step travels only through the hub: the jobs' own functions are called by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from 'pino';
import { createLogger } from '../../platform/logger.ts';
import { createTestApp, type Client, type TestApp } from '../../test/test-app.ts';
import { DEMO_SIGNING_PIN, ensureDemoSigningMaterial, trustAnchors } from '../signatures/index.ts';
import type { AxisConnector } from './axis/axis.types.ts';
import { createHttpConnector } from './axis/http-connector.ts';
import { startHub, type RunningHub } from './axis/hub/hub.server.ts';
import { parseEdxml } from './edxml/edxml.parse.ts';
import { pollInbox } from './inbox/inbox.service.ts';
import { deliverDueMessages } from './outbox/outbox.service.ts';

interface Side {
  readonly t: TestApp;
  readonly connector: AxisConnector;
  readonly logger: Logger;
  readonly code: string;
  readonly orgId: string;
}

let hub: RunningHub;
let a: Side;
let b: Side;
let aClerk: Client, aSpecialist: Client, aHead: Client, aLeader: Client;
let bClerk: Client, bLeader: Client, bHead: Client, bSpecialist: Client;

const SYSTEMS = {
  a: { systemId: 'edugov-a', secretKey: 'secret-of-deployment-a-0001' },
  b: { systemId: 'edugov-b', secretKey: 'secret-of-deployment-b-0002' },
};

async function side(keys: { systemId: string; secretKey: string }, seedKey: string): Promise<Side> {
  const t = await createTestApp();
  await ensureDemoSigningMaterial({ db: t.db, config: t.config });
  const org = await t.db
    .selectFrom('organizations')
    .select(['id', 'identifier'])
    .where('seed_key', '=', seedKey)
    .executeTakeFirstOrThrow();
  const connector = createHttpConnector({ baseUrl: hub.url, ...keys, kind: 'hub' });
  return { t, connector, logger: createLogger(t.config), code: org.identifier, orgId: org.id };
}

/** One round of the background jobs on one side: deliver what is due, bring in what waits. */
async function jobs(s: Side) {
  const deps = { db: s.t.db, config: s.t.config, jobs: s.t.jobs, logger: s.logger, connector: s.connector };
  const sent = await deliverDueMessages(deps);
  const received = await pollInbox(deps, { organizationCodes: [s.code] });
  return { sent, received };
}

/** Runs both sides' jobs until nothing moves (a package out, its status back…). */
async function settle() {
  for (let round = 0; round < 6; round++) {
    const x = await jobs(a);
    const y = await jobs(b);
    if (x.sent.sent + y.sent.sent + x.received.received + y.received.received === 0) return;
  }
}

/** Takes a step on an outgoing document that must succeed; returns its detail. */
async function takeStep(client: Client, id: string, step: string, body: unknown = {}) {
  const res = await client.post(`/api/v1/outgoing-documents/${id}/${step}`, body);
  if (res.statusCode !== 200) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A's dispatch to B for an outgoing document. */
const dispatchAtA = (outgoingId: string) =>
  a.t.db
    .selectFrom('outgoing_dispatches')
    .selectAll()
    .where('outgoing_id', '=', outgoingId)
    .where('recipient_code', '=', b.code)
    .executeTakeFirstOrThrow();

/** The documents B received from A with this number. */
const receivedAtB = (fullNumber: string) =>
  b.t.db
    .selectFrom('incoming_documents')
    .selectAll()
    .where('organization_id', '=', b.orgId)
    .where('number_notation', '=', fullNumber)
    .execute();

/** A drafts a công văn to B's Sở, its leader approves and signs, its clerk issues and seals it. */
async function issueToB(subject: string) {
  const bAtA = await a.t.db
    .selectFrom('organizations')
    .select('id')
    .where('identifier', '=', b.code)
    .executeTakeFirstOrThrow();
  const res = await aSpecialist.post('/api/v1/outgoing-documents', {
    docType: 'official_letter',
    subject,
    body: 'Kính gửi: Sở Giáo dục và Đào tạo Hà Nội\nĐề nghị Sở triển khai thực hiện.',
    urgency: 'normal',
    confidentiality: 'normal',
    recipients: { internal: [bAtA.id], external: [] },
    signerUserId: aLeader.me.user.id,
    signerPositionTitle: 'Thứ trưởng',
    authorityPrefix: 'KT',
  });
  expect(res.statusCode, res.body).toBe(201);
  const draft = res.json();
  await takeStep(aSpecialist, draft.id, 'submit', {});
  await takeStep(aHead, draft.id, 'approve', {});
  await takeStep(aClerk, draft.id, 'approve', {});
  await takeStep(aLeader, draft.id, 'approve', { pin: DEMO_SIGNING_PIN });
  const issued = await takeStep(aClerk, draft.id, 'issue', { pin: DEMO_SIGNING_PIN });
  return { id: draft.id as string, fullNumber: issued.fullNumber as string };
}

beforeAll(async () => {
  // The hub's accounts: each deployment sends as and reads for its own organisation only.
  const probe = await createTestApp();
  const code = async (seedKey: string) =>
    (
      await probe.db
        .selectFrom('organizations')
        .select('identifier')
        .where('seed_key', '=', seedKey)
        .executeTakeFirstOrThrow()
    ).identifier;
  const moet = await code('moet');
  const hanoi = await code('so-ha-noi');
  await probe.close();
  hub = await startHub({
    systems: [
      { ...SYSTEMS.a, organizations: [moet] },
      { ...SYSTEMS.b, organizations: [hanoi] },
    ],
    maxBytes: 20 * 1024 * 1024,
    port: 0,
  });
  a = await side(SYSTEMS.a, 'moet');
  b = await side(SYSTEMS.b, 'so-ha-noi');
  // Each deployment reaches the other's organisation through the axis.
  await a.t.db.updateTable('organizations').set({ via_axis: true }).where('identifier', '=', b.code).execute();
  await b.t.db.updateTable('organizations').set({ via_axis: true }).where('identifier', '=', a.code).execute();
  // B trusts A's (demo) certification authority, for the PDF and the XML signatures.
  const admins = { a: await a.t.login('admin'), b: await b.t.login('admin') };
  for (const der of await trustAnchors(a.t.db)) {
    const res = await admins.b.post('/api/v1/signatures/trust-roots', {
      name: 'CA của triển khai A (DEMO)',
      certificate: Buffer.from(der).toString('base64'),
    });
    // 409: the same demo root already (both databases come from one template).
    expect([201, 409], res.body).toContain(res.statusCode);
  }
  [aClerk, aSpecialist, aHead, aLeader] = (await Promise.all(
    ['bgd.vanthu', 'bgd.chuyenvien', 'bgd.truongvu', 'bgd.lanhdao'].map((u) => a.t.login(u)),
  )) as [Client, Client, Client, Client];
  [bClerk, bLeader, bHead, bSpecialist] = (await Promise.all(
    ['hn.vanthu', 'hn.lanhdao', 'hn.truongphong', 'hn.chuyenvien'].map((u) => b.t.login(u)),
  )) as [Client, Client, Client, Client];
}, 300_000);

afterAll(async () => {
  await a?.t.close();
  await b?.t.close();
  await hub?.close();
});

describe('[TWO DEPLOYMENTS] a công văn from the Ministry (A) to the Sở of Hà Nội (B) through the hub', () => {
  let letter: { id: string; fullNumber: string };
  let atB: { id: string; version: number };

  it('A issues it: nothing is created locally for B, one signed package waits in the outbox', async () => {
    letter = await issueToB('V/v triển khai kế hoạch chuyển đổi số ngành giáo dục năm 2027');
    expect(await dispatchAtA(letter.id)).toMatchObject({ channel: 'axis', status: 'queued' });
    const local = await a.t.db
      .selectFrom('incoming_documents')
      .select('id')
      .where('number_notation', '=', letter.fullNumber)
      .execute();
    expect(local).toEqual([]);
    const out = await a.t.db.selectFrom('exchange_outbox').selectAll().where('outgoing_id', '=', letter.id).execute();
    expect(out).toHaveLength(1);
    const parsed = parseEdxml(new Uint8Array(out[0]!.xml));
    expect(parsed.ok && parsed.signed).toBe(true);
  });

  it('B receives it, validated and waiting for its clerk; A sees 01', async () => {
    await settle();
    const docs = await receivedAtB(letter.fullNumber);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ status: 'received', source: 'electronic' });
    const detail = (await bClerk.get(`/api/v1/incoming-documents/${docs[0]!.id}`)).json();
    expect(detail.subject).toBe('V/v triển khai kế hoạch chuyển đổi số ngành giáo dục năm 2027');
    expect(detail.actions).toEqual(expect.arrayContaining(['register', 'refuse']));
    atB = detail;
    expect((await dispatchAtA(letter.id)).status).toBe('01');
  });

  it('B registers (03), directs (04), a specialist takes it (05), completes it (06): A follows each step', async () => {
    const reg = await bClerk.post(`/api/v1/incoming-documents/${atB.id}/register`, { version: atB.version });
    expect(reg.statusCode, reg.body).toBe(200);
    await settle();
    expect((await dispatchAtA(letter.id)).status).toBe('03');
    const presented = await bClerk.post(`/api/v1/incoming-documents/${atB.id}/present`, {});
    expect(presented.statusCode, presented.body).toBe(200);
    await settle();
    expect((await dispatchAtA(letter.id)).status).toBe('03');

    const unit = await b.t.db
      .selectFrom('units')
      .select('id')
      .where('seed_key', '=', 'so-ha-noi-gdpt')
      .executeTakeFirstOrThrow();
    const directed = await bLeader.post(`/api/v1/incoming-documents/${atB.id}/direct`, {
      lead: { unitId: unit.id },
      workingDays: 5,
    });
    expect(directed.statusCode, directed.body).toBe(200);
    await settle();
    expect((await dispatchAtA(letter.id)).status).toBe('04');

    const lead = directed
      .json()
      .assignments.find((x: { role: string; status: string }) => x.role === 'lead' && x.status === 'active');
    const assigned = await bHead.post(`/api/v1/incoming-documents/${atB.id}/assign`, {
      assignmentId: lead.id,
      leadUserId: bSpecialist.me.user.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    await settle();
    expect((await dispatchAtA(letter.id)).status).toBe('05');

    const done = await bSpecialist.post(`/api/v1/incoming-documents/${atB.id}/complete`, {
      note: 'Đã triển khai kế hoạch.',
    });
    expect(done.statusCode, done.body).toBe(200);
    await settle();
    const dispatch = await dispatchAtA(letter.id);
    expect(dispatch.status).toBe('06');
    const history = await a.t.db
      .selectFrom('outgoing_dispatch_events')
      .select('status')
      .where('dispatch_id', '=', dispatch.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.status)).toEqual(['queued', '01', '03', '04', '05', '06']);
  });

  it('the same package sent three more times creates no second incoming document', async () => {
    const out = await a.t.db
      .selectFrom('exchange_outbox')
      .selectAll()
      .where('outgoing_id', '=', letter.id)
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 3; i++) {
      await a.connector.send({
        type: 'edoc',
        from: a.code,
        to: [b.code],
        xml: new Uint8Array(out.xml),
        idempotencyKey: `resend-${i}`,
      });
    }
    await settle();
    expect(await receivedAtB(letter.fullNumber)).toHaveLength(1);
    const duplicates = await b.t.db
      .selectFrom('exchange_inbox')
      .select('outcome')
      .where('document_id', '=', out.document_id)
      .where('type', '=', 'edoc')
      .execute();
    expect(duplicates.map((d) => d.outcome).sort()).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate']);
    // Nothing moved backwards at A.
    expect((await dispatchAtA(letter.id)).status).toBe('06');
  });

  it('A recalls another document; B accepts the recall (15)', async () => {
    const second = await issueToB('V/v báo cáo số liệu thống kê giáo dục đầu năm học');
    await settle();
    const [copy] = await receivedAtB(second.fullNumber);
    expect(copy).toBeDefined();
    const recall = await aLeader.post(`/api/v1/outgoing-documents/${second.id}/recall`, {
      reason: 'Sai số liệu phụ lục',
    });
    expect(recall.statusCode, recall.body).toBe(200);
    expect((await dispatchAtA(second.id)).status).toBe('13');
    await settle();
    const seen = (await bClerk.get(`/api/v1/incoming-documents/${copy!.id}`)).json();
    expect(seen.actions).toContain('recall_answer');
    const answered = await bClerk.post(`/api/v1/incoming-documents/${copy!.id}/recall-answer`, { accept: true });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'closed' });
    await settle();
    expect((await dispatchAtA(second.id)).status).toBe('15');
  });

  it('a package whose XML signature is broken is refused with 02, and A sees the refusal', async () => {
    const third = await issueToB('V/v tổ chức hội nghị tổng kết năm học');
    const row = await a.t.db
      .selectFrom('exchange_outbox')
      .selectAll()
      .where('outgoing_id', '=', third.id)
      .executeTakeFirstOrThrow();
    // Someone on the way changes the subject after the organisation signed the package.
    const xml = row.xml.toString('utf8');
    const tampered = xml.replace('hội nghị tổng kết', 'hội nghị sơ kết');
    expect(tampered).not.toBe(xml);
    await a.t.db
      .updateTable('exchange_outbox')
      .set({ xml: Buffer.from(tampered, 'utf8') })
      .where('id', '=', row.id)
      .execute();
    await settle();
    expect(await receivedAtB(third.fullNumber)).toEqual([]);
    const refused = await b.t.db
      .selectFrom('exchange_inbox')
      .select(['outcome', 'error_codes'])
      .where('document_id', '=', row.document_id)
      .executeTakeFirstOrThrow();
    expect(refused.outcome).toBe('refused');
    expect(refused.error_codes.join(' ')).toMatch(/signature/);
    const dispatch = await dispatchAtA(third.id);
    expect(dispatch.status).toBe('02');
    expect(dispatch.reason).toMatch(/chữ ký/i);
  });
});
