/**
 * The sender learns what became of its document at each EduGov recipient (STANDARDS §2.7): the incoming
 * workflow calls `recordRecipientStatus` in the transaction of each change of the recipient's copy.
 * Kept free of other imports from the incoming side, so both sides may import it.
 */
import type { DbOrTrx, Trx } from '../../../../platform/db/schema.ts';
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

/**
 * Reports the new status of a recipient's copy to its dispatch: registered/presented → 03, assigned → 04,
 * in progress → 05, completed → 06, or the given code (02 refused). A copy asked to be recalled (13) or
 * withdrawn (15) keeps that status until the recall is answered. Nothing for documents not sent on EduGov.
 */
export async function recordRecipientStatus(
  trx: Trx,
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
    .select(['id', 'status'])
    .where('incoming_id', '=', incoming.id)
    .forUpdate()
    .executeTakeFirst();
  if (!dispatch) return;
  if ((dispatch.status === '13' || dispatch.status === '15') && !['15', '16'].includes(code)) return;
  await setDispatchStatus(trx, dispatch, code, input);
}
