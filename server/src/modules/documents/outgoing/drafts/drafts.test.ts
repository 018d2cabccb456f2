/**
 * [OUTGOING] Drafts: who sees which in the list (scoped in SQL) and search without diacritics; bad input is
 * refused with 400 and writes nothing; approval templates are defined by administrators and leaders only;
 * a confidential draft's notices carry no subject.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../../test/factories.ts';
import { countRows, createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { registerIncoming, uploadPdf } from '../../incoming/incoming.fixtures.ts';
import { draftBody, noticesOf, takeStep, writeDraft } from './drafts.fixtures.ts';

let t: TestApp;
let specialist: Client, head: Client, clerk: Client, leader: Client, admin: Client;
let otherHead: Client, colleague: Client, foreignClerk: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createPerson(t.db, {
    username: 'bgd.truongvu2',
    fullName: 'Ngô Văn Khải',
    org: 'moet',
    unit: 'moet-gdmn',
    roles: ['unit_head'],
  });
  await createPerson(t.db, {
    username: 'bgd.chuyenvien2',
    fullName: 'Phan Thị Hà',
    org: 'moet',
    unit: 'moet-gdpt',
    roles: ['specialist'],
  });
  [specialist, head, clerk, leader, admin, otherHead, colleague, foreignClerk] = (await Promise.all(
    [
      'bgd.chuyenvien',
      'bgd.truongvu',
      'bgd.vanthu',
      'bgd.lanhdao',
      'bgd.quantri',
      'bgd.truongvu2',
      'bgd.chuyenvien2',
      'hn.vanthu',
    ].map((u) => t.login(u)),
  )) as Client[] as [Client, Client, Client, Client, Client, Client, Client, Client];
});
afterAll(() => t.close());

const listIds = async (c: Client, query = '') =>
  (await c.get(`/api/v1/outgoing-documents?limit=200${query}`)).json().items.map((d: { id: string }) => d.id);

const WRITTEN = ['outgoing_documents', 'outgoing_revisions', 'outgoing_events', 'outgoing_files', 'audit_log'] as const;
const counts = async () => Promise.all(WRITTEN.map((table) => countRows(t.db, table)));

describe('[OUTGOING] drafts', () => {
  it('lists what each person may see, and finds drafts by words without diacritics', async () => {
    const mine = await writeDraft(specialist, {
      docType: 'plan',
      subject: 'Kế hoạch tuyển sinh lớp 10 năm học 2027-2028',
    });
    const colleagues = await writeDraft(colleague, { subject: 'V/v báo cáo số liệu học sinh' });

    expect(await listIds(specialist)).toContain(mine.id);
    expect(await listIds(specialist)).not.toContain(colleagues.id);
    // The unit head sees every draft of the unit; another unit's head none of them.
    expect(await listIds(head)).toEqual(expect.arrayContaining([mine.id, colleagues.id]));
    expect(await listIds(otherHead)).not.toContain(mine.id);
    expect((await otherHead.get(`/api/v1/outgoing-documents/${mine.id}`)).statusCode).toBe(404);
    // Leaders and clerks see the whole organisation; another organisation sees nothing.
    expect(await listIds(leader)).toEqual(expect.arrayContaining([mine.id, colleagues.id]));
    expect(await listIds(clerk)).toEqual(expect.arrayContaining([mine.id, colleagues.id]));
    expect(await listIds(foreignClerk)).not.toContain(mine.id);
    expect((await foreignClerk.get(`/api/v1/outgoing-documents/${mine.id}`)).statusCode).toBe(404);

    expect(await listIds(leader, '&q=ke%20hoach%20TUYEN%20sinh')).toEqual([mine.id]);
    expect(await listIds(leader, `&q=${encodeURIComponent('tuyển sinh lớp 10')}`)).toEqual([mine.id]);
    expect(await listIds(specialist, '&view=mine&status=draft')).toContain(mine.id);
    expect(await listIds(specialist, '&status=in_review')).not.toContain(mine.id);
    const page = (await head.get('/api/v1/outgoing-documents?view=to_review')).json();
    expect(page.items.map((d: { id: string }) => d.id)).not.toContain(mine.id);

    await takeStep(specialist, mine.id, 'submit', {});
    const waiting = (await head.get('/api/v1/outgoing-documents?view=to_review')).json();
    expect(waiting.items.find((d: { id: string }) => d.id === mine.id)).toMatchObject({
      waitingForMe: true,
      status: 'in_review',
      createdByName: 'Đỗ Thu Trang',
    });
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ docType: 'memo' }, 'request.invalid'],
      [{ subject: '' }, 'request.invalid'],
      [{ subject: '   ' }, 'documents.invalid_draft'],
      [{ recipients: { internal: ['00000000-0000-4000-8000-000000000000'] } }, 'documents.invalid_recipient'],
      [{ recipients: { external: [' '] } }, 'documents.invalid_draft'],
      [{ authorityPrefix: 'THAY' }, 'request.invalid'],
      [{ signerUserId: foreignClerk.me.user.id }, 'documents.invalid_draft'],
      [{ draftFileIds: [await uploadPdf(colleague, 'Dự thảo của người khác.pdf')] }, 'documents.file_not_found'],
    ];
    // An incoming document of another organisation cannot be answered (nor even seen).
    const foreignIncoming = await registerIncoming(foreignClerk);
    cases.push([{ answersIncomingId: foreignIncoming.id }, 'documents.invalid_draft']);
    const afterFixtures = await counts();
    for (const [overrides, code] of cases) {
      const res = await specialist.post('/api/v1/outgoing-documents', draftBody(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().error.code, JSON.stringify(overrides)).toBe(code);
    }
    expect(await counts()).toEqual(afterFixtures);
    expect(afterFixtures[0]).toBe(before[0]);

    const draft = await writeDraft(specialist);
    const routes = () => t.db.selectFrom('approval_routes').select('id').where('document_id', '=', draft.id).execute();
    const foreignTemplate = (await foreignClerk.get('/api/v1/approval-templates')).json().items[0].id;
    for (const templateId of ['00000000-0000-4000-8000-000000000000', foreignTemplate]) {
      const res = await specialist.post(`/api/v1/outgoing-documents/${draft.id}/submit`, { templateId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('documents.template_not_found');
    }
    expect(await routes()).toEqual([]);
    expect((await specialist.get(`/api/v1/outgoing-documents/${draft.id}`)).json()).toMatchObject({
      status: 'draft',
      version: draft.version,
      trail: [{ action: 'drafted' }],
      // Not issued yet: no number, no issue date, no official PDF.
      fullNumber: null,
      issuedAt: null,
      officialFileUrl: null,
    });
    const badSave = await specialist.patch(`/api/v1/outgoing-documents/${draft.id}`, {
      version: draft.version,
      recipients: { internal: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(badSave.statusCode).toBe(400);
    expect((await specialist.get(`/api/v1/outgoing-documents/${draft.id}`)).json().currentRevision).toBe(1);
  });

  it('answers a visible incoming document and keeps the files of each revision', async () => {
    const incoming = await registerIncoming(clerk);
    const draftFile = await uploadPdf(specialist, 'Dự thảo công văn.pdf');
    const annex = await uploadPdf(specialist, 'Phụ lục.pdf');
    // The specialist cannot see the incoming document: it is not theirs to answer.
    const hidden = await specialist.post('/api/v1/outgoing-documents', draftBody({ answersIncomingId: incoming.id }));
    expect(hidden.statusCode).toBe(400);
    const draft = await writeDraft(clerk, { answersIncomingId: incoming.id });
    expect(draft.answersIncomingId).toBe(incoming.id);

    const withFiles = await writeDraft(specialist, { draftFileIds: [draftFile], attachmentIds: [annex] });
    expect(withFiles.files.map((f: { kind: string; name: string }) => [f.kind, f.name])).toEqual([
      ['draft', 'Dự thảo công văn.pdf'],
      ['attachment', 'Phụ lục.pdf'],
    ]);
    const download = await head.get(withFiles.files[0].url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect((await otherHead.get(withFiles.files[0].url)).statusCode).toBe(404);

    const saved = await specialist.patch(`/api/v1/outgoing-documents/${withFiles.id}`, {
      version: withFiles.version,
      attachmentIds: [],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().files.map((f: { kind: string }) => f.kind)).toEqual(['draft']);
    const cmp = (
      await specialist.get(`/api/v1/outgoing-documents/${withFiles.id}/revisions/compare?from=1&to=2`)
    ).json();
    expect(cmp.fields).toEqual([
      {
        field: 'files',
        before: [
          { fileId: draftFile, kind: 'draft' },
          { fileId: annex, kind: 'attachment' },
        ],
        after: [{ fileId: draftFile, kind: 'draft' }],
      },
    ]);
    expect(cmp.bodyChanged).toBe(false);
  });

  it('keeps a confidential draft’s subject out of its notices', async () => {
    const secret = await writeDraft(specialist, {
      subject: 'V/v phương án bảo vệ đề thi tốt nghiệp',
      confidentiality: 'confidential',
    });
    await takeStep(specialist, secret.id, 'submit', {});
    const notice = (await noticesOf(head)).find((n) => n.link.endsWith(secret.id));
    expect(notice).toMatchObject({ kind: 'outgoing.review_requested' });
    expect(JSON.stringify(notice)).not.toContain('bảo vệ đề thi');
    await takeStep(head, secret.id, 'return', { comment: 'Nêu rõ phương án bảo vệ đề thi' });
    const returned = (await noticesOf(specialist)).find((n) => n.link.endsWith(secret.id));
    expect(returned).toMatchObject({ kind: 'outgoing.returned' });
    expect(JSON.stringify(returned)).not.toContain('đề thi');
  });
});

describe('[OUTGOING] approval templates', () => {
  const stages = (last = 'approve') => [
    { name: 'Lãnh đạo đơn vị duyệt', kind: 'review', reviewers: [{ role: 'unit_head' }] },
    { name: 'Lãnh đạo Bộ duyệt', kind: last, reviewers: [{ role: 'leader' }] },
  ];

  it('lets administrators and leaders define routes, everyone of the organisation read them', async () => {
    const made = await admin.post('/api/v1/approval-templates', { name: 'Quy trình rút gọn', steps: stages() });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ isDefault: false, steps: [{ mode: 'all' }, { kind: 'approve' }] });
    const forbidden = await specialist.post('/api/v1/approval-templates', { name: 'Của tôi', steps: stages() });
    expect(forbidden.statusCode).toBe(403);
    const names = (await specialist.get('/api/v1/approval-templates'))
      .json()
      .items.map((x: { name: string }) => x.name);
    expect(names).toEqual(['Quy trình mặc định', 'Quy trình rút gọn']);
    expect(
      (await foreignClerk.get('/api/v1/approval-templates')).json().items.map((x: { name: string }) => x.name),
    ).toEqual(['Quy trình mặc định']);
    const duplicate = await leader.post('/api/v1/approval-templates', { name: 'quy trình rút gọn', steps: stages() });
    expect(duplicate.statusCode).toBe(409);
  });

  it('refuses a route that does not end with the approval, or names a stranger', async () => {
    const before = await countRows(t.db, 'approval_templates');
    const bad = [
      { name: 'Không có bước duyệt', steps: stages('review') },
      {
        name: 'Người ngoài',
        steps: [{ name: 'Duyệt', kind: 'approve', reviewers: [{ userId: foreignClerk.me.user.id }] }],
      },
      {
        name: 'Trùng người',
        steps: [{ name: 'Duyệt', kind: 'approve', reviewers: [{ role: 'leader' }, { role: 'leader' }] }],
      },
    ];
    for (const body of bad) {
      const res = await leader.post('/api/v1/approval-templates', body);
      expect(res.statusCode, body.name).toBe(400);
      expect(res.json().error.code).toBe('documents.invalid_template');
    }
    const unknownRole = await leader.post('/api/v1/approval-templates', {
      name: 'Vai trò lạ',
      steps: [{ name: 'Duyệt', kind: 'approve', reviewers: [{ role: 'specialist' }] }],
    });
    expect(unknownRole.statusCode).toBe(400);
    expect(await countRows(t.db, 'approval_templates')).toBe(before);
  });

  it('refuses to submit on a route nobody can take (a leader drafting without a unit)', async () => {
    const draft = await writeDraft(leader, { subject: 'V/v chỉ đạo công tác thi' });
    const res = await leader.post(`/api/v1/outgoing-documents/${draft.id}/submit`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('documents.invalid_template');
    expect(res.json().error.details).toMatchObject({ stage: 0, role: 'unit_head' });
  });
});
