/**
 * [INCOMING] The permission matrix of every step: who may take it (200), who may see the document but not
 * take the step (403), who may not even see it (404), and the wrong state (409). Each cell starts from a
 * fresh document driven to the state the step needs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, unitId } from '../../../test/factories.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { registerIncoming } from './incoming.fixtures.ts';

let t: TestApp;
const who: Record<string, Client> = {};
let gdpt: string;

beforeAll(async () => {
  t = await createTestApp();
  await createPerson(t.db, {
    username: 'hn.truongphong2',
    fullName: 'Lê Văn Khang',
    org: 'so-ha-noi',
    unit: 'so-ha-noi-khtc',
    roles: ['unit_head'],
  });
  await createPerson(t.db, {
    username: 'hn.chuyenvien2',
    fullName: 'Phạm Thị Lan',
    org: 'so-ha-noi',
    unit: 'so-ha-noi-gdpt',
    roles: ['specialist'],
  });
  const logins = {
    clerk: 'hn.vanthu',
    leader: 'hn.lanhdao',
    headLead: 'hn.truongphong',
    headOther: 'hn.truongphong2',
    specLead: 'hn.chuyenvien',
    specOther: 'hn.chuyenvien2',
    foreign: 'bgd.lanhdao',
  };
  for (const [role, username] of Object.entries(logins)) who[role] = await t.login(username);
  gdpt = await unitId(t.db, 'so-ha-noi-gdpt');
});
afterAll(() => t.close());

type State =
  | 'received'
  | 'registered'
  | 'presented'
  | 'assigned'
  | 'in_progress'
  | 'supported'
  | 'extension_pending'
  | 'completed';

async function documentIn(
  state: State,
): Promise<{ id: string; version: number; extensionId?: string; unitAssignmentId?: string }> {
  const { clerk, leader, headLead, specLead } = who as Record<string, Client>;
  if (state === 'received') {
    const { receiveIncoming } = await import('../index.ts');
    const moet = await t.db
      .selectFrom('organizations')
      .select('id')
      .where('seed_key', '=', 'moet')
      .executeTakeFirstOrThrow();
    const doc = await registerIncoming(clerk!); // only to get an attachable file id
    const fileId = doc.files[0].fileId;
    const received = await t.db.transaction().execute((trx) =>
      receiveIncoming(trx, t, {
        organizationId: clerk!.me.organizationId,
        senderOrganizationId: moet.id,
        sourceReference: `test:${Math.random()}`,
        sentBy: clerk!.me.user.id,
        issuerName: 'Bộ Giáo dục và Đào tạo',
        numberNotation: `${Math.floor(Math.random() * 1e6)}/BGDĐT-VP`,
        documentDate: '2026-11-25',
        docType: 'notice',
        subject: 'Thông báo',
        urgency: 'normal',
        confidentiality: 'normal',
        mainFileId: fileId,
      }),
    );
    return { id: received.id, version: received.version };
  }
  let doc = await registerIncoming(clerk!);
  const step = async (c: Client, path: string, body: unknown) => {
    const res = await c.post(`/api/v1/incoming-documents/${doc.id}/${path}`, body);
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    doc = res.json();
  };
  if (state === 'registered') return doc;
  await step(clerk!, 'present', {});
  if (state === 'presented') return doc;
  await step(leader!, 'direct', {
    lead: { unitId: gdpt },
    workingDays: 10,
    ...(state === 'supported'
      ? { supports: [{ userId: who.specOther!.me.user.id }], infos: [{ userId: who.clerk!.me.user.id }] }
      : {}),
  });
  const unitAssignmentId = doc.assignments.find(
    (a: { role: string; status: string }) => a.role === 'lead' && a.status === 'active',
  ).id;
  if (state === 'assigned') return { ...doc, unitAssignmentId };
  await step(headLead!, 'assign', { assignmentId: unitAssignmentId, leadUserId: specLead!.me.user.id, workingDays: 5 });
  if (state === 'in_progress' || state === 'supported') return { ...doc, unitAssignmentId };
  if (state === 'extension_pending') {
    const due = doc.assignments.find(
      (a: { parentId: string | null; status: string }) => a.parentId && a.status === 'active',
    ).deadline;
    const later = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await step(specLead!, 'request-extension', { requestedDeadline: later, reason: 'Cần thêm thời gian' });
    return { ...doc, extensionId: doc.extensions[0].id };
  }
  await step(specLead!, 'complete', { note: 'Xong' });
  return doc;
}

interface Row {
  action: string;
  state: State;
  body: (d: Awaited<ReturnType<typeof documentIn>>) => Record<string, unknown>;
  expect: Partial<Record<Actor, number>>;
}
type Actor = 'clerk' | 'leader' | 'headLead' | 'headOther' | 'specLead' | 'specOther' | 'foreign';

const MATRIX: Row[] = [
  {
    action: 'register',
    state: 'received',
    body: (d) => ({ version: d.version }),
    expect: { clerk: 200, leader: 403, specLead: 404, foreign: 404 },
  },
  {
    action: 'present',
    state: 'registered',
    body: () => ({}),
    expect: { clerk: 200, leader: 403, headLead: 404, specLead: 404, foreign: 404 },
  },
  {
    action: 'direct',
    state: 'presented',
    body: () => ({ lead: { unitId: gdpt }, workingDays: 3 }),
    expect: { leader: 200, clerk: 403, headLead: 404, foreign: 404 },
  },
  {
    action: 'assign',
    state: 'assigned',
    body: (d) => ({ assignmentId: d.unitAssignmentId, leadUserId: who.specLead!.me.user.id }),
    expect: { headLead: 200, leader: 403, clerk: 403, headOther: 404, specLead: 404 },
  },
  {
    action: 'comment',
    state: 'in_progress',
    body: () => ({ note: 'Ý kiến' }),
    expect: { specLead: 200, headLead: 200, leader: 200, clerk: 403, specOther: 404, headOther: 404 },
  },
  {
    action: 'request-extension',
    state: 'in_progress',
    body: () => ({ requestedDeadline: '2099-12-31', reason: 'Thêm thời gian' }),
    expect: { specLead: 200, headLead: 200, leader: 403, clerk: 403, specOther: 404 },
  },
  {
    action: 'decide-extension',
    state: 'extension_pending',
    body: (d) => ({ extensionId: d.extensionId, approve: true }),
    expect: { headLead: 200, leader: 403, specLead: 403, clerk: 403, specOther: 404 },
  },
  {
    action: 'return',
    state: 'in_progress',
    body: () => ({ note: 'Trả lại' }),
    expect: { specLead: 200, headLead: 200, leader: 403, clerk: 403, specOther: 404 },
  },
  {
    action: 'complete',
    state: 'in_progress',
    body: () => ({}),
    expect: { specLead: 200, headLead: 200, leader: 200, clerk: 403, specOther: 404, headOther: 404, foreign: 404 },
  },
  {
    action: 'recall',
    state: 'in_progress',
    body: () => ({}),
    expect: { leader: 200, headLead: 200, clerk: 403, specLead: 403 },
  },
  {
    action: 'close',
    state: 'in_progress',
    body: () => ({ note: 'Kết thúc' }),
    expect: { leader: 200, headLead: 200, clerk: 403, specLead: 403, specOther: 404 },
  },
  // A supporting person (phối hợp) gives opinions and completes their own part; those informed only read.
  {
    action: 'comment',
    state: 'supported',
    body: () => ({ note: 'Ý kiến phối hợp' }),
    expect: { specOther: 200, clerk: 403 },
  },
  {
    action: 'complete',
    state: 'supported',
    body: () => ({ note: 'Xong phần phối hợp' }),
    expect: { specOther: 200, clerk: 403 },
  },
  {
    action: 'return',
    state: 'supported',
    body: () => ({ note: 'Không thuộc phạm vi' }),
    expect: { specOther: 200, clerk: 403 },
  },
  // Wrong state: 409 with a code, whoever asks.
  { action: 'present', state: 'in_progress', body: () => ({}), expect: { clerk: 409 } },
  { action: 'direct', state: 'registered', body: () => ({ lead: { unitId: gdpt } }), expect: { leader: 409 } },
  {
    action: 'assign',
    state: 'presented',
    body: () => ({ assignmentId: '00000000-0000-4000-8000-000000000000', leadUserId: who.specLead!.me.user.id }),
    expect: { headLead: 404, leader: 409 },
  },
  { action: 'complete', state: 'presented', body: () => ({}), expect: { leader: 409 } },
  { action: 'complete', state: 'completed', body: () => ({}), expect: { specLead: 409, leader: 409 } },
  { action: 'register', state: 'registered', body: (d) => ({ version: d.version }), expect: { clerk: 409 } },
  { action: 'close', state: 'completed', body: () => ({ note: 'x' }), expect: { leader: 409 } },
];

describe('[INCOMING] permission matrix', () => {
  for (const row of MATRIX) {
    for (const [role, status] of Object.entries(row.expect)) {
      it(`${row.action} on a ${row.state} document by ${role} → ${status}`, async () => {
        const doc = await documentIn(row.state);
        const before = await t.db
          .selectFrom('incoming_documents')
          .select(['status', 'version'])
          .where('id', '=', doc.id)
          .executeTakeFirstOrThrow();
        const trailBefore = (
          await t.db.selectFrom('incoming_events').select('id').where('document_id', '=', doc.id).execute()
        ).length;
        const auditBefore = (await t.db.selectFrom('audit_log').select('seq').where('target_id', '=', doc.id).execute())
          .length;
        const res = await who[role]!.post(`/api/v1/incoming-documents/${doc.id}/${row.action}`, row.body(doc));
        expect(res.statusCode, res.body).toBe(status);
        const after = await t.db
          .selectFrom('incoming_documents')
          .select(['status', 'version'])
          .where('id', '=', doc.id)
          .executeTakeFirstOrThrow();
        const trail = () => t.db.selectFrom('incoming_events').select('id').where('document_id', '=', doc.id).execute();
        const audit = () => t.db.selectFrom('audit_log').select('seq').where('target_id', '=', doc.id).execute();
        if (status === 200) {
          expect(after.version).toBe(before.version + 1);
          const [lastEvent] = await t.db
            .selectFrom('incoming_events')
            .select(['action', 'actor_user_id'])
            .where('document_id', '=', doc.id)
            .orderBy('id', 'desc')
            .limit(1)
            .execute();
          expect(lastEvent!.actor_user_id).toBe(who[role]!.me.user.id);
          const [lastAudit] = await t.db
            .selectFrom('audit_log')
            .select(['action', 'actor_user_id'])
            .where('target_id', '=', doc.id)
            .orderBy('seq', 'desc')
            .limit(1)
            .execute();
          expect(lastAudit).toEqual({
            action: `documents.incoming_${lastEvent!.action}`,
            actor_user_id: who[role]!.me.user.id,
          });
          if (row.state === 'supported' && row.action !== 'comment') expect(after.status).toBe('in_progress');
        } else {
          expect(res.json().error.code).toBe(
            { 403: 'auth.forbidden', 404: 'record.not_found', 409: 'documents.invalid_state' }[status],
          );
          expect(after).toEqual(before);
          expect((await trail()).length).toBe(trailBefore);
          expect((await audit()).length).toBe(auditBefore);
        }
      });
    }
  }
});
