/**
 * [SIGNING IN THE FLOW] Bộ GD&ĐT signs digitally (it has a certificate): the leader's last approval signs the
 * Công văn with their PIN (number and date blank), the clerk's issue writes the number and date and seals it
 * with the organisation's certificate; both signatures validate in EduGov and in pdfsig, the number and date
 * are in the signed PDF, the Sở receives a PDF whose verdict is valid. A missing or wrong PIN changes nothing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { readFileBytes } from '../../../files/index.ts';
import { DEMO_SIGNING_PIN, ensureDemoSigningMaterial, validatePdf } from '../../../signatures/index.ts';
import { nssDbTrusting, pdfsig, TOOLS, toolsMissing } from '../../../../test/external-validators.ts';
import { uploadPdf } from '../../incoming/incoming.fixtures.ts';
import { organizationId, takeStep, writeDraft } from '../drafts/drafts.fixtures.ts';

const missing = toolsMissing(['pdfsig', 'certutil']);
const PDFTOTEXT = path.join(path.dirname(TOOLS.pdfsig), 'pdftotext');
const skipNote = missing ? ` — external validators skipped: ${missing}` : '';

let t: TestApp;
let specialist: Client, head: Client, clerk: Client, leader: Client;
let soHaNoi: string;

beforeAll(async () => {
  t = await createTestApp();
  [specialist, head, clerk, leader] = (await Promise.all(
    ['bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'bgd.lanhdao'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client];
  soHaNoi = await organizationId(t.db, 'so-ha-noi');
  // The demo PKI: a DEMO root in the trust list, certificates for the Ministry, its leader and the others.
  await ensureDemoSigningMaterial({ db: t.db, config: t.config });
}, 180_000);
afterAll(() => t?.close());

const detailOf = async (c: Client, id: string) => (await c.get(`/api/v1/outgoing-documents/${id}`)).json();
const fileBytes = async (fileId: string) => new Uint8Array(await readFileBytes({ config: t.config, db: t.db }, fileId));
const pdfText = async (pdf: Uint8Array) => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'edugov-text-'));
  await fs.promises.writeFile(path.join(dir, 'in.pdf'), pdf);
  const { stdout } = await promisify(execFile)(PDFTOTEXT, ['-layout', path.join(dir, 'in.pdf'), '-']);
  await fs.promises.rm(dir, { recursive: true, force: true });
  return stdout.normalize('NFC');
};

describe('[SIGNING IN THE FLOW] leader signs at approval, clerk numbers and seals at issue', () => {
  let id: string;
  let signedFileId: string;
  let annexId: string;

  it('the last approval needs the leader PIN: none or a wrong one changes nothing', async () => {
    annexId = await uploadPdf(specialist, 'Phụ lục kế hoạch.pdf');
    const draft = await writeDraft(specialist, {
      attachmentIds: [annexId],
      recipients: { internal: [soHaNoi], external: [] },
      signerUserId: leader.me.user.id,
      signerPositionTitle: 'Thứ trưởng',
      authorityPrefix: 'KT',
    });
    id = draft.id;
    expect(draft.signing).toMatchObject({ required: true, signedAt: null, signedFileUrl: null });
    await takeStep(specialist, id, 'submit', {});
    await takeStep(head, id, 'approve', {});
    await takeStep(clerk, id, 'approve', {});
    const files = await countRows(t.db, 'files');
    for (const [body, code] of [
      [{}, 'signatures.pin_required'],
      [{ pin: '000000' }, 'signatures.wrong_pin'],
    ] as const) {
      const res = await leader.post(`/api/v1/outgoing-documents/${id}/approve`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
      const after = await detailOf(leader, id);
      expect(after.status).toBe('in_review');
      expect(after.signing.signedAt).toBeNull();
    }
    expect(await countRows(t.db, 'files')).toBe(files);
  });

  it('with the PIN the leader approves and signs the PDF whose number and date are still blank', async () => {
    const approved = await takeStep(leader, id, 'approve', { pin: DEMO_SIGNING_PIN });
    expect(approved.status).toBe('approved');
    expect(approved.signing).toMatchObject({
      required: true,
      signedBy: leader.me.user.id,
      signedByName: expect.any(String),
      signedAt: expect.any(String),
    });
    signedFileId = approved.signing.signedFileId;
    const download = await specialist.get(approved.signing.signedFileUrl);
    expect(download.statusCode).toBe(200);
    const pdf = await fileBytes(signedFileId);
    const report = await validatePdf(t.db, pdf);
    expect(report.verdict).toBe('valid');
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]!.signerName).toBe(`${approved.signing.signedByName} (DEMO)`);
    const trail = approved.trail.at(-1);
    expect(trail).toMatchObject({ action: 'approved' });
    const signedAudit = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'signatures.pdf_signed')
      .where('target_id', '=', id)
      .execute();
    expect(signedAudit).toHaveLength(1);
    if (!missing) {
      const text = await pdfText(pdf);
      expect(text).toMatch(/Số:\s+\/BGDĐT-/);
      expect(text).toMatch(/ngày\s+tháng\s+năm \d{4}/);
    }
  });

  it('issuing without the organisation PIN or with another final PDF is refused; no number is used', async () => {
    const numbers = await countRows(t.db, 'issued_numbers');
    const noPin = await clerk.post(`/api/v1/outgoing-documents/${id}/issue`, {});
    expect(noPin.statusCode).toBe(400);
    expect(noPin.json().error.code).toBe('signatures.pin_required');
    const wrongPin = await clerk.post(`/api/v1/outgoing-documents/${id}/issue`, { pin: '999999' });
    expect(wrongPin.json().error.code).toBe('signatures.wrong_pin');
    const other = await clerk.post(`/api/v1/outgoing-documents/${id}/issue`, {
      pin: DEMO_SIGNING_PIN,
      finalFileId: signedFileId,
    });
    expect(other.statusCode).toBe(400);
    expect(await countRows(t.db, 'issued_numbers')).toBe(numbers);
    expect((await detailOf(clerk, id)).status).toBe('approved');
  });

  it(`the clerk numbers and seals: both signatures valid, number and date in the signed PDF${skipNote}`, async () => {
    const res = await clerk.post(`/api/v1/outgoing-documents/${id}/issue`, { pin: DEMO_SIGNING_PIN });
    expect(res.statusCode, res.body).toBe(200);
    const issued = res.json();
    expect(issued.status).toBe('issued');
    expect(issued.signing.officialVerdict).toBe('valid');
    const row = await t.db
      .selectFrom('outgoing_documents')
      .select(['full_number', 'official_file_id', 'issued_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const pdf = await fileBytes(row.official_file_id!);
    // The leader's signed bytes are the start of the issued PDF: their signature was not redone.
    const leaderPdf = await fileBytes(signedFileId);
    if (process.env.DUMP_PDF) fs.writeFileSync(process.env.DUMP_PDF, pdf);
    expect(Buffer.from(pdf.subarray(0, leaderPdf.length)).equals(Buffer.from(leaderPdf))).toBe(true);
    const report = await validatePdf(t.db, pdf);
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => [s.verdict, s.laterChanges])).toEqual([
      ['valid', 'signatures_only'],
      ['valid', 'none'],
    ]);
    expect(report.signatures[1]!.signerName).toBe('Bộ Giáo dục và Đào tạo (DEMO)');
    // The number and the date are part of what the organisation signed (its revision), as text.
    const tail = Buffer.from(pdf.subarray(leaderPdf.length)).toString('latin1');
    expect(tail).toContain('/Subtype /Stamp');
    const [number] = row.full_number!.split('/');
    if (!missing) {
      const text = await pdfText(pdf);
      expect(text).toMatch(new RegExp(`Số:\\s+${number}/BGDĐT-GDPT`));
      const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit' }).format(
        row.issued_at!,
      );
      expect(text).toMatch(new RegExp(`ngày\\s+${day}\\s+tháng\\s+\\d{1,2}\\s+năm`));
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'edugov-nss-'));
      const root = await t.db.selectFrom('signature_trust_roots').selectAll().executeTakeFirstOrThrow();
      const pem = `-----BEGIN CERTIFICATE-----\n${root.certificate.toString('base64')}\n-----END CERTIFICATE-----\n`;
      const nss = await nssDbTrusting(dir, [{ certPem: pem } as never]);
      const checked = await pdfsig(nss, pdf, dir);
      expect(checked.map((c) => [c.signatureValidation, c.certificateValidation])).toEqual([
        ['Signature is Valid.', 'Certificate is Trusted.'],
        ['Signature is Valid.', 'Certificate is Trusted.'],
      ]);
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
    // Signing is audited: the leader's, the organisation's on the document and on its phụ lục.
    const audited = await t.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'signatures.pdf_signed')
      .where('target_id', '=', id)
      .execute();
    expect(audited).toHaveLength(3);
    // The Sở receives that PDF; its verdict is stored: valid.
    const copy = await t.db
      .selectFrom('incoming_documents as d')
      .innerJoin('incoming_files as f', 'f.document_id', 'd.id')
      .select(['f.file_id'])
      .where('d.source_reference', '=', `outgoing:${id}`)
      .where('f.kind', '=', 'main')
      .executeTakeFirstOrThrow();
    expect(copy.file_id).toBe(row.official_file_id);
    const stored = await t.db
      .selectFrom('signature_validations')
      .select('verdict')
      .where('file_id', '=', row.official_file_id!)
      .execute();
    expect(stored.map((v) => v.verdict)).toContain('valid');
    // The phụ lục in its own file is sent signed by the organisation, its number top right of page 1.
    const annexes = await t.db
      .selectFrom('incoming_documents as d')
      .innerJoin('incoming_files as f', 'f.document_id', 'd.id')
      .select(['f.file_id'])
      .where('d.source_reference', '=', `outgoing:${id}`)
      .where('f.kind', '=', 'attachment')
      .execute();
    expect(annexes).toHaveLength(1);
    expect(annexes[0]!.file_id).not.toBe(annexId);
    const annex = await fileBytes(annexes[0]!.file_id);
    const annexReport = await validatePdf(t.db, annex);
    expect(annexReport.verdict).toBe('valid');
    expect(annexReport.signatures.map((s) => s.signerName)).toEqual(['Bộ Giáo dục và Đào tạo (DEMO)']);
    if (!missing) expect(await pdfText(annex)).toContain(`Số: ${row.full_number}`);
  }, 120_000);

  it('an electronic copy (sao y) carries the organisation signature; without the PIN none is made', async () => {
    const body = {
      source: { type: 'outgoing', id },
      form: 'SY',
      medium: 'electronic',
      signerUserId: leader.me.user.id,
      recipients: ['Sở GD&ĐT Hà Nội'],
    };
    const copies = await countRows(t.db, 'document_copies');
    const refused = await clerk.post('/api/v1/document-copies', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('signatures.pin_required');
    expect(await countRows(t.db, 'document_copies')).toBe(copies);
    const made = await clerk.post('/api/v1/document-copies', { ...body, pin: DEMO_SIGNING_PIN });
    expect(made.statusCode, made.body).toBe(201);
    const pdf = new Uint8Array((await clerk.get(made.json().fileUrl)).rawBody);
    const report = await validatePdf(t.db, pdf);
    expect(report.verdict, JSON.stringify(report)).toBe('valid');
    expect(report.signatures.map((s) => s.signerName)).toEqual(['Bộ Giáo dục và Đào tạo (DEMO)']);
    if (!missing) expect(await pdfText(pdf)).toContain('SAO Y');
  }, 60_000);

  it('a document approved without a signature is issued only from a signed PDF the clerk may attach', async () => {
    const draft = await writeDraft(specialist, {
      recipients: { internal: [soHaNoi], external: [] },
      signerUserId: leader.me.user.id,
      signerPositionTitle: 'Thứ trưởng',
      authorityPrefix: 'KT',
    });
    await takeStep(specialist, draft.id, 'submit', {});
    await takeStep(head, draft.id, 'approve', {});
    await takeStep(clerk, draft.id, 'approve', {});
    await takeStep(leader, draft.id, 'approve', { pin: DEMO_SIGNING_PIN });
    // As if it had been approved before the organisation had its certificate.
    await t.db
      .updateTable('outgoing_documents')
      .set({ signed_file_id: null, signed_layout: null, signed_at: null, signed_by: null })
      .where('id', '=', draft.id)
      .execute();
    const numbers = await countRows(t.db, 'issued_numbers');
    const issue = (body: Record<string, unknown>) =>
      clerk.post(`/api/v1/outgoing-documents/${draft.id}/issue`, { pin: DEMO_SIGNING_PIN, ...body });
    const none = await issue({});
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('documents.signature_required');
    // Another organisation's file, even a validly signed one, is not the clerk's to issue.
    const hnClerk = await t.login('hn.vanthu');
    const foreign = await uploadPdf(hnClerk, 'Văn bản của Sở.pdf');
    const refused = await issue({ finalFileId: foreign });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('documents.file_not_found');
    // The clerk's own unsigned PDF: no valid signature.
    const unsigned = await issue({ finalFileId: await uploadPdf(clerk, 'Bản cuối chưa ký.pdf') });
    expect(unsigned.statusCode).toBe(409);
    expect(unsigned.json().error.code).toBe('documents.signature_required');
    expect(await countRows(t.db, 'issued_numbers')).toBe(numbers);
    expect((await detailOf(clerk, draft.id)).status).toBe('approved');
  }, 60_000);
});
