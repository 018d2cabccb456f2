/**
 * Status packets that arrive (STANDARDS §2.7): a recall (13) is about a document we received — it waits for
 * our clerk's answer; the other codes (01–06, 15/16) are about a document we sent and move our dispatch to
 * that recipient. A revoke package (Bussiness type 1) asks for a document back as a 13 does. What matches
 * nothing of ours is only recorded.
 */
import type { Trx } from '../../../platform/db/schema.ts';
import type { JobQueue } from '../../../platform/jobs/jobs.ts';
import { applyAxisRecipientStatus, requestRecallOverAxis } from '../../documents/index.ts';
import type { EdxmlStatus } from '../edxml/edxml.types.ts';
import type { InboxRow, OrganizationByCode } from '../exchange.repository.ts';

export interface AppliedStatus {
  readonly applied: boolean;
  /** A recall: the incoming document it is about. */
  readonly incomingDocumentId: string | null;
}

const NOT_APPLIED: AppliedStatus = { applied: false, incomingDocumentId: null };

/**
 * The sender (`row.from_code`, the axis-authenticated sender of the message) asks for `documentId` back. Only
 * the sender of a document can recall it: the document is looked up by that sender's code.
 */
export async function applyRecall(
  trx: Trx,
  jobs: JobQueue,
  row: InboxRow,
  org: OrganizationByCode,
  recall: { documentId: string; reason: string | null; at: Date },
): Promise<AppliedStatus> {
  const incomingId = await requestRecallOverAxis(trx, jobs, {
    organizationId: org.id,
    senderCode: row.from_code,
    documentId: recall.documentId,
    reason: recall.reason,
    at: recall.at,
  });
  return incomingId ? { applied: true, incomingDocumentId: incomingId } : NOT_APPLIED;
}

export async function applyReceivedStatus(
  trx: Trx,
  jobs: JobQueue,
  row: InboxRow,
  org: OrganizationByCode,
  status: EdxmlStatus,
  now: Date,
): Promise<AppliedStatus> {
  const documentId = status.responseFor.documentId;
  if (!documentId) return NOT_APPLIED;
  const description = status.description ?? null;
  if (status.statusCode === '13') return applyRecall(trx, jobs, row, org, { documentId, reason: description, at: now });
  const applied = await applyAxisRecipientStatus(trx, jobs, {
    organizationId: org.id,
    documentId,
    recipientCodes: [status.from.organId, row.from_code],
    statusCode: status.statusCode,
    description,
    at: now,
  });
  return { applied, incomingDocumentId: null };
}
