import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { createLogger } from '../../../platform/logger.ts';
import type { AxisReceivedItem } from '../axis/axis.types.ts';
import { buildEdxml, parseEdxml, type EdxmlBusiness, type EdxmlPackage, type EdxmlStatus } from '../edxml/index.ts';
import { HANOI_DOET, MOET, samplePackage } from '../edxml/edxml.fixtures.ts';
import { samplePdfBytes } from '../exchange.fixtures.ts';
import { receiveMessage, type InboxDeps } from './inbox.service.ts';

let t: TestApp;
let clerk: Client;
let hanoi: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('hn.vanthu');
  const org = await t.db
    .selectFrom('organizations')
    .select(['id', 'identifier'])
    .where('id', '=', clerk.me.organizationId)
    .executeTakeFirstOrThrow();
  hanoi = { id: org.id, code: org.identifier };
}, 60_000);
afterAll(() => t?.close());

const deps = (): InboxDeps => ({ db: t.db, config: t.config, jobs: t.jobs, logger: createLogger(t.config) });

const documentIdOf = (number: string) => `${MOET},2026/11/27,${number}/BGDĐT-GDPT`;

/** A Công văn from the Ministry to the Sở of Hà Nội numbered `number`, whose one PDF reads `pdfText`. */
async function packageTo(number: string, pdfText = `Cong van so ${number}`): Promise<EdxmlPackage> {
  const p = samplePackage({ seed: await samplePdfBytes(pdfText) });
  return {
    ...p,
    to: [{ organId: hanoi.code, organName: 'Sở Giáo dục và Đào tạo Hà Nội' }],
    code: { codeNumber: number, codeNotation: 'BGDĐT-GDPT' },
    documentId: documentIdOf(number),
    responseFor: [],
  };
}

/** The package with another Bussiness block (an update or a replacement). */
const withBusiness = (p: EdxmlPackage, business: EdxmlBusiness): EdxmlPackage => ({ ...p, business });

const receive = (p: EdxmlPackage) => receiveBytes(new TextEncoder().encode(buildEdxml(p)));

async function receiveBytes(bytes: Uint8Array) {
  const item: AxisReceivedItem = {
    messageId: randomUUID(),
    type: 'edoc',
    from: MOET,
    to: hanoi.code,
    receivedAt: new Date(),
    status: 'inbox',
  };
  return receiveMessage(deps(), hanoi.code, item, bytes);
}

async function statusesQueued(documentId: string, code: string) {
  const rows = await t.db
    .selectFrom('exchange_outbox')
    .selectAll()
    .where('organization_id', '=', hanoi.id)
    .where('type', '=', 'status')
    .where('status_code', '=', code)
    .where('document_id', '=', documentId)
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
    .select('id')
    .where('organization_id', '=', hanoi.id)
    .where('source_reference', '=', `edxml:${MOET}:${documentId}`)
    .execute();
}

interface TrailEvent {
  action: string;
  note: string | null;
  details: Record<string, any>;
}

