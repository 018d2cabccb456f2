/**
 * The sender learns what became of its document at each EduGov recipient (STANDARDS §2.7): the incoming
 * workflow calls `recordRecipientStatus` in the transaction of each change of the recipient's copy, and the
 * drafter and the clerks of the sending organisation are told (02 refused, 03, 04, 05, 06).
 * Kept free of other imports from the incoming side, so both sides may import it.
 */
import type { DbOrTrx, Trx } from '../../../../platform/db/schema.ts';
import type { JobQueue } from '../../../../platform/jobs/jobs.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { findMembersWithRole } from '../../../identity/index.ts';
import { notify, type Bilingual } from '../../../notifications/index.ts';
import './issuing.tables.ts';
import { statusOfIncoming, type DispatchStatus } from './issuing.types.ts';

const PREFIX = 'outgoing:';

/** The outgoing document a copy received on EduGov came from, or undefined. */
export function sourceOutgoingId(doc: { source: string; source_reference: string | null }): string | undefined {
  if (doc.source !== 'edugov' || !doc.source_reference?.startsWith(PREFIX)) return undefined;
  return doc.source_reference.slice(PREFIX.length);
}

export const sourceReferenceOf = (outgoingId: string) => `${PREFIX}${outgoingId}`;

/** Whether the sender asked to recall this copy received on EduGov and waits for the answer (dispatch at 13). */
export async function pendingRecallFor(db: DbOrTrx, incomingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('outgoing_dispatches')
    .select('id')
    .where('incoming_id', '=', incomingId)
    .where('status', '=', '13')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a document received by an organisation came through an EduGov dispatch (the sender follows its status). */
export async function hasSenderDispatch(db: DbOrTrx, incomingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('outgoing_dispatches')
    .select('id')
    .where('incoming_id', '=', incomingId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets a dispatch's status and keeps the history; nothing when it already has that status. */
export async function setDispatchStatus(
  trx: Trx,
  dispatch: { id: string; status: DispatchStatus },
  status: DispatchStatus,
  input: { reason?: string | null; actorUserId?: string | null; at?: Date } = {},
): Promise<boolean> {
  if (dispatch.status === status) return false;
  const at = input.at ?? new Date();
  await trx
    .updateTable('outgoing_dispatches')
    .set({ status, status_at: at, reason: input.reason ?? null })
    .where('id', '=', dispatch.id)
    .execute();
  await trx
    .insertInto('outgoing_dispatch_events')
    .values({
      dispatch_id: dispatch.id,
      status,
      reason: input.reason ?? null,
      actor_user_id: input.actorUserId ?? null,
      occurred_at: at,
    })
    .execute();
  return true;
}

/** What the sender is told when a recipient's copy moves on (kinds are module.event: no digits). */
const SENDER_NOTICES: Partial<Record<DispatchStatus, { kind: string; title: Bilingual }>> = {
  '02': {
    kind: 'outgoing.recipient_refused',
    title: { vi: 'Nơi nhận từ chối tiếp nhận văn bản', en: 'A recipient refused the document' },
  },
  '03': {
    kind: 'outgoing.recipient_registered',
    title: { vi: 'Nơi nhận đã tiếp nhận văn bản', en: 'A recipient registered the document' },
  },
  '04': {
    kind: 'outgoing.recipient_assigned',
    title: { vi: 'Nơi nhận đã phân công xử lý văn bản', en: 'A recipient assigned the document for handling' },
  },
  '05': {
    kind: 'outgoing.recipient_in_progress',
    title: { vi: 'Nơi nhận đang xử lý văn bản', en: 'A recipient is handling the document' },
  },
  '06': {
    kind: 'outgoing.recipient_completed',
    title: { vi: 'Nơi nhận đã hoàn thành xử lý văn bản', en: 'A recipient completed the document' },
  },
};

/**
 * Tells the drafter of the outgoing document and the clerks of the sending organisation that a recipient's
 * copy moved on, in the transaction of the change. A classified document's number and subject never appear
 * in the notice (nor the refusal reason, which may quote it), and it is not e-mailed.
 */
async function notifySender(
  trx: Trx,
  jobs: JobQueue,
  dispatch: { outgoing_id: string; recipient_name: string },
  code: DispatchStatus,
  input: { reason?: string | null; actorUserId?: string | null },
): Promise<void> {
  const spec = SENDER_NOTICES[code];
  if (!spec) return;
  const doc = await trx
    .selectFrom('outgoing_documents')
    .select(['id', 'organization_id', 'created_by', 'full_number', 'subject', 'confidentiality'])
    .where('id', '=', dispatch.outgoing_id)
    .executeTakeFirstOrThrow();
  const clerks = await findMembersWithRole(trx, doc.organization_id, 'clerk', vietnamDate());
  const recipients = new Set([doc.created_by, ...clerks.map((c) => c.id)]);
  if (input.actorUserId) recipients.delete(input.actorUserId);
  if (recipients.size === 0) return;
  const classified = doc.confidentiality !== 'normal';
  const what = classified
    ? { vi: 'Văn bản mật — mở EduGov để xem', en: 'Classified document — open EduGov to read it' }
    : { vi: `${doc.full_number ?? ''}: ${doc.subject}`, en: `${doc.full_number ?? ''}: ${doc.subject}` };
  const reason = input.reason && !classified ? input.reason : null;
  const body: Bilingual = {
    vi: `${dispatch.recipient_name} — ${what.vi}${reason ? `. Lý do: ${reason}` : ''}`,
    en: `${dispatch.recipient_name} — ${what.en}${reason ? `. Reason: ${reason}` : ''}`,
  };
  await notify(
    trx,
    jobs,
    [...recipients].map((userId) => ({
      userId,
      organizationId: doc.organization_id,
      kind: spec.kind,
      title: spec.title,
      body,
      link: `/e-office/outgoing/${doc.id}`,
      email: !classified,
    })),
  );
}

/**
 * Reports the new status of a recipient's copy to its dispatch: registered/presented → 03, assigned → 04,
 * in progress → 05, completed → 06, or the given code (02 refused). A copy asked to be recalled (13) or
 * withdrawn (15) keeps that status until the recall is answered. Nothing for documents not sent on EduGov.
 * When the status changes to 02–06 the sender's drafter and clerks are notified.
 */
export async function recordRecipientStatus(
  trx: Trx,
  jobs: JobQueue,
  incoming: { id: string; source: string; source_reference: string | null },
  newStatus: string,
  input: { reason?: string | null; actorUserId?: string | null } = {},
): Promise<void> {
  if (sourceOutgoingId(incoming) === undefined) return;
  const code = (['02', '15', '16'] as string[]).includes(newStatus)
    ? (newStatus as DispatchStatus)
    : statusOfIncoming(newStatus);
  if (!code) return;
  const dispatch = await trx
    .selectFrom('outgoing_dispatches')
    .select(['id', 'status', 'outgoing_id', 'recipient_name'])
    .where('incoming_id', '=', incoming.id)
    .forUpdate()
    .executeTakeFirst();
  if (!dispatch) return;
  if ((dispatch.status === '13' || dispatch.status === '15') && !['15', '16'].includes(code)) return;
  if (await setDispatchStatus(trx, dispatch, code, input)) await notifySender(trx, jobs, dispatch, code, input);
}
