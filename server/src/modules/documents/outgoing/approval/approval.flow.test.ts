/**
 * [OUTGOING] A Công văn of Bộ GD&ĐT from draft to approval, through the API: the specialist drafts it, the
 * head of Vụ GDPT reviews it, Văn phòng checks its form, the leader approves it. Then: returned with a
 * comment and resubmitted as revision 2 (with the comparison of both), a step forwarded to a colleague,
 * a parallel co-review, and a Tờ trình the leader rejects with a decision note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../../test/factories.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { noticesOf, organizationId, takeStep, writeDraft } from '../drafts/drafts.fixtures.ts';

let t: TestApp;
let specialist: Client, head: Client, clerk: Client, leader: Client, deputy: Client, legalHead: Client;
let soHaNoi: string;

beforeAll(async () => {
  t = await createTestApp();
  await createPerson(t.db, {
    username: 'bgd.phovu',
    fullName: 'Trịnh Văn Bình',
    org: 'moet',
    unit: 'moet-gdpt',
    roles: ['specialist'],
  });
  await createPerson(t.db, {
    username: 'bgd.vuphapche',
    fullName: 'Hoàng Thị Mai',
    org: 'moet',
    unit: 'moet-pc',
    roles: ['unit_head'],
  });
  [specialist, head, clerk, leader, deputy, legalHead] = (await Promise.all(
    ['bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'bgd.lanhdao', 'bgd.phovu', 'bgd.vuphapche'].map((u) =>
      t.login(u),
    ),
  )) as [Client, Client, Client, Client, Client, Client];
  soHaNoi = await organizationId(t.db, 'so-ha-noi');
});
afterAll(() => t.close());

const toReview = async (c: Client) =>
  (await c.get('/api/v1/outgoing-documents?view=to_review')).json().items.map((d: { id: string }) => d.id);
const pendingOf = (doc: { steps: { status: string; stageIndex: number; round: number }[] }) =>
  doc.steps.filter((s) => s.status === 'pending');

describe('[OUTGOING] specialist → unit head → clerk (form check) → leader', () => {
  it('drafts, reviews, checks the form and approves a Công văn, with trail, audit and notices', async () => {
    const draft = await writeDraft(specialist, {
      recipients: { internal: [soHaNoi], external: ['Đại học Quốc gia Hà Nội'] },
      signerUserId: leader.me.user.id,
      signerPositionTitle: 'Thứ trưởng',
      authorityPrefix: 'KT',
      replyDueDate: '2026-12-15',
    });
    expect(draft).toMatchObject({
      status: 'draft',
      docType: 'official_letter',
      currentRevision: 1,
      createdByName: 'Đỗ Thu Trang',
      draftingUnitName: 'Vụ Giáo dục Phổ thông',
      signerName: 'Nguyễn Văn Minh',
      authorityPrefix: 'KT',
      recipients: { external: ['Đại học Quốc gia Hà Nội'] },
      actions: ['update', 'submit'],
      route: null,
    });
    expect(draft.recipients.internal).toEqual([{ organizationId: soHaNoi, name: expect.stringContaining('Hà Nội') }]);
    expect(draft.revisions.map((r: { revision: number }) => r.revision)).toEqual([1]);

    const templates = (await specialist.get('/api/v1/approval-templates')).json().items;
    expect(templates[0]).toMatchObject({
      isDefault: true,
      steps: [
        { kind: 'review', reviewers: [{ role: 'unit_head' }] },
        { kind: 'form_check', reviewers: [{ role: 'clerk' }] },
        { kind: 'approve', reviewers: [{ role: 'leader' }] },
      ],
    });

    const submitted = await takeStep(specialist, draft.id, 'submit', { templateId: templates[0].id });
    expect(submitted).toMatchObject({ status: 'in_review', route: { round: 1, currentStage: 0, revision: 1 } });
    expect(submitted.actions).toEqual([]);
    expect(pendingOf(submitted)).toEqual([
      expect.objectContaining({ stageIndex: 0, reviewerRole: 'unit_head', reviewerUnitName: 'Vụ Giáo dục Phổ thông' }),
    ]);
    expect(await toReview(head)).toContain(draft.id);
    expect(await toReview(clerk)).not.toContain(draft.id);
    const headNotice = (await noticesOf(head)).find((n) => n.link === `/e-office/outgoing/${draft.id}`);
    expect(headNotice).toMatchObject({ kind: 'outgoing.review_requested' });
    expect(headNotice!.body!.vi).toContain('hướng dẫn thực hiện nhiệm vụ');
    // Văn phòng's turn has not come: it may not act for the unit head.
    expect((await clerk.post(`/api/v1/outgoing-documents/${draft.id}/approve`, {})).statusCode).toBe(403);

    const opened = (await head.get(`/api/v1/outgoing-documents/${draft.id}`)).json();
    expect(opened.actions).toEqual(['approve', 'return', 'forward']);
    const reviewed = await takeStep(head, draft.id, 'approve', { comment: 'Đồng ý, trình Văn phòng' });
    expect(reviewed).toMatchObject({ status: 'in_review', route: { currentStage: 1 } });
    expect(reviewed.steps[0]).toMatchObject({
      status: 'approved',
      decidedByName: 'Phạm Quốc Hùng',
      comment: 'Đồng ý, trình Văn phòng',
    });
    expect(pendingOf(reviewed)).toEqual([expect.objectContaining({ stageIndex: 1, reviewerRole: 'clerk' })]);
    expect(await toReview(clerk)).toContain(draft.id);
    expect(await toReview(head)).not.toContain(draft.id);
    expect((await noticesOf(clerk)).some((n) => n.link.endsWith(draft.id))).toBe(true);

    const checked = await takeStep(clerk, draft.id, 'approve', { comment: 'Đúng thể thức' });
    expect(checked).toMatchObject({ status: 'in_review', route: { currentStage: 2 } });
    expect(await toReview(leader)).toContain(draft.id);

    const approved = await takeStep(leader, draft.id, 'approve', { comment: 'Duyệt, ký ban hành' });
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: leader.me.user.id,
      decidedByName: 'Nguyễn Văn Minh',
      route: { status: 'approved', currentStage: 2 },
      actions: [],
    });
    expect(approved.trail.map((e: { action: string }) => e.action)).toEqual([
      'drafted',
      'submitted',
      'reviewed',
      'form_checked',
      'approved',
    ]);
    expect(approved.trail.map((e: { actorName: string }) => e.actorName)).toEqual([
      'Đỗ Thu Trang',
      'Đỗ Thu Trang',
      'Phạm Quốc Hùng',
      'Lê Thị Hồng',
      'Nguyễn Văn Minh',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', draft.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'documents.outgoing_drafted',
      'documents.outgoing_submitted',
      'documents.outgoing_reviewed',
      'documents.outgoing_form_checked',
      'documents.outgoing_approved',
    ]);
    expect((await noticesOf(specialist)).find((n) => n.link.endsWith(draft.id))).toMatchObject({
      kind: 'outgoing.approved',
    });
    // Nobody is told of their own step.
    expect((await noticesOf(leader)).filter((n) => n.link.endsWith(draft.id)).map((n) => n.kind)).toEqual([
      'outgoing.review_requested',
    ]);
    // Approved: no more editing or reviewing.
    const late = await specialist.patch(`/api/v1/outgoing-documents/${draft.id}`, {
      version: approved.version,
      subject: 'x',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('documents.invalid_state');
  });

  it('returns with a comment; the author saves revision 2, compares it, and resubmitting starts over', async () => {
    const draft = await writeDraft(specialist);
    await takeStep(specialist, draft.id, 'submit', {});
    const returned = await takeStep(head, draft.id, 'return', {
      comment: 'Bổ sung thời hạn báo cáo và sửa trích yếu',
    });
    expect(returned).toMatchObject({ status: 'returned', route: { status: 'returned', round: 1 } });
    expect(returned.steps[0]).toMatchObject({
      status: 'returned',
      comment: 'Bổ sung thời hạn báo cáo và sửa trích yếu',
    });
    const notice = (await noticesOf(specialist)).find((n) => n.link.endsWith(draft.id));
    expect(notice).toMatchObject({ kind: 'outgoing.returned' });
    expect(notice!.body!.vi).toContain('Bổ sung thời hạn báo cáo');
    const mine = (await specialist.get(`/api/v1/outgoing-documents/${draft.id}`)).json();
    expect(mine.actions).toEqual(['update', 'submit']);
    // The unit head's page no longer offers a step.
    expect((await head.get(`/api/v1/outgoing-documents/${draft.id}`)).json().actions).toEqual([]);

    const stale = await specialist.patch(`/api/v1/outgoing-documents/${draft.id}`, {
      version: draft.version,
      subject: 'Trích yếu cũ',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('record.conflict');

    const newBody = [
      'Kính gửi: Các Sở Giáo dục và Đào tạo',
      'Thực hiện Chỉ thị về nhiệm vụ năm học 2026-2027, Bộ Giáo dục và Đào tạo hướng dẫn như sau:',
      '1. Tổ chức dạy học theo chương trình giáo dục phổ thông 2018.',
      '2. Báo cáo kết quả thực hiện trước ngày 10/12/2026.',
      '3. Gửi báo cáo qua hệ thống EduGov.',
    ].join('\n');
    const saved = await specialist.patch(`/api/v1/outgoing-documents/${draft.id}`, {
      version: mine.version,
      subject: 'V/v hướng dẫn nhiệm vụ giáo dục phổ thông và thời hạn báo cáo năm học 2026-2027',
      body: newBody,
      urgency: 'urgent',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'returned', currentRevision: 2, urgency: 'urgent', body: newBody });
    expect(saved.json().revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);

    const cmp = await specialist.get(`/api/v1/outgoing-documents/${draft.id}/revisions/compare?from=1&to=2`);
    expect(cmp.statusCode, cmp.body).toBe(200);
    const c = cmp.json();
    expect(c.fields).toEqual([
      {
        field: 'subject',
        before: 'V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2026-2027',
        after: 'V/v hướng dẫn nhiệm vụ giáo dục phổ thông và thời hạn báo cáo năm học 2026-2027',
      },
      { field: 'urgency', before: 'normal', after: 'urgent' },
    ]);
    expect(c.bodyChanged).toBe(true);
    expect(c.body.filter((l: { op: string }) => l.op !== 'same')).toEqual([
      { op: 'removed', text: '2. Báo cáo kết quả thực hiện trước ngày 15/12/2026.', fromLine: 4, toLine: null },
      { op: 'added', text: '2. Báo cáo kết quả thực hiện trước ngày 10/12/2026.', fromLine: null, toLine: 4 },
      { op: 'added', text: '3. Gửi báo cáo qua hệ thống EduGov.', fromLine: null, toLine: 5 },
    ]);
    expect(c.body.filter((l: { op: string }) => l.op === 'same')).toHaveLength(3);
    // The unit head reads the comparison too; a revision that does not exist is 404.
    expect((await head.get(`/api/v1/outgoing-documents/${draft.id}/revisions/compare?from=1&to=2`)).statusCode).toBe(
      200,
    );
    expect(
      (await specialist.get(`/api/v1/outgoing-documents/${draft.id}/revisions/compare?from=1&to=3`)).statusCode,
    ).toBe(404);

    const resubmitted = await takeStep(specialist, draft.id, 'submit', {});
    expect(resubmitted).toMatchObject({ status: 'in_review', route: { round: 2, currentStage: 0, revision: 2 } });
    expect(pendingOf(resubmitted)).toEqual([
      expect.objectContaining({ round: 2, stageIndex: 0, reviewerRole: 'unit_head' }),
    ]);
    expect(resubmitted.trail.map((e: { action: string }) => e.action)).toEqual([
      'drafted',
      'submitted',
      'returned',
      'revised',
      'resubmitted',
    ]);
    expect(resubmitted.trail[3].details).toMatchObject({ revision: 2, changed: ['subject', 'urgency', 'body'] });
    expect(await toReview(head)).toContain(draft.id);
  });

  it('forwards a step to a colleague, who reviews in the unit head’s place', async () => {
    const draft = await writeDraft(specialist);
    await takeStep(specialist, draft.id, 'submit', {});
    expect((await deputy.get(`/api/v1/outgoing-documents/${draft.id}`)).statusCode).toBe(404);
    const foreign = (await t.login('hn.chuyenvien')).me.user.id;
    const bad = await head.post(`/api/v1/outgoing-documents/${draft.id}/forward`, { toUserId: foreign });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('documents.invalid_recipient');

    const forwarded = await takeStep(head, draft.id, 'forward', {
      toUserId: deputy.me.user.id,
      comment: 'Đồng chí Bình cho ý kiến thay',
    });
    expect(forwarded.status).toBe('in_review');
    expect(
      forwarded.steps.map((s: { status: string; reviewerName: string | null }) => [s.status, s.reviewerName]),
    ).toEqual([
      ['forwarded', null],
      ['pending', 'Trịnh Văn Bình'],
    ]);
    expect(forwarded.steps[1].forwardedFrom).toBe(forwarded.steps[0].id);
    expect((await noticesOf(deputy)).find((n) => n.link.endsWith(draft.id))).toMatchObject({
      kind: 'outgoing.forwarded',
    });
    expect((await head.post(`/api/v1/outgoing-documents/${draft.id}/approve`, {})).statusCode).toBe(403);
    expect(await toReview(deputy)).toContain(draft.id);
    const approved = await takeStep(deputy, draft.id, 'approve', { comment: 'Nhất trí' });
    expect(approved).toMatchObject({ status: 'in_review', route: { currentStage: 1 } });
    // Having taken part, the colleague still reads it.
    expect((await deputy.get(`/api/v1/outgoing-documents/${draft.id}`)).statusCode).toBe(200);
  });

  it('co-reviews in parallel: the stage waits for both, and one return sends it back', async () => {
    const created = await leader.post('/api/v1/approval-templates', {
      name: 'Vụ GDPT và Vụ Pháp chế cùng thẩm định',
      steps: [
        {
          name: 'Vụ GDPT và Vụ Pháp chế góp ý',
          kind: 'review',
          mode: 'all',
          reviewers: [{ userId: head.me.user.id }, { userId: legalHead.me.user.id }],
        },
        { name: 'Lãnh đạo Bộ duyệt', kind: 'approve', mode: 'any', reviewers: [{ role: 'leader' }] },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const templateId = created.json().id;

    const draft = await writeDraft(specialist, { docType: 'plan', subject: 'Kế hoạch kiểm tra công tác thi năm 2027' });
    const submitted = await takeStep(specialist, draft.id, 'submit', { templateId });
    expect(pendingOf(submitted)).toHaveLength(2);
    const first = await takeStep(head, draft.id, 'approve', {});
    expect(first).toMatchObject({ status: 'in_review', route: { currentStage: 0 } });
    expect(pendingOf(first)).toEqual([expect.objectContaining({ reviewerName: 'Hoàng Thị Mai' })]);
    expect((await leader.post(`/api/v1/outgoing-documents/${draft.id}/approve`, {})).statusCode).toBe(403);
    const both = await takeStep(legalHead, draft.id, 'approve', { comment: 'Phù hợp quy định' });
    expect(both).toMatchObject({ status: 'in_review', route: { currentStage: 1 } });
    expect(await toReview(leader)).toContain(draft.id);

    const other = await writeDraft(specialist, { docType: 'plan', subject: 'Kế hoạch tập huấn giáo viên năm 2027' });
    await takeStep(specialist, other.id, 'submit', { templateId });
    await takeStep(head, other.id, 'approve', {});
    const back = await takeStep(legalHead, other.id, 'return', { comment: 'Thiếu căn cứ pháp lý' });
    expect(back).toMatchObject({ status: 'returned', route: { status: 'returned' } });
    expect(back.steps.map((s: { status: string }) => s.status)).toEqual(['approved', 'returned']);
  });

  it('lets the leader reject a Tờ trình with a decision note, or approve one with it', async () => {
    const submission = await writeDraft(specialist, {
      docType: 'submission',
      subject: 'Tờ trình về việc tổ chức Hội nghị tổng kết năm học 2025-2026',
    });
    await takeStep(specialist, submission.id, 'submit', {});
    await takeStep(head, submission.id, 'approve', {});
    const atLeader = await takeStep(clerk, submission.id, 'approve', {});
    expect((await leader.get(`/api/v1/outgoing-documents/${submission.id}`)).json().actions).toEqual([
      'approve',
      'return',
      'forward',
      'reject',
    ]);
    expect(atLeader.status).toBe('in_review');
    const noNote = await leader.post(`/api/v1/outgoing-documents/${submission.id}/approve`, {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.code).toBe('documents.decision_note_required');
    const rejected = await takeStep(leader, submission.id, 'reject', {
      decisionNote: 'Chưa tổ chức; lồng ghép vào Hội nghị triển khai nhiệm vụ năm học mới',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisionNote: 'Chưa tổ chức; lồng ghép vào Hội nghị triển khai nhiệm vụ năm học mới',
      decidedByName: 'Nguyễn Văn Minh',
      route: { status: 'rejected' },
      actions: [],
    });
    const notice = (await noticesOf(specialist)).find((n) => n.link.endsWith(submission.id));
    expect(notice).toMatchObject({ kind: 'outgoing.rejected' });
    expect(notice!.body!.vi).toContain('Chưa tổ chức');
    // Rejected is final: no resubmission.
    expect((await specialist.post(`/api/v1/outgoing-documents/${submission.id}/submit`, {})).statusCode).toBe(409);

    const agreed = await writeDraft(specialist, {
      docType: 'submission',
      subject: 'Tờ trình về việc cử cán bộ đi công tác',
    });
    await takeStep(specialist, agreed.id, 'submit', {});
    await takeStep(head, agreed.id, 'approve', {});
    await takeStep(clerk, agreed.id, 'approve', {});
    const approved = await takeStep(leader, agreed.id, 'approve', { decisionNote: 'Đồng ý' });
    expect(approved).toMatchObject({ status: 'approved', decisionNote: 'Đồng ý' });
    // A Công văn is approved or returned, never rejected.
    const letter = await writeDraft(specialist);
    await takeStep(specialist, letter.id, 'submit', {});
    await takeStep(head, letter.id, 'approve', {});
    await takeStep(clerk, letter.id, 'approve', {});
    const wrong = await leader.post(`/api/v1/outgoing-documents/${letter.id}/reject`, { decisionNote: 'Không' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('documents.invalid_state');
  });
});
