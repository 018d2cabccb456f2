/**
 * The sender learns what became of its document at each recipient (STANDARDS §2.7): the incoming workflow
 * calls `recordRecipientStatus` in the transaction of each change of the recipient's copy, and the drafter and
 * the clerks of the sending organisation are told (02 refused, 03, 04, 05, 06, 15/16 the answer to a recall).
 * The same path serves both kinds of recipient: a copy received on EduGov moves the sender's dispatch here; a
 * document received over the axis sends the status packet to its sender (exchange port), and the packets
 * coming back move our axis dispatches (`applyAxisRecipientStatus`).
 * Kept free of other imports from the incoming side, so both sides may import it.
 */
import type { DbOrTrx, Trx } from '../../../../platform/db/schema.ts';
import type { JobQueue } from '../../../../platform/jobs/jobs.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { findMembersWithRole } from '../../../identity/index.ts';
import { notify, type Bilingual } from '../../../notifications/index.ts';
import { exchangePort, type SendIncomingStatusInput } from '../../documents.exchange-port.ts';
import './issuing.tables.ts';
import { DISPATCH_LABELS, DISPATCH_STATUSES, statusOfIncoming, type DispatchStatus } from './issuing.types.ts';

const PREFIX = 'outgoing:';

/** The outgoing document a copy received on EduGov came from, or undefined. */
export function sourceOutgoingId(doc: { source: string; source_reference: string | null }): string | undefined {
  if (doc.source !== 'edugov' || !doc.source_reference?.startsWith(PREFIX)) return undefined;
  return doc.source_reference.slice(PREFIX.length);
}

export const sourceReferenceOf = (outgoingId: string) => `${PREFIX}${outgoingId}`;

/** Whether a document came over the interchange axis (its source reference is `edxml:<sender>:<DocumentId>`). */
export const receivedOverAxis = (doc: { source: string; source_reference: string | null }) =>
  doc.source === 'electronic' && (doc.source_reference?.startsWith('edxml:') ?? false);

/**
 * Whether the sender asked to recall this document and waits for the answer: a copy received on EduGov whose
 * dispatch is at 13, or a document received over the axis whose sender sent 13 or a revoke package.
 */
