/**
 * [INCOMING] Digital signatures of received documents (issue 5, Decree 30/2020: check authenticity and
 * integrity on receipt): each PDF that arrives gets a stored verdict that the detail and the inbox show; the
 * clerk's registration validates the main PDF again and refuses an invalid signature unless the clerk accepts
 * it with a note, which the trail and the audit keep. The PDFs are signed by the demo PKI (the Ministry's
 * leader, with the demo root in the trust list).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditContext } from '../../../platform/audit/audit.ts';
import { countRows, createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { storeGeneratedFile } from '../../files/index.ts';
import { DEMO_SIGNING_PIN, ensureDemoSigningMaterial, signAsPerson } from '../../signatures/index.ts';
import { receiveIncoming } from '../index.ts';
import { incomingBody, pdfBytes } from './incoming.fixtures.ts';

let t: TestApp;
let clerk: Client; // hn.vanthu, Sở GD&ĐT Hà Nội
let otherClerk: Client; // na.vanthu, Sở GD&ĐT Nghệ An
let moet: string;
let leaderName: string;
let signed: Uint8Array;
let tampered: Uint8Array;

const system: AuditContext = { actorUserId: null, actorName: 'test', organizationId: null, requestId: null };

async function userId(username: string) {
  return t.db
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

/** A file the Ministry sends (as issuing stores it). */
async function senderFile(bytes: Uint8Array, name = 'cong-van.pdf', mediaType = 'application/pdf') {
  const sender = await userId('bgd.vanthu');
  const file = await storeGeneratedFile(t, t.db, {
    bytes,
    name,
    mediaType,
    organizationId: moet,
    uploadedBy: sender.id,
  });
  return file.id;
}

let sent = 0;
/** The Ministry sends the file to `to` on EduGov (what issuing does in its transaction). */
async function arrive(to: Client, mainFileId: string, options: { attachmentIds?: string[] } = {}) {
  sent += 1;
  const sender = await userId('bgd.vanthu');
  return t.db.transaction().execute((trx) =>
    receiveIncoming(trx, t, {
      organizationId: to.me.organizationId,
      senderOrganizationId: moet,
      sourceReference: `outgoing:signature-test-${sent}`,
      sentBy: sender.id,
      issuerName: 'Bộ Giáo dục và Đào tạo',
      numberNotation: `${500 + sent}/BGDĐT-GDPT`,
      documentDate: '2026-11-20',
      docType: 'official_letter',
      subject: `Hướng dẫn nhiệm vụ năm học, lần gửi ${sent}`,
      urgency: 'normal',
      confidentiality: 'normal',
      mainFileId,
      attachmentIds: options.attachmentIds ?? [],
    }),
  );
}

async function validationsOf(fileId: string) {
  return t.db.selectFrom('signature_validations').select('verdict').where('file_id', '=', fileId).execute();
}

async function openRegister(name: string): Promise<string> {
  const res = await clerk.post('/api/v1/registers', { direction: 'incoming', name, confidential: false });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoSigningMaterial(t);
  [clerk, otherClerk] = (await Promise.all(['hn.vanthu', 'na.vanthu'].map((u) => t.login(u)))) as [Client, Client];
  moet = (await t.db.selectFrom('organizations').select('id').where('seed_key', '=', 'moet').executeTakeFirstOrThrow())
    .id;
  const leader = await userId('bgd.lanhdao');
  leaderName = leader.full_name;
  const unsigned = await pdfBytes('Cong van huong dan nhiem vu nam hoc');
  const leaderAudit = { ...system, actorUserId: leader.id };
  signed = (
    await t.db
      .transaction()
      .execute((trx) => signAsPerson(t, trx, leaderAudit, { userId: leader.id, pin: DEMO_SIGNING_PIN, pdf: unsigned }))
  ).pdf;
  // One byte of the signed content changes (the page size): the signature no longer matches.
  tampered = new Uint8Array(signed);
  const at = Buffer.from(tampered).toString('latin1').indexOf('/MediaBox') + 12;
  tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
}, 180_000);

afterAll(() => t?.close());

