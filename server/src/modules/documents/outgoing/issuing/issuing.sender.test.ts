/**
 * [ISSUING — SENDER] What the sending organisation hears and chooses: notices to the drafter and the clerks
 * when a recipient registers (03), assigns (04), handles (05), completes (06) or refuses (02) the copy; the
 * draft's choice whether issuing an answer completes the incoming document it answers; and refusal, offered
 * only on a copy that came through an EduGov dispatch and is not yet registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { unitId } from '../../../../test/factories.ts';
import { receiveIncoming } from '../../incoming/incoming.service.ts';
import { registerIncoming, uploadPdf } from '../../incoming/incoming.fixtures.ts';
import { noticesOf, organizationId, takeStep, writeDraft } from '../drafts/drafts.fixtures.ts';

let t: TestApp;
let specialist: Client, head: Client, clerk: Client, leader: Client;
let hnClerk: Client, hnLeader: Client, hnHead: Client, hnSpecialist: Client, naClerk: Client;
let soHaNoi: string, soNgheAn: string;

beforeAll(async () => {
  t = await createTestApp();
  [specialist, head, clerk, leader, hnClerk, hnLeader, hnHead, hnSpecialist, naClerk] = (await Promise.all(
    [
      'bgd.chuyenvien',
      'bgd.truongvu',
      'bgd.vanthu',
      'bgd.lanhdao',
      'hn.vanthu',
      'hn.lanhdao',
      'hn.truongphong',
      'hn.chuyenvien',
      'na.vanthu',
    ].map((u) => t.login(u)),
  )) as Client[] as [Client, Client, Client, Client, Client, Client, Client, Client, Client];
  soHaNoi = await organizationId(t.db, 'so-ha-noi');
  soNgheAn = await organizationId(t.db, 'so-nghe-an');
});
afterAll(() => t.close());

async function approvedLetter(overrides: Record<string, unknown> = {}) {
  const draft = await writeDraft(specialist, {
    recipients: { internal: [soHaNoi, soNgheAn], external: [] },
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

async function issued(overrides: Record<string, unknown> = {}) {
  const approved = await approvedLetter(overrides);
  const res = await clerk.post(`/api/v1/outgoing-documents/${approved.id}/issue`, {});
  expect(res.statusCode, res.body).toBe(200);
  const row = await t.db
    .selectFrom('outgoing_documents')
    .select(['id', 'full_number', 'subject'])
    .where('id', '=', approved.id)
    .executeTakeFirstOrThrow();
  return { id: row.id, fullNumber: row.full_number!, subject: row.subject };
}

const copyAt = (outgoingId: string, orgId: string) =>
  t.db
    .selectFrom('incoming_documents')
    .selectAll()
    .where('source_reference', '=', `outgoing:${outgoingId}`)
    .where('organization_id', '=', orgId)
    .executeTakeFirstOrThrow();

/** The notices of a kind about one outgoing document. */
const about = async (c: Client, kind: string, outgoingId: string) =>
  (await noticesOf(c)).filter((n) => n.kind === kind && n.link === `/e-office/outgoing/${outgoingId}`);

