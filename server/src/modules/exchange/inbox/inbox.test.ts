import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createLogger } from '../../../platform/logger.ts';
import type { AxisReceivedItem } from '../axis/axis.types.ts';
import { buildEdxml, parseEdxml, signEdxml, type EdxmlPackage, type EdxmlStatus } from '../edxml/index.ts';
import { MOET, samplePackage, sampleStatus } from '../edxml/edxml.fixtures.ts';
import { makeTestPki, type TestPki } from '../edxml/edxml.test-pki.ts';
import { MemoryAxis, samplePdfBytes } from '../exchange.fixtures.ts';
import { pollInbox, receiveMessage, type InboxDeps } from './inbox.service.ts';

let t: TestApp;
let hanoi: { id: string; code: string };
let pdf: Buffer;
let pki: TestPki;
let trustFile: string;

beforeAll(async () => {
  t = await createTestApp();
  const clerk = await t.login('hn.vanthu');
  const org = await t.db
    .selectFrom('organizations')
    .select(['id', 'identifier'])
    .where('id', '=', clerk.me.organizationId)
    .executeTakeFirstOrThrow();
  hanoi = { id: org.id, code: org.identifier };
  pdf = await samplePdfBytes();
  pki = makeTestPki();
  trustFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-edxml-trust-')), 'ca.pem');
  fs.writeFileSync(trustFile, pki.caPem);
}, 60_000);
afterAll(() => t?.close());

function deps(axis?: MemoryAxis): InboxDeps {
  return {
    db: t.db,
    config: { ...t.config, edxmlTrustList: [trustFile] },
    jobs: t.jobs,
    logger: createLogger(t.config),
    ...(axis ? { connector: axis } : {}),
  };
}

/** A Công văn from the Ministry to the Sở of Hà Nội, numbered `number`, with one real PDF. */
function packageTo(number: string): EdxmlPackage {
  const p = samplePackage({ seed: pdf });
  return {
    ...p,
    to: [{ organId: hanoi.code, organName: 'Sở Giáo dục và Đào tạo Hà Nội' }],
    code: { codeNumber: number, codeNotation: 'BGDĐT-GDPT' },
    documentId: `${MOET},2026/11/27,${number}/BGDĐT-GDPT`,
    responseFor: [],
  };
}

function item(type: 'edoc' | 'status' = 'edoc', from = MOET): AxisReceivedItem {
  return { messageId: randomUUID(), type, from, to: hanoi.code, receivedAt: new Date(), status: 'inbox' };
}

const bytesOf = (xml: string) => new TextEncoder().encode(xml);

/** The message waits in the axis (so the axis can be told what became of it). */
function itemVia(axis: MemoryAxis, bytes: Uint8Array): AxisReceivedItem {
  return { ...item(), messageId: axis.deliver({ to: hanoi.code, from: MOET, xml: bytes }) };
}

const inboxRow = (id: string) =>
  t.db.selectFrom('exchange_inbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function statusesQueued(documentId: string | null, code: string) {
  const rows = await t.db
    .selectFrom('exchange_outbox')
    .selectAll()
    .where('organization_id', '=', hanoi.id)
    .where('type', '=', 'status')
    .where('status_code', '=', code)
    .where((eb) => (documentId === null ? eb('document_id', 'is', null) : eb('document_id', '=', documentId)))
    .execute();
  return rows.map((r) => {
    const parsed = parseEdxml(new Uint8Array(r.xml));
    if (!parsed.ok) throw new Error('queued status does not parse');
    return { row: r, status: parsed.message as EdxmlStatus };
  });
}

async function incomingFor(documentId: string) {
  return t.db
    .selectFrom('incoming_documents')
    .selectAll()
    .where('organization_id', '=', hanoi.id)
    .where('source_reference', '=', `edxml:${MOET}:${documentId}`)
    .execute();
}

