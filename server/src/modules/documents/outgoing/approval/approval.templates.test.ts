/**
 * [OUTGOING] Managing approval routes (PATCH /api/v1/approval-templates/:id): renaming, changing stages,
 * making another the default, retiring and restoring, with audit and the version check; and the people a
 * route's steps show (the person who acted or who holds the role, with their position).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { takeStep, writeDraft } from '../drafts/drafts.fixtures.ts';

let t: TestApp;
let admin: Client, leader: Client, specialist: Client, head: Client, clerk: Client, foreignAdmin: Client;

beforeAll(async () => {
  t = await createTestApp();
  [admin, leader, specialist, head, clerk, foreignAdmin] = (await Promise.all(
    ['bgd.quantri', 'bgd.lanhdao', 'bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'hn.quantri'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client, Client, Client];
});
afterAll(() => t.close());

const stages = [
  { name: 'Lãnh đạo đơn vị duyệt', kind: 'review', mode: 'any', reviewers: [{ role: 'unit_head' }] },
  { name: 'Lãnh đạo Bộ duyệt, ký', kind: 'approve', mode: 'any', reviewers: [{ role: 'leader' }] },
];

type Template = { id: string; name: string; isDefault: boolean; active: boolean; version: number; steps: unknown[] };

async function templates(client: Client, includeRetired = false): Promise<Template[]> {
  const res = await client.get(`/api/v1/approval-templates${includeRetired ? '?includeRetired=true' : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function create(name: string): Promise<Template> {
  const res = await admin.post('/api/v1/approval-templates', { name, steps: stages });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const auditOf = (id: string) =>
  t.db.selectFrom('audit_log').select(['action', 'summary']).where('target_id', '=', id).orderBy('seq').execute();

describe('[OUTGOING] editing approval templates', () => {
  it('renames a route and changes its stages, audited, with the version checked', async () => {
    const made = await create('Quy trình hai bước');
    const res = await admin.patch(`/api/v1/approval-templates/${made.id}`, {
      version: made.version,
      name: 'Quy trình ba bước',
      steps: [
        stages[0],
        { name: 'Văn phòng kiểm tra thể thức', kind: 'form_check', reviewers: [{ role: 'clerk' }] },
        stages[1],
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Quy trình ba bước',
      version: made.version + 1,
      active: true,
      steps: [
        { kind: 'review' },
        { kind: 'form_check', mode: 'all', reviewers: [{ role: 'clerk' }] },
        { kind: 'approve' },
      ],
    });
    expect((await templates(specialist)).find((x) => x.id === made.id)?.name).toBe('Quy trình ba bước');

    // The version read is stale now.
    const stale = await leader.patch(`/api/v1/approval-templates/${made.id}`, { version: made.version, name: 'Khác' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('record.conflict');

    const audit = await auditOf(made.id);
    expect(audit.map((a) => a.action)).toEqual([
      'documents.approval_template_created',
      'documents.approval_template_updated',
    ]);
    expect(audit[1]!.summary).toMatchObject({
      before: { name: 'Quy trình hai bước', stages: [{}, {}] },
      after: { name: 'Quy trình ba bước', stages: [{}, {}, {}] },
    });
  });

  it('refuses a specialist (403), another organisation (404), an invalid route and a taken name', async () => {
    const made = await create('Quy trình thẩm định');
    await create('Quy trình khẩn');
    const url = `/api/v1/approval-templates/${made.id}`;
    expect((await specialist.patch(url, { version: made.version, name: 'Của tôi' })).statusCode).toBe(403);
    expect((await foreignAdmin.patch(url, { version: made.version, name: 'Của Sở' })).statusCode).toBe(404);
    const noApproval = await admin.patch(url, { version: made.version, steps: [stages[0]] });
    expect(noApproval.statusCode).toBe(400);
    expect(noApproval.json().error.code).toBe('documents.invalid_template');
    const taken = await admin.patch(url, { version: made.version, name: 'quy trình khẩn' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('record.duplicate');
    const unchanged = (await templates(admin)).find((x) => x.id === made.id);
    expect(unchanged).toMatchObject({ name: 'Quy trình thẩm định', version: made.version });
  });

  it('retires a route: no longer offered or usable, listed for administrators, restorable', async () => {
    const made = await create('Quy trình cũ');
    const retired = await leader.patch(`/api/v1/approval-templates/${made.id}`, {
      version: made.version,
      active: false,
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ active: false, isDefault: false });
    expect((await templates(specialist)).map((x) => x.id)).not.toContain(made.id);
    expect((await specialist.get('/api/v1/approval-templates?includeRetired=true')).statusCode).toBe(403);
    const all = await templates(admin, true);
    expect(all.find((x) => x.id === made.id)).toMatchObject({ active: false });
    expect(all.at(-1)!.active).toBe(false);

    const draft = await writeDraft(specialist, { subject: 'V/v dùng quy trình đã ngừng' });
    const refused = await specialist.post(`/api/v1/outgoing-documents/${draft.id}/submit`, { templateId: made.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('documents.template_not_found');

    const restored = await admin.patch(`/api/v1/approval-templates/${made.id}`, {
      version: retired.json().version,
      active: true,
    });
    expect(restored.json()).toMatchObject({ active: true });
    await takeStep(specialist, draft.id, 'submit', { templateId: made.id });
    expect((await auditOf(made.id)).map((a) => a.action)).toEqual([
      'documents.approval_template_created',
      'documents.approval_template_retired',
      'documents.approval_template_restored',
    ]);
  });

  it('keeps one default: another becomes it, the default cannot be retired or unset', async () => {
    const before = (await templates(admin)).find((x) => x.isDefault)!;
    const retire = await admin.patch(`/api/v1/approval-templates/${before.id}`, {
      version: before.version,
      active: false,
    });
    expect(retire.statusCode).toBe(409);
    expect(retire.json().error.code).toBe('documents.default_template_required');
    const unset = await admin.patch(`/api/v1/approval-templates/${before.id}`, {
      version: before.version,
      isDefault: false,
    });
    expect(unset.statusCode).toBe(409);

    const made = await create('Quy trình mới mặc định');
    const promoted = await admin.patch(`/api/v1/approval-templates/${made.id}`, {
      version: made.version,
      isDefault: true,
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    const list = await templates(specialist);
    expect(list[0]).toMatchObject({ id: made.id, isDefault: true });
    expect(list.filter((x) => x.isDefault)).toHaveLength(1);

    // A submission without a chosen route now follows the new default.
    const draft = await writeDraft(specialist, { subject: 'V/v theo quy trình mặc định mới' });
    const submitted = await takeStep(specialist, draft.id, 'submit', {});
    expect(submitted.route).toMatchObject({ templateId: made.id, templateName: 'Quy trình mới mặc định' });

    // The old default may be retired now.
    const old = (await templates(admin)).find((x) => x.id === before.id)!;
    const retiredOld = await admin.patch(`/api/v1/approval-templates/${old.id}`, {
      version: old.version,
      active: false,
    });
    expect(retiredOld.statusCode, retiredOld.body).toBe(200);
    // Give the default back for the next tests.
    const back = await admin.patch(`/api/v1/approval-templates/${old.id}`, {
      version: retiredOld.json().version,
      active: true,
      isDefault: true,
    });
    expect(back.json()).toMatchObject({ isDefault: true, active: true });
  });

  it('does not change a route under way when its template changes', async () => {
    const made = await create('Quy trình đang dùng');
    const draft = await writeDraft(specialist, { subject: 'V/v quy trình đang chạy' });
    await takeStep(specialist, draft.id, 'submit', { templateId: made.id });
    await admin.patch(`/api/v1/approval-templates/${made.id}`, {
      version: made.version,
      name: 'Quy trình đã sửa',
      steps: [{ name: 'Chỉ lãnh đạo', kind: 'approve', reviewers: [{ role: 'leader' }] }],
    });
    const doc = (await specialist.get(`/api/v1/outgoing-documents/${draft.id}`)).json();
    expect(doc.route).toMatchObject({ templateName: 'Quy trình đang dùng', stages: [{}, {}] });
  });
});

describe('[OUTGOING] who a step is with', () => {
  it('shows the people holding a role while it waits, and who acted with their position', async () => {
    const draft = await writeDraft(specialist, { subject: 'V/v người duyệt và chức vụ' });
    const submitted = await takeStep(specialist, draft.id, 'submit', {});
    const [first] = submitted.steps;
    expect(first).toMatchObject({
      status: 'pending',
      reviewerRole: 'unit_head',
      reviewerName: null,
      decidedByName: null,
      assignees: [{ userId: head.me.user.id, name: 'Phạm Quốc Hùng', position: 'Vụ trưởng' }],
    });
    await takeStep(head, draft.id, 'approve', { comment: 'Đồng ý' });
    const checked = await takeStep(clerk, draft.id, 'approve', {});
    const [reviewed, formChecked, atLeader] = checked.steps;
    expect(reviewed).toMatchObject({
      status: 'approved',
      decidedByName: 'Phạm Quốc Hùng',
      decidedByPosition: 'Vụ trưởng',
      assignees: [],
    });
    expect(formChecked).toMatchObject({ decidedByName: 'Lê Thị Hồng', decidedByPosition: 'Văn thư' });
    expect(atLeader).toMatchObject({
      status: 'pending',
      reviewerRole: 'leader',
      assignees: [expect.objectContaining({ name: 'Nguyễn Văn Minh', position: 'Thứ trưởng' })],
    });

    // Forwarded by name: the colleague and their position.
    const forwarded = await takeStep(leader, draft.id, 'forward', { toUserId: head.me.user.id });
    expect(forwarded.steps.at(-2)).toMatchObject({ status: 'forwarded', decidedByName: 'Nguyễn Văn Minh' });
    expect(forwarded.steps.at(-1)).toMatchObject({
      status: 'pending',
      reviewerName: 'Phạm Quốc Hùng',
      reviewerPosition: 'Vụ trưởng',
      assignees: [],
    });
  });
});
