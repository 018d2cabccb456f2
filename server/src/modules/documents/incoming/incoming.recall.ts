/**
 * The sender of a document received over the interchange axis asks for it back (STANDARDS §2.7: status packet
 * 13, or a revoke package — Bussiness type 1): the request is kept on the document until the clerk answers it
 * (answerRecall: 15 withdrawn, or 16), the trail says so and the clerks are told, as for a recall on EduGov.
 */
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import type { JobQueue } from '../../../platform/jobs/jobs.ts';
import { nfc } from '../../../platform/text.ts';
import { vietnamDate } from '../../../platform/time.ts';
import { findMembersWithRole } from '../../identity/index.ts';
import { notify } from '../../notifications/index.ts';
import { axisSourceReference } from './incoming.exchange.ts';
import * as repo from './incoming.repository.ts';

export interface AxisRecallRequest {
  /** Our organisation, the recipient of the document. */
  readonly organizationId: string;
  /** The axis sender code and the DocumentId the document was received with. */
  readonly senderCode: string;
  readonly documentId: string;
  readonly reason: string | null;
  readonly at: Date;
}

/**
 * Records the sender's request to recall a document it sent us over the axis. Returns the document's id when
 * the request was recorded now; undefined when there is no such document, when it was already refused or
 * withdrawn (nothing left to give back), or when an earlier request still waits for the clerk.
 */
export async function requestRecallOverAxis(
  trx: Trx,
  jobs: JobQueue,
  request: AxisRecallRequest,
): Promise<string | undefined> {
  const doc = await trx
    .selectFrom('incoming_documents')
    .selectAll()
    .where('organization_id', '=', request.organizationId)
    .where('source', '=', 'electronic')
    .where('source_reference', '=', axisSourceReference(request.senderCode, request.documentId))
    .forUpdate()
    .executeTakeFirst();
  if (!doc || doc.outcome !== null || doc.recall_requested_at !== null) return undefined;
  const reason = nfc(request.reason?.trim() ?? '') || null;
  await trx
    .updateTable('incoming_documents')
    .set({
      recall_requested_at: request.at,
      recall_reason: reason,
      version: doc.version + 1,
      last_activity_at: request.at,
      updated_at: request.at,
    })
    .where('id', '=', doc.id)
    .execute();
  await repo.insertEvent(trx, {
    documentId: doc.id,
    actor: null,
    action: 'recall_requested',
    fromStatus: doc.status,
    toStatus: doc.status,
    note: reason,
    details: { channel: 'axis', senderCode: request.senderCode, documentId: request.documentId },
  });
  const audit = { actorUserId: null, actorName: null, organizationId: doc.organization_id, requestId: null };
  await writeAudit(trx, audit, {
    action: 'documents.incoming_recall_requested',
    targetType: 'incoming_document',
    targetId: doc.id,
    summary: { after: { senderCode: request.senderCode, documentId: request.documentId } },
  });
  const clerks = await findMembersWithRole(trx, doc.organization_id, 'clerk', vietnamDate(request.at));
  const what = `${doc.number_notation}${reason ? `: ${reason}` : ''}`;
  await notify(
    trx,
    jobs,
    clerks.map((c) => ({
      userId: c.id,
      organizationId: doc.organization_id,
      kind: 'incoming.recall_requested',
      title: { vi: 'Cơ quan gửi đề nghị thu hồi văn bản', en: 'The sender asks to recall a document' },
      body: { vi: what, en: what },
      link: `/e-office/incoming/${doc.id}`,
      // Documents received over the axis are never classified (see receiveFromAxis).
      email: true,
    })),
  );
  return doc.id;
}
