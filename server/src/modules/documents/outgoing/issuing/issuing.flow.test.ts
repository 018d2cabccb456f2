/**
 * [ISSUING] A Công văn of Bộ GD&ĐT, approved through the API, issued by Văn phòng to two Sở: number, the
 * official PDF, one incoming copy per Sở, then the statuses the Ministry sees (01, 03, 04, 02), a recall
 * accepted (15) and refused (16), and the incoming document the letter answers completed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, unitId } from '../../../../test/factories.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { readFileBytes } from '../../../files/index.ts';
import { registerIncoming, uploadPdf } from '../../incoming/incoming.fixtures.ts';
import { organizationId, takeStep, writeDraft } from '../drafts/drafts.fixtures.ts';

const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';
const PDFINFO = path.join(path.dirname(PDFTOTEXT), 'pdfinfo');
function popplerMissing(): string | undefined {
  const absent = [PDFTOTEXT, PDFINFO].find((tool) => !fs.existsSync(tool));
  if (!absent) return undefined;
  const reason = `${path.basename(absent)} not found at ${absent} (install Debian's poppler-utils package)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; under CI=true this is a failure, not a skip`);
  return reason;
}
const missing = popplerMissing();
const skipNote = missing ? ` — skipped: ${missing}` : '';

let t: TestApp;
let specialist: Client, head: Client, clerk: Client, leader: Client;
let hnClerk: Client, hnLeader: Client, otherClerk: Client;
let soHaNoi: string, soOther: string, otherName: string;

beforeAll(async () => {
  t = await createTestApp();
  const other = await t.db
    .selectFrom('organizations')
    .select(['id', 'seed_key', 'name'])
    .where('kind', '=', 'provincial_department')
    .where('seed_key', 'like', 'so-%')
    .where('seed_key', '!=', 'so-ha-noi')
    .where('valid_to', 'is', null)
    .orderBy('seed_key')
    .executeTakeFirstOrThrow();
  soOther = other.id;
  otherName = other.name;
  await createPerson(t.db, { username: 'so2.vanthu', fullName: 'Vũ Thị Lan', org: other.seed_key!, roles: ['clerk'] });
  [specialist, head, clerk, leader, hnClerk, hnLeader, otherClerk] = (await Promise.all(
    ['bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'bgd.lanhdao', 'hn.vanthu', 'hn.lanhdao', 'so2.vanthu'].map((u) =>
      t.login(u),
    ),
  )) as Client[] as [Client, Client, Client, Client, Client, Client, Client];
  soHaNoi = await organizationId(t.db, 'so-ha-noi');
});
afterAll(() => t.close());

/** A Công văn to both Sở, driven through the default route to 'approved'. */
async function approvedLetter(overrides: Record<string, unknown> = {}) {
  const draft = await writeDraft(specialist, {
    recipients: { internal: [soHaNoi, soOther], external: ['Đại học Quốc gia Hà Nội'] },
    signerUserId: leader.me.user.id,
    signerPositionTitle: 'Thứ trưởng',
    authorityPrefix: 'KT',
    ...overrides,
  });
  await takeStep(specialist, draft.id, 'submit', {});
  await takeStep(head, draft.id, 'approve', {});
  await takeStep(clerk, draft.id, 'approve', {});
  return takeStep(leader, draft.id, 'approve', {});
}

const dispatchesOf = async (c: Client, id: string) => {
  const res = await c.get(`/api/v1/outgoing-documents/${id}/dispatches`);
  expect(res.statusCode).toBe(200);
  return res.json().items as {
    organizationId: string | null;
    organizationName: string;
    channel: string;
    status: string;
    label: { vi: string };
    reason: string | null;
    history: { status: string }[];
  }[];
};
const statusAt = async (id: string, orgId: string) =>
  (await dispatchesOf(clerk, id)).find((d) => d.organizationId === orgId)!.status;
const viewIds = async (c: Client, view: string) =>
  (await c.get(`/api/v1/incoming-documents?view=${view}&limit=100`)).json().items.map((d: { id: string }) => d.id);
const copyAt = (outgoingId: string, orgId: string) =>
  t.db
    .selectFrom('incoming_documents')
    .selectAll()
    .where('source_reference', '=', `outgoing:${outgoingId}`)
    .where('organization_id', '=', orgId)
    .executeTakeFirstOrThrow();

