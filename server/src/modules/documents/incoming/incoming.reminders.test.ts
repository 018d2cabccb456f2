/**
 * [INCOMING] Deadlines: "due soon" and "overdue" views, and the scheduled reminders (once per assignment,
 * to the assignee, and for an overdue one also to whoever set the deadline).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../calendar/index.ts';
import { unitId } from '../../../test/factories.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { vietnamDate, addDays } from '../../../platform/time.ts';
import { deadlineRemindersJob } from './incoming.jobs.ts';
import { registerIncoming } from './incoming.fixtures.ts';
import { sendDeadlineReminders } from './incoming.reminders.ts';

let t: TestApp;
let clerk: Client, director: Client, head: Client, specialist: Client;
let gdpt: string;

beforeAll(async () => {
  t = await createTestApp();
  [clerk, director, head, specialist] = (await Promise.all(
    ['hn.vanthu', 'hn.lanhdao', 'hn.truongphong', 'hn.chuyenvien'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client];
  gdpt = await unitId(t.db, 'so-ha-noi-gdpt');
});
afterAll(() => t.close());

async function inProgress(workingDays: number) {
  const doc = await registerIncoming(clerk);
  await clerk.post(`/api/v1/incoming-documents/${doc.id}/present`, {});
  const directed = (
    await director.post(`/api/v1/incoming-documents/${doc.id}/direct`, { lead: { unitId: gdpt }, workingDays })
  ).json();
  const unit = directed.assignments.find((a: { role: string }) => a.role === 'lead');
  await head.post(`/api/v1/incoming-documents/${doc.id}/assign`, {
    assignmentId: unit.id,
    leadUserId: specialist.me.user.id,
  });
  return doc.id as string;
}

/** Arrange: move a document's deadlines to a past date (as if the days had gone by). */
async function setDeadline(documentId: string, date: string) {
  await t.db
    .updateTable('incoming_assignments')
    .set({ deadline: date })
    .where('document_id', '=', documentId)
    .where('role', '<>', 'info')
    .execute();
  await t.db.updateTable('incoming_documents').set({ due_date: date }).where('id', '=', documentId).execute();
}

const ids = async (c: Client, view: string) =>
  (await c.get(`/api/v1/incoming-documents?view=${view}&limit=200`)).json().items.map((d: { id: string }) => d.id);
const noticesFor = async (c: Client, documentId: string) =>
  ((await c.get('/api/v1/notifications?limit=100')).json().items as { kind: string; link: string }[])
    .filter((n) => n.link.endsWith(documentId))
    .map((n) => n.kind);

describe('[INCOMING] deadlines', () => {
  it('shows documents due within N working days as due soon, and past ones as overdue, to everyone concerned', async () => {
    const soon = await inProgress(1);
    const late = await inProgress(10);
    await setDeadline(late, addDays(vietnamDate(), -3));
    for (const c of [specialist, head, director]) {
      expect(await ids(c, 'due_soon')).toContain(soon);
      expect(await ids(c, 'overdue')).toContain(late);
      expect(await ids(c, 'overdue')).not.toContain(soon);
    }
    const list = (await director.get('/api/v1/incoming-documents?overdue=true&limit=200')).json();
    expect(list.items.find((d: { id: string }) => d.id === late).overdue).toBe(true);
    expect((await director.get('/api/v1/incoming-documents/counts')).json().overdue.total).toBeGreaterThanOrEqual(1);
  });

  it('reminds the assignee once when due soon, and assignee and assigner once when overdue', async () => {
    const soon = await inProgress(1);
    const late = await inProgress(10);
    await setDeadline(late, addDays(vietnamDate(), -1));
    const first = await sendDeadlineReminders(t);
    expect(first.dueSoon).toBeGreaterThanOrEqual(1);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect(await noticesFor(specialist, soon)).toContain('incoming.due_soon');
    expect(await noticesFor(specialist, late)).toContain('incoming.overdue');
    expect(await noticesFor(head, late)).toContain('incoming.overdue'); // the head set the specialist's deadline
    expect(await noticesFor(head, soon)).not.toContain('incoming.due_soon');

    const second = await sendDeadlineReminders(t);
    expect(second).toEqual({ dueSoon: 0, overdue: 0 });
    expect((await noticesFor(specialist, late)).filter((k) => k === 'incoming.overdue')).toHaveLength(1);
  });

  it('counts "due soon" in working days: a deadline after a weekend is not yet due soon on Friday', async () => {
    const doc = await inProgress(10);
    const friday = new Date('2026-11-27T03:00:00Z'); // Friday 27/11/2026, 10:00 in Hà Nội
    const monday = '2026-11-30';
    const wednesday = '2026-12-02';
    expect((await addWorkingDays(t.db, friday, 2)).dueDate).toBe('2026-12-01');
    await setDeadline(doc, wednesday);
    await sendDeadlineReminders(t, friday);
    expect(await noticesFor(specialist, doc)).not.toContain('incoming.due_soon');
    await setDeadline(doc, monday);
    await sendDeadlineReminders(t, friday);
    expect(await noticesFor(specialist, doc)).toContain('incoming.due_soon');
  });

  it('runs as a scheduled job through the queue', async () => {
    const doc = await inProgress(10);
    await setDeadline(doc, addDays(vietnamDate(), -2));
    await t.db.transaction().execute((trx) => t.jobs.enqueue(trx, deadlineRemindersJob, {}));
    const deadline = Date.now() + 30_000;
    while (!(await noticesFor(specialist, doc)).includes('incoming.overdue')) {
      if (Date.now() > deadline) throw new Error('the reminder job did not run');
      await new Promise((r) => setTimeout(r, 300));
    }
  });
});
