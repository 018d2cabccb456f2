/**
 * A document arrives over the interchange axis (edXML, issue 6): the exchange inbox has stored the package,
 * checked it and stored its files; this creates the incoming document that waits for the recipient's clerk
 * to register it (chờ vào sổ), in the inbox's transaction. Its PDFs are validated on arrival like any other.
 */
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/context.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import type { Urgency } from '../documents.types.ts';
import { sendIncomingNotices } from './incoming.notices.ts';
import * as repo from './incoming.repository.ts';
import { validateOnArrival } from './incoming.signatures.ts';

export interface ReceivedOverAxis {
  readonly organizationId: string;
  /** The sender, when it is in the organisation registry. */
  readonly senderOrganizationId: string | null;
  /** The sender's identifier code and the package's DocumentId (kept as the source reference). */
  readonly senderCode: string;
  readonly documentId: string;
  readonly issuerName: string;
  readonly numberNotation: string;
  readonly documentDate: string;
  readonly docType: string;
  readonly subject: string;
  readonly signerName: string | null;
  readonly signerPosition: string | null;
  readonly urgency: Urgency;
  readonly pageCount: number | null;
  readonly replyDueDate: string | null;
  readonly notes: string | null;
  readonly mainFileId: string;
  readonly attachmentIds: readonly string[];
  readonly receivedAt: Date;
}

export const axisSourceReference = (senderCode: string, documentId: string) => `edxml:${senderCode}:${documentId}`;

export async function receiveFromAxis(trx: Trx, deps: Pick<AppDeps, 'jobs' | 'config'>, input: ReceivedOverAxis) {
  const now = new Date();
  const sourceReference = axisSourceReference(input.senderCode, input.documentId);
  const doc = await trx
    .insertInto('incoming_documents')
    .values({
      organization_id: input.organizationId,
      status: 'received',
      source: 'electronic',
      sender_organization_id: input.senderOrganizationId,
      source_reference: sourceReference,
      received_at: input.receivedAt,
      issuer_name: input.issuerName,
      number_notation: input.numberNotation,
      document_date: input.documentDate,
      doc_type: input.docType,
      subject: input.subject,
      signer_name: input.signerName,
      signer_position: input.signerPosition,
      urgency: input.urgency,
      // Classified documents never travel over the axis (NĐ 30, Điều 10 and §1.6).
      confidentiality: 'normal',
      page_count: input.pageCount,
      reply_due_date: input.replyDueDate,
      notes: input.notes,
      last_activity_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const fileIds = [input.mainFileId, ...input.attachmentIds];
  await repo.insertDocumentFiles(trx, doc.id, fileIds, (i) => (i === 0 ? 'main' : 'attachment'), null, now);
  const audit = { actorUserId: null, actorName: null, organizationId: input.organizationId, requestId: null };
  const verdicts = await validateOnArrival(deps, trx, audit, { organizationId: input.organizationId, fileIds });
  await repo.insertEvent(trx, {
    documentId: doc.id,
    actor: null,
    action: 'received',
    fromStatus: null,
    toStatus: 'received',
    details: {
      channel: 'axis',
      senderCode: input.senderCode,
      senderOrganizationId: input.senderOrganizationId,
      documentId: input.documentId,
      signatureVerdict: verdicts.get(input.mainFileId) ?? null,
    },
  });
  await writeAudit(trx, audit, {
    action: 'documents.incoming_received',
    targetType: 'incoming_document',
    targetId: doc.id,
    summary: {
      after: { senderCode: input.senderCode, documentId: input.documentId, numberNotation: doc.number_notation },
    },
  });
  await sendIncomingNotices(trx, deps.jobs, null, [{ kind: 'received', to: [{ role: 'clerk' }], document: doc }]);
  return doc;
}