describe('[INCOMING] signatures on arrival', () => {
  it('a signed PDF from the Ministry arrives valid, with its signer, in the detail, the inbox and the trail', async () => {
    const fileId = await senderFile(signed);
    const doc = await arrive(clerk, fileId);

    const detail = (await clerk.get(`/api/v1/incoming-documents/${doc.id}`)).json();
    expect(detail.signatureVerdict).toBe('valid');
    const main = detail.files.find((f: { kind: string }) => f.kind === 'main');
    expect(main.signature).toMatchObject({ verdict: 'valid', signatureCount: 1, reasons: [] });
    expect(main.signature.signers).toEqual([
      expect.objectContaining({
        name: `${leaderName} (DEMO)`,
        organization: 'Bộ Giáo dục và Đào tạo',
        intact: true,
        coversWholeDocument: true,
        trusted: true,
        verdict: 'valid',
      }),
    ]);
    expect(detail.trail[0]).toMatchObject({ action: 'received', details: { signatureVerdict: 'valid' } });

    const inbox = (await clerk.get('/api/v1/incoming-documents?view=to_register')).json();
    expect(inbox.items.find((d: { id: string }) => d.id === doc.id).signatureVerdict).toBe('valid');
  });

  it('a document issued to several organisations is validated once; each recipient sees the verdict', async () => {
    const fileId = await senderFile(signed, 'gui-nhieu-noi.pdf');
    const first = await arrive(clerk, fileId);
    const second = await arrive(otherClerk, fileId);
    const third = await arrive(otherClerk, fileId);
    expect(await validationsOf(fileId)).toEqual([{ verdict: 'valid' }]);
    expect((await clerk.get(`/api/v1/incoming-documents/${first.id}`)).json().signatureVerdict).toBe('valid');
    for (const d of [second, third]) {
      expect((await otherClerk.get(`/api/v1/incoming-documents/${d.id}`)).json().signatureVerdict).toBe('valid');
    }
  });

  it('an unsigned PDF is indeterminate (no signature); a file that is not a PDF is not checked', async () => {
    const fileId = await senderFile(await pdfBytes('Ban scan khong ky so'));
    const picture = await senderFile(
      Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4530000000049454e44ae426082',
        'hex',
      ),
      'anh.png',
      'image/png',
    );
    const doc = await arrive(clerk, fileId, { attachmentIds: [picture] });
    const detail = (await clerk.get(`/api/v1/incoming-documents/${doc.id}`)).json();
    expect(detail.signatureVerdict).toBe('indeterminate');
    const [main, attachment] = ['main', 'attachment'].map((k) =>
      detail.files.find((f: { kind: string }) => f.kind === k),
    );
    expect(main.signature).toMatchObject({ verdict: 'indeterminate', signatureCount: 0, signers: [] });
    expect(codes(main.signature.reasons)).toEqual(['no_signatures']);
    expect(main.signature.reasons[0].vi).toBe('Tài liệu không có chữ ký số');
    expect(attachment.signature).toBeNull();
    expect(await validationsOf(picture)).toEqual([]);
  });
});