export async function pendingRecallFor(db: DbOrTrx, incomingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('incoming_documents as d')
    .select('d.id')
    .where('d.id', '=', incomingId)
    .where((eb) =>
      eb.or([
        eb('d.recall_requested_at', 'is not', null),
        eb.exists(
          eb
            .selectFrom('outgoing_dispatches as x')
            .select('x.id')
            .whereRef('x.incoming_id', '=', 'd.id')
            .where('x.status', '=', '13'),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether a received document has a sender that follows its status, so it may be refused (02): it came
 * through an EduGov dispatch or over the axis.
 */
export async function hasSenderToAnswer(db: DbOrTrx, incomingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('incoming_documents as d')
    .select('d.id')
    .where('d.id', '=', incomingId)
    .where((eb) =>
      eb.or([
        eb.and([eb('d.source', '=', 'electronic'), eb('d.source_reference', 'like', 'edxml:%')]),
        eb.exists(eb.selectFrom('outgoing_dispatches as x').select('x.id').whereRef('x.incoming_id', '=', 'd.id')),
      ]),
    )
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
  // The answers to a recall (answerRecall on EduGov, status packets 15/16 over the axis).
  '15': {
    kind: 'outgoing.recall_accepted',
    title: { vi: 'Nơi nhận đồng ý thu hồi văn bản', en: 'A recipient accepted the recall' },
  },
  '16': {
    kind: 'outgoing.recall_refused',
    title: { vi: 'Nơi nhận từ chối thu hồi văn bản', en: 'A recipient refused the recall' },
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

type AxisStatusCode = SendIncomingStatusInput['statusCode'];

/** The status code a change of the recipient's copy reports (02, 15, 16 given; the others from the incoming status). */
function reportedCode(newStatus: string): AxisStatusCode | undefined {
  if (newStatus === '02' || newStatus === '15' || newStatus === '16') return newStatus;
  return statusOfIncoming(newStatus) as AxisStatusCode | undefined;
}

/**
 * Reports the new status of a recipient's copy to its sender: registered/presented → 03, assigned → 04,
 * in progress → 05, completed → 06, or the given code (02 refused, 15/16 the answer to a recall).
 * - A copy received on EduGov moves the sender's dispatch; one asked to be recalled (13) or withdrawn (15)
 *   keeps that status until the recall is answered. When the status changes the drafter and clerks are told.
 * - A document received over the axis sends the status packet to its sender (the exchange sends each code at
 *   most once and never goes backwards).
 * Nothing for documents that came another way.
 */
export async function recordRecipientStatus(
  trx: Trx,
  jobs: JobQueue,
  incoming: { id: string; organization_id: string; source: string; source_reference: string | null },
  newStatus: string,
  input: { reason?: string | null; actorUserId?: string | null } = {},
): Promise<void> {
  const code = reportedCode(newStatus);
  if (!code) return;
  if (receivedOverAxis(incoming)) {
    await exchangePort().sendIncomingStatus(trx, {
      incomingId: incoming.id,
      organizationId: incoming.organization_id,
      sourceReference: incoming.source_reference!,
      statusCode: code,
      description: input.reason || DISPATCH_LABELS[code].vi,
    });
    return;
  }
  if (sourceOutgoingId(incoming) === undefined) return;
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

/** A status packet that came back over the axis about a document we sent (see `applyAxisRecipientStatus`). */
export interface AxisRecipientStatus {
  /** Our organisation, the sender of the document. */
  readonly organizationId: string;
  /** The package's edXML DocumentId (the packet's ResponseFor/DocumentId). */
  readonly documentId: string;
  /** Who reports: the packet's From/OrganId and the axis sender code (a bridge may relay for the recipient). */
  readonly recipientCodes: readonly string[];
  readonly statusCode: string;
  /** The packet's Description: kept as the reason of a refusal (02) or of the answer to a recall (15/16). */
  readonly description: string | null;
  readonly at: Date;
}

/** How far the handling has gone: a status arriving late (03 after 05) never moves a dispatch back. */
const PROGRESS: Partial<Record<DispatchStatus, number>> = { queued: 0, '01': 1, '03': 3, '04': 4, '05': 5, '06': 6 };

/**
 * Whether a dispatch may take this status now. Refusal (02) and withdrawal (15) are final; a dispatch asked to
 * be recalled (13) waits for the answer (15/16), which is taken only then; otherwise a progress code is taken
 * only beyond the furthest one the dispatch reached (its history counts: after 16 it goes on from there).
 */
function mayTake(current: DispatchStatus, reached: number, code: DispatchStatus): boolean {
  if (current === '02' || current === '15') return false;
  if (current === '13' || code === '15' || code === '16') return current === '13' && (code === '15' || code === '16');
  if (code === '02') return true;
  return (PROGRESS[code] ?? -1) > reached;
}

/**
 * Applies a status packet that came back over the axis to our dispatch of that document to that recipient
 * (01 arrived, 02 refused, 03–06, 15/16 the answer to our recall), and tells the drafter and the clerks as for
 * a recipient on EduGov. Returns whether a dispatch moved (false: no such dispatch, or nothing new).
 */
export async function applyAxisRecipientStatus(trx: Trx, jobs: JobQueue, s: AxisRecipientStatus): Promise<boolean> {
  const code = (DISPATCH_STATUSES as readonly string[]).includes(s.statusCode)
    ? (s.statusCode as DispatchStatus)
    : undefined;
  if (!code || code === 'queued' || code === 'listed' || code === '13') return false;
  const dispatch = await trx
    .selectFrom('outgoing_dispatches')
    .select(['id', 'status', 'outgoing_id', 'recipient_name'])
    .where('channel', '=', 'axis')
    .where('axis_document_id', '=', s.documentId)
    .where('recipient_code', 'in', [...new Set(s.recipientCodes)])
    .where('outgoing_id', 'in', (eb) =>
      eb.selectFrom('outgoing_documents').select('id').where('organization_id', '=', s.organizationId),
    )
    .forUpdate()
    .executeTakeFirst();
  if (!dispatch) return false;
  const history = await trx
    .selectFrom('outgoing_dispatch_events')
    .select('status')
    .where('dispatch_id', '=', dispatch.id)
    .execute();
  const reached = Math.max(...[dispatch, ...history].map((h) => PROGRESS[h.status] ?? 0));
  if (!mayTake(dispatch.status, reached, code)) return false;
  const reason = code === '02' || code === '15' || code === '16' ? s.description : null;
  if (!(await setDispatchStatus(trx, dispatch, code, { reason, at: s.at }))) return false;
  await notifySender(trx, jobs, dispatch, code, { reason });
  return true;
}
