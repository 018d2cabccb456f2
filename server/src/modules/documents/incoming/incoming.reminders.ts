/**
 * Deadline reminders, run by a scheduled job: assignees hear once when a deadline is N working days away
 * (`DUE_SOON_WORKING_DAYS`) and once when it has passed; whoever set an overdue deadline hears too.
 */
import { sql, type SqlBool } from 'kysely';
import type { AppDeps } from '../../../platform/context.ts';
import { vietnamDate } from '../../../platform/time.ts';
import { addWorkingDays } from '../../calendar/index.ts';
import { sendIncomingNotices, type IncomingNotice } from './incoming.notices.ts';

const BATCH = 500;

export async function sendDeadlineReminders(
  deps: Pick<AppDeps, 'db' | 'jobs' | 'config'>,
  now = new Date(),
): Promise<{ dueSoon: number; overdue: number }> {
  const today = vietnamDate(now);
  const { dueDate: dueSoonUntil } = await addWorkingDays(deps.db, now, deps.config.dueSoonWorkingDays);
  return deps.db.transaction().execute(async (trx) => {
    const base = trx
      .selectFrom('incoming_assignments as a')
      .innerJoin('incoming_documents as d', 'd.id', 'a.document_id')
      .select([
        'a.id',
        'a.unit_id',
        'a.user_id',
        'a.assigned_by',
        'a.deadline',
        'd.id as document_id',
        'd.organization_id',
        'd.number_notation',
        'd.subject',
        'd.confidentiality',
      ])
      .where('a.status', '=', 'active')
      .where('a.role', 'in', ['lead', 'support'])
      .where(sql<SqlBool>`d.status IN ('assigned', 'in_progress')`)
      // A unit's assignment handed on to people is reminded through the people.
      .where(
        sql<SqlBool>`NOT (a.user_id IS NULL AND EXISTS (SELECT 1 FROM incoming_assignments c WHERE c.parent_id = a.id AND c.status = 'active'))`,
      )
      .orderBy('a.deadline')
      .limit(BATCH);
    const dueSoon = await base
      .where('a.deadline', '>=', today)
      .where('a.deadline', '<=', dueSoonUntil)
      .where('a.due_soon_notified_at', 'is', null)
      .forUpdate('a')
      .skipLocked()
      .execute();
    const overdue = await base
      .where('a.deadline', '<', today)
      .where('a.overdue_notified_at', 'is', null)
      .forUpdate('a')
      .skipLocked()
      .execute();
    const notice = (kind: 'due_soon' | 'overdue', a: (typeof dueSoon)[number]): IncomingNotice => {
      const [y, m, d] = a.deadline!.split('-');
      const assignee = a.user_id ? { userId: a.user_id } : { unitHeadsOf: a.unit_id! };
      return {
        kind,
        to: kind === 'overdue' ? [assignee, { userId: a.assigned_by }] : [assignee],
        document: {
          id: a.document_id,
          organization_id: a.organization_id,
          number_notation: a.number_notation,
          subject: a.subject,
          confidentiality: a.confidentiality,
        },
        detail: { vi: `Hạn xử lý: ${d}/${m}/${y}`, en: `Due: ${d}/${m}/${y}` },
      };
    };
    await sendIncomingNotices(trx, deps.jobs, null, [
      ...dueSoon.map((a) => notice('due_soon', a)),
      ...overdue.map((a) => notice('overdue', a)),
    ]);
    if (dueSoon.length > 0) {
      await trx
        .updateTable('incoming_assignments')
        .set({ due_soon_notified_at: now })
        .where(
          'id',
          'in',
          dueSoon.map((a) => a.id),
        )
        .execute();
    }
    if (overdue.length > 0) {
      await trx
        .updateTable('incoming_assignments')
        .set({ overdue_notified_at: now })
        .where(
          'id',
          'in',
          overdue.map((a) => a.id),
        )
        .execute();
    }
    return { dueSoon: dueSoon.length, overdue: overdue.length };
  });
}