describe('[INCOMING] signatures at registration', () => {
  it('refuses to register a PDF changed after signing and changes nothing; accepted with a note kept in the trail', async () => {
    const registerId = await openRegister('Sổ kiểm thử chữ ký số');
    const fileId = await senderFile(tampered, 'bi-sua.pdf');
    const doc = await arrive(clerk, fileId);
    const detail = (await clerk.get(`/api/v1/incoming-documents/${doc.id}`)).json();
    expect(detail.signatureVerdict).toBe('invalid');
    const signer = detail.files[0].signature.signers[0];
    expect(signer).toMatchObject({ name: `${leaderName} (DEMO)`, intact: false, verdict: 'invalid' });
    expect(codes(signer.reasons)).toContain('digest_mismatch');
    const inbox = (await clerk.get('/api/v1/incoming-documents?view=to_register')).json();
    expect(inbox.items.find((d: { id: string }) => d.id === doc.id).signatureVerdict).toBe('invalid');

    const tables = ['incoming_events', 'audit_log', 'signature_validations', 'incoming_reads'] as const;
    const snapshot = async () => ({
      doc: await t.db
        .selectFrom('incoming_documents')
        .select(['status', 'version', 'arrival_number'])
        .where('id', '=', doc.id)
        .executeTakeFirstOrThrow(),
      rows: await Promise.all(tables.map((table) => countRows(t.db, table))),
    });
    const before = await snapshot();

    const refused = await clerk.post(`/api/v1/incoming-documents/${doc.id}/register`, {
      version: detail.version,
      registerId,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('documents.signature_invalid');
    expect(codes(refused.json().error.details.reasons)).toContain('digest_mismatch');
    // Accepting without saying why is not enough.
    const noNote = await clerk.post(`/api/v1/incoming-documents/${doc.id}/register`, {
      version: detail.version,
      registerId,
      acceptInvalidSignature: true,
    });
    expect(noNote.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);

    const note = 'Đã gọi điện xác minh với Văn phòng Bộ: bản gốc đúng nội dung, vào sổ để xử lý kịp thời.';
    const accepted = await clerk.post(`/api/v1/incoming-documents/${doc.id}/register`, {
      version: detail.version,
      registerId,
      acceptInvalidSignature: true,
      signatureNote: note,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // The refusals left no gap in the register.
    expect(accepted.json()).toMatchObject({ status: 'registered', arrivalNumber: 1, signatureVerdict: 'invalid' });
    const registered = accepted.json().trail.at(-1);
    expect(registered).toMatchObject({
      action: 'registered',
      note,
      details: { signature: { verdict: 'invalid', invalidAccepted: true, note, fileId } },
    });
    expect(registered.details.signature.reasons).toContain('digest_mismatch');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('target_id', '=', doc.id)
      .where('action', '=', 'documents.incoming_registered')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({
      after: { signatureVerdict: 'invalid', invalidSignatureAccepted: true, signatureNote: note },
    });
  });

  it('the clerk’s own upload of a PDF changed after signing is refused too, unless accepted with a note', async () => {
    const up = await clerk.upload('/api/v1/files', {
      name: 'nhan-qua-thu-dien-tu.pdf',
      bytes: tampered,
      contentType: 'application/pdf',
    });
    expect(up.statusCode, up.body).toBe(201);
    const body = incomingBody(up.json().id, { source: 'electronic' });
    const documents = await countRows(t.db, 'incoming_documents');
    const refused = await clerk.post('/api/v1/incoming-documents', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('documents.signature_invalid');
    expect(await countRows(t.db, 'incoming_documents')).toBe(documents);

    const note = 'Văn bản nhận qua thư điện tử, đã đối chiếu với bản giấy.';
    const res = await clerk.post('/api/v1/incoming-documents', {
      ...body,
      acceptInvalidSignature: true,
      signatureNote: note,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().signatureVerdict).toBe('invalid');
    expect(res.json().trail[0]).toMatchObject({ note, details: { signature: { verdict: 'invalid' } } });
  });

  it('an unsigned scan registers normally as indeterminate, which the trail and the inbox show', async () => {
    const up = await clerk.upload('/api/v1/files', {
      name: 'ban-scan.pdf',
      bytes: await pdfBytes('Ban scan'),
      contentType: 'application/pdf',
    });
    const res = await clerk.post('/api/v1/incoming-documents', incomingBody(up.json().id));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().signatureVerdict).toBe('indeterminate');
    expect(res.json().trail[0].details.signature).toMatchObject({
      verdict: 'indeterminate',
      signatureCount: 0,
      reasons: ['no_signatures'],
    });
    expect(res.json().trail[0].note).toBeNull();
    const inbox = (await clerk.get('/api/v1/incoming-documents?view=all&limit=200')).json();
    expect(inbox.items.find((d: { id: string }) => d.id === res.json().id).signatureVerdict).toBe('indeterminate');
  });

  it('validates again at registration: once the root leaves the trust list a valid arrival registers as indeterminate', async () => {
    const fileId = await senderFile(signed, 'doi-danh-sach-tin-cay.pdf');
    const doc = await arrive(clerk, fileId);
    expect((await clerk.get(`/api/v1/incoming-documents/${doc.id}`)).json().signatureVerdict).toBe('valid');
    // The system administrator removes the demo root from the trust list.
    const admin = await t.login('admin');
    const [root] = (await admin.get('/api/v1/signatures/trust-roots')).json().items;
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/signatures/trust-roots/${root.id}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    expect(removed.statusCode).toBe(200);

    const res = await clerk.post(`/api/v1/incoming-documents/${doc.id}/register`, { version: doc.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().signatureVerdict).toBe('indeterminate');
    const signer = res.json().files[0].signature.signers[0];
    expect(signer).toMatchObject({ intact: true, trusted: false });
    expect(codes(signer.reasons)).toContain('untrusted_chain');
    expect(res.json().trail.at(-1).details.signature.verdict).toBe('indeterminate');
    expect(await validationsOf(fileId)).toHaveLength(2);
  });
});
