/**
 * [OUTGOING] The permission matrix of every step on a draft: who may take it (200), who may see the draft
 * but not take the step (403), who may not even see it (404), and the wrong state (409). Each cell starts
 * from a fresh Công văn of Bộ GD&ĐT driven to the state the step needs; a refused step changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamDate } from '../../../../platform/time.ts';
import { createPerson } from '../../../../test/factories.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { takeStep, writeDraft } from '../drafts/drafts.fixtures.ts';

let t: TestApp;
const who: Record<string, Client> = {};

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
  await createPerson(t.db, {
    username: 'bgd.phovu',
    fullName: 'Trịnh Văn Bình',
    org: 'moet',
    unit: 'moet-gdpt',
    roles: ['specialist'],
  });
  const logins = {
    author: 'bgd.chuyenvien',
    unitHead: 'bgd.truongvu',
    clerk: 'bgd.vanthu',
    leader: 'bgd.lanhdao',
    otherHead: 'bgd.truongvu2',
    colleague: 'bgd.chuyenvien2',
    deputy: 'bgd.phovu',
    foreign: 'hn.lanhdao',
  };
  for (const [role, username] of Object.entries(logins)) who[role] = await t.login(username);
  // The Vụ trưởng hands the unit-head role to the deputy while away (ủy quyền).
  const today = vietnamDate();
  const delegated = await who.unitHead!.post('/api/v1/delegations', {
    toUserId: who.deputy!.me.user.id,
    roles: ['unit_head'],
    validFrom: today,
    validTo: addDays(today, 30),
    reason: 'Đi công tác',
  });
  expect(delegated.statusCode, delegated.body).toBe(201);
});
afterAll(() => t.close());

type State = 'draft' | 'at_unit_head' | 'at_clerk' | 'at_leader' | 'approved';
type Actor = 'author' | 'unitHead' | 'clerk' | 'leader' | 'otherHead' | 'colleague' | 'deputy' | 'foreign';

async function draftIn(state: State): Promise<{ id: string; version: number }> {
  const { author, unitHead, clerk, leader } = who as Record<string, Client>;
  let doc = await writeDraft(author!);
  if (state === 'draft') return doc;
  doc = await takeStep(author!, doc.id, 'submit', {});
  if (state === 'at_unit_head') return doc;
  doc = await takeStep(unitHead!, doc.id, 'approve', {});
  if (state === 'at_clerk') return doc;
  doc = await takeStep(clerk!, doc.id, 'approve', {});
  if (state === 'at_leader') return doc;
  return takeStep(leader!, doc.id, 'approve', {});
}

interface Row {
  action: string;
  state: State;
  body: (d: { id: string; version: number }) => Record<string, unknown>;
  expect: Partial<Record<Actor, number>>;
}

const MATRIX: Row[] = [
  {
    action: 'update',
    state: 'draft',
    body: (d) => ({ version: d.version, subject: 'V/v trích yếu đã sửa' }),
    expect: { author: 200, unitHead: 403, clerk: 403, leader: 403, otherHead: 404, colleague: 404, foreign: 404 },
  },
  {
    action: 'submit',
    state: 'draft',
    body: () => ({}),
    expect: { author: 200, unitHead: 403, leader: 403, otherHead: 404, foreign: 404 },
  },
  {
    action: 'approve',
    state: 'at_unit_head',
    body: () => ({ comment: 'Đồng ý' }),
    // The clerk and the leader hold later stages; the deputy holds the unit head's role by delegation.
    expect: {
      unitHead: 200,
      deputy: 200,
      author: 403,
      clerk: 403,
      leader: 403,
      otherHead: 404,
      colleague: 404,
      foreign: 404,
    },
  },
  {
    action: 'return',
    state: 'at_unit_head',
    body: () => ({ comment: 'Sửa lại' }),
    expect: { unitHead: 200, author: 403, clerk: 403, otherHead: 404 },
  },
  {
    action: 'forward',
    state: 'at_unit_head',
    body: () => ({ toUserId: who.colleague!.me.user.id }),
    expect: { unitHead: 200, author: 403, leader: 403, foreign: 404 },
  },
  {
    action: 'approve',
    state: 'at_clerk',
    body: () => ({ comment: 'Đúng thể thức' }),
    expect: { clerk: 200, unitHead: 403, leader: 403, author: 403, otherHead: 404 },
  },
  {
    action: 'approve',
    state: 'at_leader',
    body: () => ({}),
    expect: { leader: 200, clerk: 403, unitHead: 403, author: 403, foreign: 404 },
  },
  // Wrong state: 409 with a code, whoever may see it asks.
  { action: 'approve', state: 'draft', body: () => ({}), expect: { unitHead: 409, leader: 409 } },
  { action: 'submit', state: 'at_unit_head', body: () => ({}), expect: { author: 409 } },
  {
    action: 'update',
    state: 'at_clerk',
    body: (d) => ({ version: d.version, subject: 'Sửa khi đang trình' }),
    expect: { author: 409 },
  },
  { action: 'approve', state: 'approved', body: () => ({}), expect: { leader: 409, clerk: 409 } },
  { action: 'return', state: 'approved', body: () => ({ comment: 'Trả lại' }), expect: { leader: 409 } },
  { action: 'reject', state: 'at_leader', body: () => ({ decisionNote: 'Không' }), expect: { leader: 409 } },
];

describe('[OUTGOING] permission matrix', () => {
  for (const row of MATRIX) {
    for (const [role, status] of Object.entries(row.expect)) {
      it(`${row.action} on a draft ${row.state} by ${role} → ${status}`, async () => {
        const doc = await draftIn(row.state);
        const snapshot = async () => ({
          doc: await t.db
            .selectFrom('outgoing_documents')
            .select(['status', 'version', 'current_revision', 'subject'])
            .where('id', '=', doc.id)
            .executeTakeFirstOrThrow(),
          steps: await t.db
            .selectFrom('approval_steps')
            .select(['id', 'status'])
            .where('document_id', '=', doc.id)
            .orderBy('id')
            .execute(),
          trail: (await t.db.selectFrom('outgoing_events').select('id').where('document_id', '=', doc.id).execute())
            .length,
          audit: (await t.db.selectFrom('audit_log').select('seq').where('target_id', '=', doc.id).execute()).length,
          revisions: (
            await t.db.selectFrom('outgoing_revisions').select('id').where('document_id', '=', doc.id).execute()
          ).length,
        });
        const before = await snapshot();
        const path = row.action === 'update' ? '' : `/${row.action}`;
        const url = `/api/v1/outgoing-documents/${doc.id}${path}`;
        const res =
          row.action === 'update'
            ? await who[role]!.patch(url, row.body(doc))
            : await who[role]!.post(url, row.body(doc));
        expect(res.statusCode, res.body).toBe(status);
        const after = await snapshot();
        if (status === 200) {
          expect(after.doc.version).toBe(before.doc.version + 1);
          const [lastEvent] = await t.db
            .selectFrom('outgoing_events')
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
            action: `documents.outgoing_${lastEvent!.action}`,
            actor_user_id: who[role]!.me.user.id,
          });
        } else {
          expect(res.json().error.code).toBe(
            { 403: 'auth.forbidden', 404: 'record.not_found', 409: 'documents.invalid_state' }[status],
          );
          expect(after).toEqual(before);
        }
      });
    }
  }
});