describe('exchange inbox', () => {
  it('turns a package into one incoming document for the clerk and queues status 01 to the sender', async () => {
    const p = packageTo('0101');
    const bytes = bytesOf(buildEdxml(p));
    const axis = new MemoryAxis();
    const it0 = itemVia(axis, bytes);
    const result = await receiveMessage(deps(axis), hanoi.code, it0, bytes);
    expect(result).toMatchObject({ outcome: 'accepted', errorCodes: [] });

    const [doc, ...more] = await incomingFor(p.documentId);
    expect(more).toEqual([]);
    expect(doc).toMatchObject({
      id: result.incomingDocumentId,
      status: 'received',
      source: 'electronic',
      issuer_name: 'Bộ Giáo dục và Đào tạo',
      number_notation: '0101/BGDĐT-GDPT',
      subject: p.subject,
      urgency: 'urgent',
      confidentiality: 'normal',
    });
    const files = await t.db
      .selectFrom('incoming_files as f')
      .innerJoin('files', 'files.id', 'f.file_id')
      .select(['f.kind', 'files.sha256', 'files.media_type'])
      .where('f.document_id', '=', doc!.id)
      .execute();
    expect(files).toEqual([
      { kind: 'main', sha256: createHash('sha256').update(pdf).digest('hex'), media_type: 'application/pdf' },
    ]);

    const row = await inboxRow(result.inboxId);
    expect(row).toMatchObject({
      organization_id: hanoi.id,
      axis_message_id: it0.messageId,
      from_code: MOET,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      document_id: p.documentId,
      incoming_document_id: doc!.id,
    });
    expect(Buffer.compare(row.raw, Buffer.from(bytes))).toBe(0);
    expect(row.warning_codes).toContain('edxml.signature_missing');

    const [s01, ...others] = await statusesQueued(p.documentId, '01');
    expect(others).toEqual([]);
    expect(s01!.row).toMatchObject({
      to_codes: [MOET],
      from_code: hanoi.code,
      status: 'pending',
      incoming_id: doc!.id,
    });
    expect(s01!.status).toMatchObject({
      statusCode: '01',
      responseFor: { organId: MOET, documentId: p.documentId, code: '0101/BGDĐT-GDPT' },
      from: { organId: hanoi.code },
    });
    expect(axis.statusUpdates).toEqual([
      { organizationCode: hanoi.code, messageId: it0.messageId, status: 'acceptance' },
    ]);
  });

  it('marks a resent package as a duplicate: no second incoming document, no second 01', async () => {
    const p = packageTo('0102');
    const xml = buildEdxml(p);
    const first = await receiveMessage(deps(), hanoi.code, item(), bytesOf(xml));
    for (let i = 0; i < 3; i++) {
      const again = await receiveMessage(deps(), hanoi.code, item(), bytesOf(xml));
      expect(again).toMatchObject({ outcome: 'duplicate', incomingDocumentId: first.incomingDocumentId });
    }
    expect(await incomingFor(p.documentId)).toHaveLength(1);
    expect(await statusesQueued(p.documentId, '01')).toHaveLength(1);
  });

  it('processes the same axis message once, however often it is brought in', async () => {
    const p = packageTo('0103');
    const axis = new MemoryAxis();
    const it0 = itemVia(axis, bytesOf(buildEdxml(p)));
    const a = await receiveMessage(deps(axis), hanoi.code, it0, bytesOf(buildEdxml(p)));
    const b = await receiveMessage(deps(axis), hanoi.code, it0, bytesOf(buildEdxml(p)));
    expect(b).toEqual(a);
    expect(await incomingFor(p.documentId)).toHaveLength(1);
    expect(axis.statusUpdates.map((s) => s.status)).toEqual(['acceptance', 'acceptance']);
  });

  it('refuses a package that breaks the rules, queues 02 with the reason, and keeps its bytes', async () => {
    const p = packageTo('0104');
    // An edXML package without its subject (Trích yếu): hand-edited out of a valid one.
    const xml = buildEdxml(p).replace(/<edXML:Subject>[\s\S]*?<\/edXML:Subject>/, '');
    const bytes = bytesOf(xml);
    const axis = new MemoryAxis();
    const it0 = itemVia(axis, bytes);
    const result = await receiveMessage(deps(axis), hanoi.code, it0, bytes);
    expect(result.outcome).toBe('refused');
    expect(result.errorCodes).toContain('edxml.required');
    expect(result.incomingDocumentId).toBeNull();
    expect(await incomingFor(p.documentId)).toEqual([]);
    const row = await inboxRow(result.inboxId);
    expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const [s02] = await statusesQueued(null, '02').then((all) =>
      all.filter((s) => s.row.created_at >= row.received_at && s.status.responseFor.organId === MOET),
    );
    expect(s02).toBeDefined();
    expect(s02!.row.to_codes).toEqual([MOET]);
    expect(s02!.status.description).toContain('Thiếu thông tin bắt buộc');
    expect(axis.statusUpdates).toEqual([
      { organizationCode: hanoi.code, messageId: it0.messageId, status: 'rejection' },
    ]);
  });

  it('stores the raw bytes and their SHA-256 even when they are not XML at all', async () => {
    const garbage = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0x00, 0x3c, 0x3c]);
    const result = await receiveMessage(deps(), hanoi.code, item(), garbage);
    expect(result.outcome).toBe('refused');
    expect(result.errorCodes.length).toBeGreaterThan(0);
    const row = await inboxRow(result.inboxId);
    expect(Buffer.compare(row.raw, Buffer.from(garbage))).toBe(0);
    expect(row.sha256).toBe(createHash('sha256').update(garbage).digest('hex'));
  });

  it('accepts a package signed by a trusted certificate and refuses one whose signature is broken (02)', async () => {
    const good = packageTo('0105');
    const signed = signEdxml(buildEdxml(good), pki.signer);
    const ok = await receiveMessage(deps(), hanoi.code, item(), bytesOf(signed));
    expect(ok.outcome).toBe('accepted');
    expect((await inboxRow(ok.inboxId)).warning_codes).toEqual([]);

    const bad = packageTo('0106');
    const tampered = signEdxml(buildEdxml(bad), pki.signer).replace('V/v hướng dẫn', 'V/v bãi bỏ');
    const refused = await receiveMessage(deps(), hanoi.code, item(), bytesOf(tampered));
    expect(refused).toMatchObject({ outcome: 'refused', errorCodes: ['edxml.signature_invalid'] });
    expect(await incomingFor(bad.documentId)).toEqual([]);
    expect(await statusesQueued(bad.documentId, '02')).toHaveLength(1);
  });

  it('refuses a package not addressed to the organisation', async () => {
    const p = { ...packageTo('0107'), to: [{ organId: '000.00.00.H41' }] };
    const result = await receiveMessage(deps(), hanoi.code, item(), bytesOf(buildEdxml(p)));
    expect(result).toMatchObject({ outcome: 'refused', errorCodes: ['exchange.not_addressed'] });
    expect(await statusesQueued(p.documentId, '02')).toHaveLength(1);
  });

  it('records a received status packet without answering it', async () => {
    const s = { ...sampleStatus(), from: { organId: '000.00.00.H41' }, statusCode: '03' };
    const result = await receiveMessage(deps(), hanoi.code, item('status', '000.00.00.H41'), bytesOf(buildEdxml(s)));
    expect(result.outcome).toBe('status_recorded');
    expect(await inboxRow(result.inboxId)).toMatchObject({ status_code: '03', document_id: s.responseFor.documentId });
  });

  it('polls the axis for the organisation and confirms what it took', async () => {
    const axis = new MemoryAxis();
    const p = packageTo('0108');
    const id = axis.deliver({ to: hanoi.code, from: MOET, xml: buildEdxml(p) });
    expect(await pollInbox({ ...deps(axis), connector: axis }, { organizationCodes: [hanoi.code] })).toEqual({
      received: 1,
      failed: 0,
    });
    expect(await incomingFor(p.documentId)).toHaveLength(1);
    expect(await axis.listReceived({ organizationCode: hanoi.code, type: 'edoc' })).toEqual([]);
    expect(axis.statusUpdates).toEqual([{ organizationCode: hanoi.code, messageId: id, status: 'acceptance' }]);
  });
});