describe('[ISSUING] issue a Công văn of Bộ GD&ĐT to two Sở', () => {
  let letterId: string;

  it('numbers it, stores an A4 PDF with the number line, and each Sở clerk finds it to register', async () => {
    const approved = await approvedLetter();
    letterId = approved.id;
    expect((await clerk.get(`/api/v1/outgoing-documents/${letterId}`)).json().actions).toEqual(['issue']);
    expect((await specialist.get(`/api/v1/outgoing-documents/${letterId}`)).json().actions).toEqual([]);
    const res = await clerk.post(`/api/v1/outgoing-documents/${letterId}/issue`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'issued', issuedNumberId: expect.any(String) });
    const row = await t.db
      .selectFrom('outgoing_documents')
      .select(['full_number', 'official_file_id', 'issued_at'])
      .where('id', '=', letterId)
      .executeTakeFirstOrThrow();
    expect(row.full_number).toMatch(/^\d{2,}\/BGDĐT-GDPT$/);
    expect(row.issued_at).not.toBeNull();

    const hnCopy = await copyAt(letterId, soHaNoi);
    const otherCopy = await copyAt(letterId, soOther);
    expect(hnCopy).toMatchObject({ status: 'received', number_notation: row.full_number, source: 'edugov' });
    expect(await viewIds(hnClerk, 'to_register')).toContain(hnCopy.id);
    expect(await viewIds(otherClerk, 'to_register')).toContain(otherCopy.id);

    const dispatches = await dispatchesOf(clerk, letterId);
    expect(dispatches.map((d) => [d.channel, d.status]).sort()).toEqual([
      ['edugov', '01'],
      ['edugov', '01'],
      ['external', 'queued'],
    ]);
    expect(dispatches.find((d) => d.organizationId === soOther)).toMatchObject({
      organizationName: otherName,
      label: { vi: 'Đã đến' },
    });
    // The author sees the dispatches too; the trail and the audit say it was issued.
    expect((await dispatchesOf(specialist, letterId)).length).toBe(3);
    const detail = (await clerk.get(`/api/v1/outgoing-documents/${letterId}`)).json();
    expect(detail.trail.at(-1)).toMatchObject({ action: 'issued' });
    expect(detail.actions).toEqual(['recall']);
    // The number, the issue date and the official PDF are in the detail and the list; the PDF downloads.
    const officialFileUrl = `/api/v1/outgoing-documents/${letterId}/files/${row.official_file_id}`;
    expect(detail).toMatchObject({
      fullNumber: row.full_number,
      issuedAt: row.issued_at!.toISOString(),
      officialFileUrl,
    });
    expect(detail.files).toContainEqual(
      expect.objectContaining({ fileId: row.official_file_id, kind: 'final', url: officialFileUrl }),
    );
    const pdf = await specialist.get(`${officialFileUrl}?inline=true`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const listed = (await clerk.get('/api/v1/outgoing-documents?limit=100')).json().items as { id: string }[];
    expect(listed.find((d) => d.id === letterId)).toMatchObject({ fullNumber: row.full_number });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', letterId)
      .where('action', '=', 'documents.outgoing_issued')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it.skipIf(missing !== undefined)(`the stored PDF is A4 and carries the number line${skipNote}`, async () => {
    const row = await t.db
      .selectFrom('outgoing_documents')
      .select(['full_number', 'official_file_id'])
      .where('id', '=', letterId)
      .executeTakeFirstOrThrow();
    const bytes = await readFileBytes(t, row.official_file_id!);
    const dir = fs.mkdtempSync('/tmp/edugov-issued-');
    const file = path.join(dir, 'f.pdf');
    fs.writeFileSync(file, bytes);
    try {
      const { stdout: text } = await promisify(execFile)(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', file, '-']);
      expect(text).toContain(`Số: ${row.full_number}`);
      const { stdout: info } = await promisify(execFile)(PDFINFO, [file]);
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Ministry sees 03 when Hà Nội registers, 04 when it is directed, 01 for the other Sở', async () => {
    const copy = await copyAt(letterId, soHaNoi);
    // A received copy: the clerk may register or refuse it; a specialist neither.
    const seen = (await hnClerk.get(`/api/v1/incoming-documents/${copy.id}`)).json();
    expect(seen.actions).toEqual(['register', 'refuse']);
    const reg = await hnClerk.post(`/api/v1/incoming-documents/${copy.id}/register`, { version: copy.version });
    expect(reg.statusCode, reg.body).toBe(200);
    expect(await statusAt(letterId, soHaNoi)).toBe('03');
    expect(await statusAt(letterId, soOther)).toBe('01');
    expect((await hnClerk.post(`/api/v1/incoming-documents/${copy.id}/present`, {})).statusCode).toBe(200);
    expect(await statusAt(letterId, soHaNoi)).toBe('03');
    const directed = await hnLeader.post(`/api/v1/incoming-documents/${copy.id}/direct`, {
      lead: { unitId: await unitId(t.db, 'so-ha-noi-gdpt') },
      workingDays: 5,
    });
    expect(directed.statusCode, directed.body).toBe(200);
    const hn = (await dispatchesOf(clerk, letterId)).find((d) => d.organizationId === soHaNoi)!;
    expect(hn.status).toBe('04');
    expect(hn.history.map((h) => h.status)).toEqual(['01', '03', '04']);
    expect(await statusAt(letterId, soOther)).toBe('01');
  });

  it('the other Sở refuses it with a reason: 02, and it leaves its inbox', async () => {
    const copy = await copyAt(letterId, soOther);
    expect((await otherClerk.post(`/api/v1/incoming-documents/${copy.id}/refuse`, {})).statusCode).toBe(400);
    const refused = await otherClerk.post(`/api/v1/incoming-documents/${copy.id}/refuse`, {
      note: 'Văn bản gửi nhầm đơn vị',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'closed' });
    const d = (await dispatchesOf(clerk, letterId)).find((x) => x.organizationId === soOther)!;
    expect(d).toMatchObject({ status: '02', reason: 'Văn bản gửi nhầm đơn vị', label: { vi: 'Từ chối tiếp nhận' } });
    expect(await viewIds(otherClerk, 'to_register')).not.toContain(copy.id);
    // Only a received copy can be refused.
    const again = await otherClerk.post(`/api/v1/incoming-documents/${copy.id}/refuse`, { note: 'x' });
    expect(again.statusCode).toBe(409);
  });

  it('recall: Hà Nội accepts (15, the copy leaves the inbox, still in done/all)', async () => {
    const copy = await copyAt(letterId, soHaNoi);
    expect(
      (await specialist.post(`/api/v1/outgoing-documents/${letterId}/recall`, { reason: 'Sai số liệu' })).statusCode,
    ).toBe(403);
    const recall = await leader.post(`/api/v1/outgoing-documents/${letterId}/recall`, {
      reason: 'Sai số liệu phụ lục',
    });
    expect(recall.statusCode, recall.body).toBe(200);
    expect(await statusAt(letterId, soHaNoi)).toBe('13');
    expect(await statusAt(letterId, soOther)).toBe('02');
    const notices = (await hnClerk.get('/api/v1/notifications?limit=100')).json().items as { kind: string }[];
    expect(notices.some((n) => n.kind === 'incoming.recall_requested')).toBe(true);
    // The recall waits for the clerk's answer: 'recall_answer' is offered to the clerk only.
    expect((await hnClerk.get(`/api/v1/incoming-documents/${copy.id}`)).json().actions).toContain('recall_answer');
    expect((await hnLeader.get(`/api/v1/incoming-documents/${copy.id}`)).json().actions).not.toContain('recall_answer');

    const answered = await hnClerk.post(`/api/v1/incoming-documents/${copy.id}/recall-answer`, { accept: true });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'closed' });
    expect(await statusAt(letterId, soHaNoi)).toBe('15');
    expect((await hnClerk.get(`/api/v1/incoming-documents/${copy.id}`)).json().actions).not.toContain('recall_answer');
    for (const view of ['to_register', 'to_process', 'in_progress', 'for_info']) {
      expect(await viewIds(hnClerk, view)).not.toContain(copy.id);
    }
    expect(await viewIds(hnClerk, 'all')).toContain(copy.id);
    expect(await viewIds(hnClerk, 'done')).toContain(copy.id);
    expect((await copyAt(letterId, soHaNoi)).outcome).toBe('withdrawn');
    // Answered already: nothing to answer again.
    expect(
      (await hnClerk.post(`/api/v1/incoming-documents/${copy.id}/recall-answer`, { accept: false })).statusCode,
    ).toBe(409);
  });

  it('recall refused: 16, and the copy stays with the recipient', async () => {
    const letter = await approvedLetter({ recipients: { internal: [soHaNoi], external: [] } });
    expect((await clerk.post(`/api/v1/outgoing-documents/${letter.id}/issue`, {})).statusCode).toBe(200);
    expect(
      (await clerk.post(`/api/v1/outgoing-documents/${letter.id}/recall`, { reason: 'Gửi nhầm' })).statusCode,
    ).toBe(200);
    const copy = await copyAt(letter.id, soHaNoi);
    const res = await hnClerk.post(`/api/v1/incoming-documents/${copy.id}/recall-answer`, {
      accept: false,
      note: 'Đã triển khai thực hiện',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await statusAt(letter.id, soHaNoi)).toBe('16');
    expect(await viewIds(hnClerk, 'to_register')).toContain(copy.id);
  });
});

describe('[ISSUING] who may issue what', () => {
  it('a document not yet approved: 409; a specialist: 403; a confidential one to EduGov: 400', async () => {
    const draft = await writeDraft(specialist, { recipients: { internal: [soHaNoi], external: [] } });
    const early = await clerk.post(`/api/v1/outgoing-documents/${draft.id}/issue`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('documents.invalid_state');

    const approved = await approvedLetter();
    expect((await specialist.post(`/api/v1/outgoing-documents/${approved.id}/issue`, {})).statusCode).toBe(403);
    // Another organisation's clerk does not even see it.
    expect((await hnClerk.post(`/api/v1/outgoing-documents/${approved.id}/issue`, {})).statusCode).toBe(404);
    expect((await hnClerk.get(`/api/v1/outgoing-documents/${approved.id}/dispatches`)).statusCode).toBe(404);

    const secret = await approvedLetter({ confidentiality: 'confidential' });
    const refused = await clerk.post(`/api/v1/outgoing-documents/${secret.id}/issue`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('documents.confidential_dispatch');
    // Nothing happened: still approved, no number taken.
    expect((await clerk.get(`/api/v1/outgoing-documents/${secret.id}`)).json()).toMatchObject({
      status: 'approved',
      issuedNumberId: null,
    });
  });
});

describe('[ISSUING] a final PDF made in a word processor', () => {
  it('is sent as it is: nothing rendered, the uploaded file is the copy the Sở receives', async () => {
    const approved = await approvedLetter({ recipients: { internal: [soHaNoi], external: [] } });
    const finalFileId = await uploadPdf(clerk, 'Công văn đã ký.pdf');
    const res = await clerk.post(`/api/v1/outgoing-documents/${approved.id}/issue`, {
      finalFileId,
      date: '2026-11-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.db
      .selectFrom('outgoing_documents')
      .select(['official_file_id', 'full_number'])
      .where('id', '=', approved.id)
      .executeTakeFirstOrThrow();
    expect(row.official_file_id).toBe(finalFileId);
    const copy = await copyAt(approved.id, soHaNoi);
    const files = await t.db
      .selectFrom('incoming_files')
      .select(['file_id', 'kind'])
      .where('document_id', '=', copy.id)
      .execute();
    expect(files).toEqual([{ file_id: finalFileId, kind: 'main' }]);
    expect(copy.document_date).toBe('2026-11-20');
  });
});

describe('[ISSUING] answering an incoming document', () => {
  it('issuing the answer completes the incoming document it answers, with the number', async () => {
    const asked = await registerIncoming(clerk, { issuerName: 'Sở Giáo dục và Đào tạo Hà Nội' });
    // Văn phòng presents it, the leader gives it to the specialist, who drafts the answer.
    expect((await clerk.post(`/api/v1/incoming-documents/${asked.id}/present`, {})).statusCode).toBe(200);
    const directed = await leader.post(`/api/v1/incoming-documents/${asked.id}/direct`, {
      lead: { userId: specialist.me.user.id },
      workingDays: 5,
    });
    expect(directed.statusCode, directed.body).toBe(200);
    const approved = await approvedLetter({
      recipients: { internal: [soHaNoi], external: [] },
      answersIncomingId: asked.id,
    });
    expect((await clerk.post(`/api/v1/outgoing-documents/${approved.id}/issue`, {})).statusCode).toBe(200);
    const fullNumber = (
      await t.db
        .selectFrom('outgoing_documents')
        .select('full_number')
        .where('id', '=', approved.id)
        .executeTakeFirstOrThrow()
    ).full_number;
    const after = (await clerk.get(`/api/v1/incoming-documents/${asked.id}`)).json();
    expect(after).toMatchObject({ status: 'completed', answeredBy: fullNumber });
    expect(after.trail.at(-1)).toMatchObject({ action: 'completed' });
  });
});