async function detail(id: string) {
  const res = await clerk.get(`/api/v1/incoming-documents/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    subject: string;
    numberNotation: string;
    urgency: string;
    replyDueDate: string | null;
    pageCount: number | null;
    signerName: string | null;
    arrivalNumber: number | null;
    version: number;
    trail: TrailEvent[];
    files: { kind: string; name: string; fileId: string }[];
  };
}

const eventsOf = (d: { trail: TrailEvent[] }, action: string) => d.trail.filter((e) => e.action === action);

describe('exchange inbox: update packages (BussinessDocType 2)', () => {
  let originalId: string;
  let original: EdxmlPackage;
  /** Corrects the subject and the PDF of the original. */
  let update: EdxmlPackage;

  beforeAll(async () => {
    original = await packageTo('0201');
    update = withBusiness(
      {
        ...(await packageTo('0201', 'Cong van so 0201 - ban sua')),
        subject: 'V/v hướng dẫn nhiệm vụ năm học (đã sửa)',
      },
      {
        docType: 2,
        reason: 'Sửa trích yếu và tệp văn bản',
        documentId: original.documentId,
        documentInfo: { documentInfo: 1, documentReceiver: 0 },
      },
    );
    const received = await receive(original);
    originalId = received.incomingDocumentId!;
    const before = await detail(originalId);
    const registered = await clerk.post(`/api/v1/incoming-documents/${originalId}/register`, {
      version: before.version,
    });
    expect(registered.statusCode, registered.body).toBe(200);
  });

  it('changes the earlier document for the clerk, keeps its arrival number, records the trail and queues 15', async () => {
    const before = await detail(originalId);
    expect(before.arrivalNumber).not.toBeNull();
    const result = await receive(update);
    expect(result).toMatchObject({ outcome: 'updated', incomingDocumentId: originalId, errorCodes: [] });

    const after = await detail(originalId);
    expect(after.subject).toBe('V/v hướng dẫn nhiệm vụ năm học (đã sửa)');
    expect(after.arrivalNumber).toBe(before.arrivalNumber);
    const [event, ...more] = eventsOf(after, 'updated_by_sender');
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      note: 'Sửa trích yếu và tệp văn bản',
      details: { changes: { subject: { before: before.subject, after: after.subject } } },
    });
    expect(Object.keys(event!.details.changes)).toEqual(['subject']); // the rest of the metadata is the same
    // The corrected PDF is the document now; the first one stays, as an attachment.
    const main = after.files.find((f) => f.kind === 'main')!;
    expect(event!.details.addedFiles).toEqual([expect.objectContaining({ fileId: main.fileId, kind: 'main' })]);
    expect(before.files.find((f) => f.kind === 'main')!.fileId).toBe(event!.details.previousMainFileId);
    expect(after.files.map((f) => f.kind).sort()).toEqual(['attachment', 'main']);
    expect(await incomingFor(original.documentId)).toHaveLength(1);

    const [s15, ...others] = await statusesQueued(update.documentId, '15');
    expect(others).toEqual([]);
    expect(s15!.row).toMatchObject({ to_codes: [MOET], incoming_id: originalId });
    expect(s15!.status).toMatchObject({ statusCode: '15', responseFor: { documentId: update.documentId } });

    const notices = (await clerk.get('/api/v1/notifications')).json().items as { kind: string; link: string }[];
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: 'incoming.updated_by_sender', link: `/e-office/incoming/${originalId}` }),
    );
  });

  it('applies a resent update once, and a later different update of the same DocumentId again', async () => {
    // The same update as above, passed through one more hop of the axis.
    const resent = {
      ...update,
      traceHeaders: [...update.traceHeaders!, { organId: '000.00.00.H99', timestamp: '2026-11-27T09:00:00+07:00' }],
    };
    for (const p of [update, resent]) {
      expect(await receive(p)).toMatchObject({ outcome: 'duplicate', incomingDocumentId: originalId });
    }
    expect(eventsOf(await detail(originalId), 'updated_by_sender')).toHaveLength(1);
    expect(await statusesQueued(update.documentId, '15')).toHaveLength(1);

    const again = { ...update, subject: 'V/v hướng dẫn nhiệm vụ năm học 2026-2027 (sửa lần 2)' };
    expect(await receive(again)).toMatchObject({ outcome: 'updated', incomingDocumentId: originalId });
    const after = await detail(originalId);
    expect(after.subject).toBe('V/v hướng dẫn nhiệm vụ năm học 2026-2027 (sửa lần 2)');
    expect(eventsOf(after, 'updated_by_sender')).toHaveLength(2);
  });

  it('follows a change of number: the new number shows, and a later update may name the new DocumentId', async () => {
    const renumbered = withBusiness(await packageTo('0201A', 'Cong van so 0201 - ban sua'), {
      docType: 2,
      reason: 'Sửa số văn bản',
      documentId: original.documentId,
      documentInfo: { documentInfo: 1 },
    });
    expect(await receive(renumbered)).toMatchObject({ outcome: 'updated', incomingDocumentId: originalId });
    expect((await detail(originalId)).numberNotation).toBe('0201A/BGDĐT-GDPT');

    const mainBefore = (await detail(originalId)).files.find((f) => f.kind === 'main')!;
    // This one brings an appendix only (a Word file): it is added, the document (the PDF) stays the main file.
    const appendix = {
      contentId: 'appendix-1',
      name: 'Phu luc.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      base64: Buffer.from('PK\u0003\u0004 phụ lục').toString('base64'),
    };
    const next = withBusiness(
      { ...renumbered, subject: 'Trích yếu sau khi đổi số', attachments: [appendix] },
      { docType: 2, documentId: renumbered.documentId, documentInfo: { documentInfo: 1 } },
    );
    expect(await receive(next)).toMatchObject({ outcome: 'updated', incomingDocumentId: originalId });
    const after = await detail(originalId);
    expect(after.subject).toBe('Trích yếu sau khi đổi số');
    expect(after.files.find((f) => f.kind === 'main')!.fileId).toBe(mainBefore.fileId);
    expect(after.files.filter((f) => f.name === 'Phu luc.docx').map((f) => f.kind)).toEqual(['attachment']);
  });

  it('applies an update written in the VNPT style (golden file): what it states changes, what it omits stays', async () => {
    const id = (await receive(await packageTo('0045'))).incomingDocumentId!;
    const before = await detail(id);
    // Addressed to this deployment's Sở of Hà Nội (the fixture uses the code of edxml.fixtures.ts).
    const golden = readFileSync(path.join(import.meta.dirname, '../edxml/fixtures/vnpt-style-update.xml'), 'utf8');
    const bytes = new TextEncoder().encode(golden.replaceAll(HANOI_DOET, hanoi.code));
    expect(await receiveBytes(bytes)).toMatchObject({ outcome: 'updated', incomingDocumentId: id });
    const after = await detail(id);
    expect(after).toMatchObject({
      subject: 'V/v hướng dẫn thực hiện nhiệm vụ năm học 2026-2027 (bổ sung phụ lục)',
      replyDueDate: '2026-12-20',
      urgency: 'normal',
      pageCount: 4,
      // The package has no SignerInfo: the signer is not erased.
      signerName: before.signerName,
    });
    expect(before.signerName).not.toBeNull();
    expect(after.files.find((f) => f.kind === 'main')!.name).toBe('0045-BGDĐT-GDPT-capnhat.pdf');
  });

  it('refuses with 02 and the reason an update of a document never received', async () => {
    const target = documentIdOf('0299');
    const update = withBusiness(await packageTo('0298'), {
      docType: 2,
      documentId: target,
      documentInfo: { documentInfo: 1 },
    });
    const result = await receive(update);
    expect(result).toMatchObject({
      outcome: 'refused',
      errorCodes: ['exchange.update_target_unknown'],
      incomingDocumentId: null,
    });
    const [s02] = await statusesQueued(update.documentId, '02');
    expect(s02!.status.description).toBe(
      `Không có văn bản cần cập nhật: chưa nhận văn bản mang DocumentId này từ cơ quan gửi (${target})`,
    );
    expect(await incomingFor(update.documentId)).toEqual([]);
    expect(await statusesQueued(update.documentId, '15')).toEqual([]);
  });

  it('refuses with 16 (từ chối cập nhật) an update of a document withdrawn here, and leaves it as it was', async () => {
    const p = await packageTo('0202');
    const id = (await receive(p)).incomingDocumentId!;
    const registered = await clerk.post(`/api/v1/incoming-documents/${id}/register`, {
      version: (await detail(id)).version,
    });
    expect(registered.statusCode, registered.body).toBe(200);
    // As after the clerk accepted the sender's recall.
    await t.db
      .updateTable('incoming_documents')
      .set({ status: 'closed', outcome: 'withdrawn', closed_at: new Date() })
      .where('id', '=', id)
      .execute();
    const update = withBusiness(
      { ...p, subject: 'Trích yếu mới' },
      { docType: 2, documentId: p.documentId, documentInfo: { documentInfo: 1 } },
    );
    expect(await receive(update)).toMatchObject({
      outcome: 'refused',
      errorCodes: ['exchange.update_target_withdrawn'],
    });
    expect((await detail(id)).subject).toBe(p.subject);
    expect(await statusesQueued(update.documentId, '16')).toHaveLength(1);
    expect(await statusesQueued(update.documentId, '02')).toEqual([]);
  });
});

describe('exchange inbox: replace packages (BussinessDocType 3)', () => {
  it('creates the new document (01) and marks the one it replaces, in both trails; a resend does nothing more', async () => {
    const old = await packageTo('0301');
    const oldId = (await receive(old)).incomingDocumentId!;
    const neverReceived = documentIdOf('0300');
    const replacement = withBusiness(await packageTo('0302'), {
      docType: 3,
      reason: 'Thay thế văn bản',
      documentId: old.documentId,
      replacements: [
        { documentId: old.documentId, organIds: [hanoi.code] },
        { documentId: neverReceived, organIds: [hanoi.code] },
        // Replaced for another recipient only: not for us.
        { documentId: documentIdOf('0303'), organIds: ['000.00.01.H41'] },
      ],
    });
    const result = await receive(replacement);
    expect(result.outcome).toBe('accepted');
    const newId = result.incomingDocumentId!;
    expect(newId).not.toBe(oldId);
    expect(await statusesQueued(replacement.documentId, '01')).toHaveLength(1);

    const oldDetail = await detail(oldId);
    expect(eventsOf(oldDetail, 'replaced_by_sender')).toEqual([
      expect.objectContaining({
        note: 'Thay thế văn bản',
        details: expect.objectContaining({
          byIncomingId: newId,
          byNumberNotation: '0302/BGDĐT-GDPT',
          byDocumentId: replacement.documentId,
        }),
      }),
    ]);
    const newDetail = await detail(newId);
    expect(newDetail.numberNotation).toBe('0302/BGDĐT-GDPT');
    expect(eventsOf(newDetail, 'replaces')).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({
          replaces: [
            { documentId: old.documentId, incomingId: oldId, numberNotation: '0301/BGDĐT-GDPT' },
            { documentId: neverReceived, incomingId: null, numberNotation: null },
          ],
        }),
      }),
    ]);
    const notices = (await clerk.get('/api/v1/notifications')).json().items as { kind: string; link: string }[];
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: 'incoming.replaced_by_sender', link: `/e-office/incoming/${oldId}` }),
    );

    expect(await receive(replacement)).toMatchObject({ outcome: 'duplicate', incomingDocumentId: newId });
    expect(eventsOf(await detail(oldId), 'replaced_by_sender')).toHaveLength(1);
    expect(await incomingFor(replacement.documentId)).toHaveLength(1);
    expect(await statusesQueued(replacement.documentId, '01')).toHaveLength(1);
  });
});
