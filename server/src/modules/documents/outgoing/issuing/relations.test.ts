/**
 * Thay thế, đính chính (STANDARDS §1.7 step 8): a draft points to an issued document of its organisation; once
 * issued, both sides show the link with their numbers and the old document's trail records it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { organizationId, takeStep, writeDraft } from '../drafts/drafts.fixtures.ts';

let t: TestApp;
let specialist: Client, head: Client, clerk: Client, leader: Client, hnClerk: Client;
let soHaNoi: string;

beforeAll(async () => {
  t = await createTestApp();
  [specialist, head, clerk, leader, hnClerk] = (await Promise.all(
    ['bgd.chuyenvien', 'bgd.truongvu', 'bgd.vanthu', 'bgd.lanhdao', 'hn.vanthu'].map((u) => t.login(u)),
  )) as Client[] as [Client, Client, Client, Client, Client];
  soHaNoi = await organizationId(t.db, 'so-ha-noi');
});
afterAll(() => t.close());

async function approved(overrides: Record<string, unknown> = {}) {
  const draft = await writeDraft(specialist, {
    recipients: { internal: [soHaNoi], external: [] },
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
const issue = (id: string) => takeStep(clerk, id, 'issue', {});
const detail = async (id: string) => (await clerk.get(`/api/v1/outgoing-documents/${id}`)).json();

describe('[ISSUING] replacement and correction', () => {
  it('a replacement and a correction, once issued, link both ways with numbers and mark the old trail', async () => {
    const old = await issue((await approved({ subject: 'V/v tổ chức thi học sinh giỏi' })).id);
    expect(old.fullNumber).toBeTruthy();

    const replacement = await approved({
      subject: 'V/v tổ chức thi học sinh giỏi (thay thế)',
      relatesTo: { documentId: old.id, kind: 'replaces' },
    });
    expect(replacement.replaces).toMatchObject({ id: old.id, fullNumber: old.fullNumber });
    // Not issued yet: the old document does not show it, its trail is untouched.
    expect((await detail(old.id)).replacedBy).toEqual([]);

    const issuedReplacement = await issue(replacement.id);
    const correction = await issue(
      (await approved({ subject: 'V/v đính chính', relatesTo: { documentId: old.id, kind: 'corrects' } })).id,
    );
    expect(correction.corrects).toMatchObject({ id: old.id, fullNumber: old.fullNumber });

    const after = await detail(old.id);
    expect(after.status).toBe('issued');
    expect(after.replacedBy).toEqual([
      expect.objectContaining({ id: replacement.id, fullNumber: issuedReplacement.fullNumber }),
    ]);
    expect(after.correctedBy).toEqual([
      expect.objectContaining({ id: correction.id, fullNumber: correction.fullNumber }),
    ]);
    const actions = after.trail.map((e: { action: string }) => e.action);
    expect(actions).toContain('replaced');
    expect(actions).toContain('corrected');
    const row = await t.db
      .selectFrom('outgoing_documents')
      .select('replaced_by_id')
      .where('id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(row.replaced_by_id).toBe(replacement.id);
    // Still visible in the list of issued documents.
    const listed = (await clerk.get(`/api/v1/outgoing-documents?status=issued&limit=100`)).json().items;
    expect(listed.map((d: { id: string }) => d.id)).toContain(old.id);
  });

  it('refuses a target that is not an issued document of the organisation, writing nothing', async () => {
    const draft = await writeDraft(specialist);
    const hnDraft = await writeDraft(hnClerk);
    // Another organisation's document counts as issued here: still not a target for Bộ GD&ĐT.
    const hnIssuedLike = await t.db
      .updateTable('outgoing_documents')
      .set({ status: 'issued' })
      .where('id', '=', hnDraft.id)
      .returning('id')
      .executeTakeFirstOrThrow();
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('outgoing_documents')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const documentId of [draft.id, hnIssuedLike.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await specialist.post('/api/v1/outgoing-documents', {
        docType: 'official_letter',
        subject: 'V/v thay thế',
        relatesTo: { documentId, kind: 'replaces' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('documents.invalid_relation');
    }
    expect(await count()).toBe(before);
    const res = await specialist.patch(`/api/v1/outgoing-documents/${draft.id}`, {
      version: draft.version,
      relatesTo: { documentId: draft.id, kind: 'corrects' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('documents.invalid_relation');
    const still = await detail(draft.id);
    expect(still.currentRevision).toBe(1);
    expect(still.corrects).toBeNull();
  });
});