describe('[ISSUING — SENDER] notices on the status of each recipient', () => {
  it('the drafter and the clerks hear of 03, 04, 05, 06 at Hà Nội and of 02 (with the reason) at Nghệ An', async () => {
    const letter = await issued();
    const hn = await copyAt(letter.id, soHaNoi);
    const hnName = (
      await t.db.selectFrom('organizations').select('name').where('id', '=', soHaNoi).executeTakeFirstOrThrow()
    ).name;
    // Nothing yet: 01 (arrived) is not news.
    expect(await about(specialist, 'outgoing.recipient_registered', letter.id)).toEqual([]);

    const reg = await hnClerk.post(`/api/v1/incoming-documents/${hn.id}/register`, { version: hn.version });
    expect(reg.statusCode, reg.body).toBe(200);
    for (const who of [specialist, clerk]) {
      const [n] = await about(who, 'outgoing.recipient_registered', letter.id);
      expect(n).toMatchObject({
        title: { vi: 'Nơi nhận đã tiếp nhận văn bản', en: 'A recipient registered the document' },
        body: { vi: `${hnName} — ${letter.fullNumber}: ${letter.subject}` },
      });
    }
    // Presenting keeps 03: no second notice.
    expect((await hnClerk.post(`/api/v1/incoming-documents/${hn.id}/present`, {})).statusCode).toBe(200);
    expect(await about(specialist, 'outgoing.recipient_registered', letter.id)).toHaveLength(1);

    const directed = await hnLeader.post(`/api/v1/incoming-documents/${hn.id}/direct`, {
      lead: { unitId: await unitId(t.db, 'so-ha-noi-gdpt') },
      workingDays: 5,
    });
    expect(directed.statusCode, directed.body).toBe(200);
    expect(await about(specialist, 'outgoing.recipient_assigned', letter.id)).toHaveLength(1);
    expect(await about(clerk, 'outgoing.recipient_assigned', letter.id)).toHaveLength(1);

    const unit = directed.json().assignments.find((a: { role: string }) => a.role === 'lead');
    const assigned = await hnHead.post(`/api/v1/incoming-documents/${hn.id}/assign`, {
      assignmentId: unit.id,
      leadUserId: hnSpecialist.me.user.id,
    });
    expect(assigned.json().status).toBe('in_progress');
    expect(await about(specialist, 'outgoing.recipient_in_progress', letter.id)).toHaveLength(1);

    const done = await hnSpecialist.post(`/api/v1/incoming-documents/${hn.id}/complete`, { note: 'Đã triển khai' });
    expect(done.statusCode, done.body).toBe(200);
    const [completed] = await about(clerk, 'outgoing.recipient_completed', letter.id);
    expect(completed!.title.vi).toBe('Nơi nhận đã hoàn thành xử lý văn bản');

    const na = await copyAt(letter.id, soNgheAn);
    const refused = await naClerk.post(`/api/v1/incoming-documents/${na.id}/refuse`, {
      note: 'Không thuộc thẩm quyền giải quyết',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const [refusal] = await about(specialist, 'outgoing.recipient_refused', letter.id);
    expect(refusal!.title.vi).toBe('Nơi nhận từ chối tiếp nhận văn bản');
    expect(refusal!.body!.vi).toContain(letter.fullNumber);
    expect(refusal!.body!.vi).toContain('Lý do: Không thuộc thẩm quyền giải quyết');
    expect(refusal!.body!.en).toContain('Reason: Không thuộc thẩm quyền giải quyết');
    expect(await about(clerk, 'outgoing.recipient_refused', letter.id)).toHaveLength(1);

    // The leader who signed is neither the drafter nor a clerk: not told.
    const leaderKinds = (await noticesOf(leader))
      .filter((n) => n.link === `/e-office/outgoing/${letter.id}`)
      .map((n) => n.kind);
    expect(leaderKinds.filter((k) => k.startsWith('outgoing.recipient_'))).toEqual([]);
  });

  it('a classified document: the notice names neither its number nor its subject, nor the reason', async () => {
    const letter = await issued({ recipients: { internal: [soNgheAn], external: [] } });
    // Classified documents are not sent on EduGov today; the rule must hold should one ever be (reclassified here).
    await t.db
      .updateTable('outgoing_documents')
      .set({ confidentiality: 'confidential' })
      .where('id', '=', letter.id)
      .execute();
    const na = await copyAt(letter.id, soNgheAn);
    expect(
      (await naClerk.post(`/api/v1/incoming-documents/${na.id}/refuse`, { note: 'Nội dung mật bị lộ' })).statusCode,
    ).toBe(200);
    const [n] = await about(specialist, 'outgoing.recipient_refused', letter.id);
    expect(n!.body!.vi).toContain('Văn bản mật — mở EduGov để xem');
    expect(n!.body!.vi).not.toContain(letter.fullNumber);
    expect(n!.body!.vi).not.toContain(letter.subject);
    expect(n!.body!.vi).not.toContain('Nội dung mật');
  });
});

describe('[ISSUING — SENDER] completing the answered incoming document is the draft’s choice', () => {
  async function askedAndDirected() {
    const asked = await registerIncoming(clerk, { issuerName: 'Sở Giáo dục và Đào tạo Hà Nội' });
    expect((await clerk.post(`/api/v1/incoming-documents/${asked.id}/present`, {})).statusCode).toBe(200);
    const directed = await leader.post(`/api/v1/incoming-documents/${asked.id}/direct`, {
      lead: { userId: specialist.me.user.id },
      workingDays: 5,
    });
    expect(directed.statusCode, directed.body).toBe(200);
    return asked.id as string;
  }

  it('defaults to true, can be switched off on the draft, and then issuing leaves the incoming one open', async () => {
    const askedId = await askedAndDirected();
    const draft = await writeDraft(specialist, { answersIncomingId: askedId });
    expect(draft.completesAnswered).toBe(true);
    const saved = await specialist.patch(`/api/v1/outgoing-documents/${draft.id}`, {
      version: draft.version,
      completesAnswered: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().completesAnswered).toBe(false);
    const cmp = await specialist.get(`/api/v1/outgoing-documents/${draft.id}/revisions/compare?from=1&to=2`);
    expect(cmp.json().fields).toContainEqual({ field: 'completesAnswered', before: true, after: false });

    const letter = await issued({
      answersIncomingId: askedId,
      completesAnswered: false,
      recipients: { internal: [soHaNoi], external: [] },
    });
    const after = (await clerk.get(`/api/v1/incoming-documents/${askedId}`)).json();
    expect(after.status).toBe('in_progress');
    expect(after.answeredBy).toBeNull();
    expect((await clerk.get(`/api/v1/outgoing-documents/${letter.id}`)).json().completesAnswered).toBe(false);
  });

  it('left on, issuing completes it with the number', async () => {
    const askedId = await askedAndDirected();
    const letter = await issued({ answersIncomingId: askedId, recipients: { internal: [soHaNoi], external: [] } });
    expect((await clerk.get(`/api/v1/incoming-documents/${askedId}`)).json()).toMatchObject({
      status: 'completed',
      answeredBy: letter.fullNumber,
    });
  });
});

describe('[ISSUING — SENDER] refusal only of a copy that came through an EduGov dispatch', () => {
  it('a received copy with a sender dispatch offers refuse; one without a dispatch does not (403)', async () => {
    const letter = await issued({ recipients: { internal: [soHaNoi], external: [] } });
    const dispatched = await copyAt(letter.id, soHaNoi);
    expect((await hnClerk.get(`/api/v1/incoming-documents/${dispatched.id}`)).json().actions).toEqual([
      'register',
      'refuse',
    ]);
    // Nobody sent this one through a dispatch (as when it came in by other means): nothing to refuse to.
    const fileId = await uploadPdf(hnClerk);
    const moet = await organizationId(t.db, 'moet');
    const undispatched = await t.db.transaction().execute((trx) =>
      receiveIncoming(trx, t, {
        organizationId: soHaNoi,
        senderOrganizationId: moet,
        sourceReference: 'outgoing:00000000-0000-4000-8000-000000000000',
        sentBy: hnClerk.me.user.id,
        issuerName: 'Bộ Giáo dục và Đào tạo',
        numberNotation: '77/BGDĐT-VP',
        documentDate: '2026-11-20',
        docType: 'notice',
        subject: 'Thông báo không qua phát hành',
        urgency: 'normal',
        confidentiality: 'normal',
        mainFileId: fileId,
      }),
    );
    const detail = (await hnClerk.get(`/api/v1/incoming-documents/${undispatched.id}`)).json();
    expect(detail.actions).toEqual(['register']);
    const res = await hnClerk.post(`/api/v1/incoming-documents/${undispatched.id}/refuse`, { note: 'Gửi nhầm' });
    expect(res.statusCode).toBe(403);
    expect((await hnClerk.get(`/api/v1/incoming-documents/${undispatched.id}`)).json().status).toBe('received');
  });

  it('a paper document entered by the clerk is registered already: no refuse, and refusing it is 409', async () => {
    const paper = await registerIncoming(hnClerk);
    expect(paper.actions).not.toContain('refuse');
    const res = await hnClerk.post(`/api/v1/incoming-documents/${paper.id}/refuse`, { note: 'Không nhận' });
    expect(res.statusCode).toBe(409);
  });

  it('a registered EduGov copy can no longer be refused', async () => {
    const letter = await issued({ recipients: { internal: [soHaNoi], external: [] } });
    const copy = await copyAt(letter.id, soHaNoi);
    expect(
      (await hnClerk.post(`/api/v1/incoming-documents/${copy.id}/register`, { version: copy.version })).statusCode,
    ).toBe(200);
    const detail = (await hnClerk.get(`/api/v1/incoming-documents/${copy.id}`)).json();
    expect(detail.actions).not.toContain('refuse');
    expect((await hnClerk.post(`/api/v1/incoming-documents/${copy.id}/refuse`, { note: 'Muộn' })).statusCode).toBe(409);
  });
});
