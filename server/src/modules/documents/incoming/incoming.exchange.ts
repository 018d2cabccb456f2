/**
 * A document arrives over the interchange axis (edXML, issue 6): the exchange inbox has stored the package,
 * checked it and stored its files; this creates the incoming document that waits for the recipient's clerk
 * to register it (chờ vào sổ), in the inbox's transaction. Its PDFs are validated on arrival like any other.
 * Later packages of the sender about it (STANDARDS §2.4) are applied here too: an update (cập nhật) changes
 * its metadata and files, a replacement (thay thế) marks it as replaced by the new document.
 */
import { createHash } from 'node:crypto';
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/context.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import { findFilesByIds, storeGeneratedFile } from '../../files/index.ts';
import type { IncomingDocumentsTable } from '../documents.tables.ts';
import type { Urgency } from '../documents.types.ts';
import { sendIncomingNotices, type IncomingNotice, type Recipient } from './incoming.notices.ts';
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

/** What arrives over the axis is done by no person: the audit row names the organisation only. */
const systemAudit = (organizationId: string) => ({
  actorUserId: null,
  actorName: null,
  organizationId,
  requestId: null,
});

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
  const audit = systemAudit(input.organizationId);
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

// --- later packages about a received document (update 2, replace 3) -----------------------------------------

/** What a package says about the document itself: what an update may change. */
export type AxisDocumentMetadata = Pick<
  ReceivedOverAxis,
  | 'issuerName'
  | 'numberNotation'
  | 'documentDate'
  | 'docType'
  | 'subject'
  | 'signerName'
  | 'signerPosition'
  | 'urgency'
  | 'pageCount'
  | 'replyDueDate'
  | 'notes'
>;

const METADATA_COLUMNS = {
  issuerName: 'issuer_name',
  numberNotation: 'number_notation',
  documentDate: 'document_date',
  docType: 'doc_type',
  subject: 'subject',
  signerName: 'signer_name',
  signerPosition: 'signer_position',
  urgency: 'urgency',
  pageCount: 'page_count',
  replyDueDate: 'reply_due_date',
  notes: 'notes',
} as const satisfies Record<keyof AxisDocumentMetadata, keyof IncomingDocumentsTable>;

/** Words for the clerks' notice: what the sender changed. */
const METADATA_LABELS: Record<keyof AxisDocumentMetadata, { vi: string; en: string }> = {
  issuerName: { vi: 'cơ quan ban hành', en: 'issuer' },
  numberNotation: { vi: 'số, ký hiệu', en: 'number' },
  documentDate: { vi: 'ngày văn bản', en: 'date' },
  docType: { vi: 'loại văn bản', en: 'type' },
  subject: { vi: 'trích yếu', en: 'subject' },
  signerName: { vi: 'người ký', en: 'signer' },
  signerPosition: { vi: 'chức vụ người ký', en: 'signer position' },
  urgency: { vi: 'độ khẩn', en: 'urgency' },
  pageCount: { vi: 'số trang', en: 'page count' },
  replyDueDate: { vi: 'hạn trả lời', en: 'reply due date' },
  notes: { vi: 'ghi chú', en: 'notes' },
};
const FILES_LABEL = { vi: 'tệp văn bản', en: 'files' };

/** A file of a package, decoded. */
export interface AxisFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

export interface SenderUpdate {
  readonly organizationId: string;
  readonly incomingId: string;
  readonly senderCode: string;
  /** The update package's own DocumentId and the sender's reason (BussinessDocReason). */
  readonly documentId: string;
  readonly reason: string | null;
  /**
   * The metadata the package states (an optional element left out keeps what the document has); null when
   * the package says the metadata did not change.
   */
  readonly metadata: Partial<AxisDocumentMetadata> | null;
  /** The sender changed the recipients (DocumentReceiver 1): only noted, we are still among them. */
  readonly recipientsChanged: boolean;
  /** The package's files, the document first. */
  readonly files: readonly AxisFile[];
}

/** Why an update cannot be applied: the document is not ours, or it has ended here. */
export type SenderUpdateRefusal = 'not_found' | 'closed' | 'withdrawn' | 'refused';

export type SenderUpdateResult =
  | { readonly applied: true; readonly incomingId: string }
  | { readonly applied: false; readonly refusal: SenderUpdateRefusal };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Changes = Partial<Record<keyof AxisDocumentMetadata, { before: unknown; after: unknown }>>;

/**
 * The metadata fields the update changes. Notes are the clerk's once the document is registered (the clerk
 * may write them at registration), so the sender's remarks replace them only while it waits to be registered.
 */
function metadataChanges(
  doc: { status: string } & Record<(typeof METADATA_COLUMNS)[keyof AxisDocumentMetadata], unknown>,
  metadata: Partial<AxisDocumentMetadata>,
): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(METADATA_COLUMNS) as (keyof AxisDocumentMetadata)[]) {
    if (!(key in metadata) || (key === 'notes' && doc.status !== 'received')) continue;
    const before = doc[METADATA_COLUMNS[key]] ?? null;
    const after = metadata[key] ?? null;
    if (before !== after) changes[key] = { before, after };
  }
  return changes;
}

/**
 * Adds the package's files the document does not have yet (same bytes = same file). A new PDF in first place
 * (the document itself) becomes the main file; the previous main file stays on the document as an attachment,
 * so nothing the clerk saw disappears. Anything else new is an attachment.
 */
async function addSenderFiles(
  trx: Trx,
  deps: Pick<AppDeps, 'config'>,
  input: { organizationId: string; incomingId: string; files: readonly AxisFile[]; at: Date },
) {
  const current = await repo.findDocumentFiles(trx, input.incomingId);
  const known = new Set(
    (
      await findFilesByIds(
        trx,
        current.map((f) => f.file_id),
      )
    ).map((f) => f.sha256),
  );
  const added: { fileId: string; name: string; kind: 'main' | 'attachment' }[] = [];
  for (const [index, file] of input.files.entries()) {
    const hash = sha256(file.bytes);
    if (known.has(hash)) continue;
    known.add(hash);
    const stored = await storeGeneratedFile(deps, trx, {
      bytes: file.bytes,
      name: file.name,
      mediaType: file.mediaType,
      organizationId: input.organizationId,
      uploadedBy: null,
    });
    const main = index === 0 && file.mediaType === 'application/pdf';
    added.push({ fileId: stored.id, name: file.name, kind: main ? 'main' : 'attachment' });
  }
  const previousMain = added[0]?.kind === 'main' ? current.find((f) => f.kind === 'main') : undefined;
  if (previousMain) {
    await trx
      .updateTable('incoming_files')
      .set({ kind: 'attachment' })
      .where('document_id', '=', input.incomingId)
      .where('file_id', '=', previousMain.file_id)
      .execute();
  }
  for (const a of added) await repo.insertDocumentFiles(trx, input.incomingId, [a.fileId], a.kind, null, input.at);
  return { added, previousMainFileId: previousMain?.file_id ?? null };
}

function refusalOf(
  doc: { organization_id: string; status: string; outcome: string | null } | undefined,
  orgId: string,
) {
  if (!doc || doc.organization_id !== orgId) return 'not_found';
  if (doc.status !== 'closed') return null;
  return doc.outcome === 'withdrawn' || doc.outcome === 'refused' ? doc.outcome : 'closed';
}

/**
 * The sender updated a document it sent us (BussinessDocType 2): its metadata and files change, a registered
 * document keeps its arrival number and its handling; the trail records what changed (before/after), and the
 * clerks and the person handling it are told. A document that has ended here (closed, withdrawn, refused) is
 * not changed: the caller refuses the update.
 */
export async function applySenderUpdate(
  trx: Trx,
  deps: Pick<AppDeps, 'jobs' | 'config'>,
  input: SenderUpdate,
): Promise<SenderUpdateResult> {
  const doc = await repo.lockIncoming(trx, input.incomingId);
  const refusal = refusalOf(doc, input.organizationId);
  if (refusal || !doc) return { applied: false, refusal: refusal ?? 'not_found' };
  const now = new Date();
  const changes = input.metadata ? metadataChanges(doc, input.metadata) : {};
  const files = await addSenderFiles(trx, deps, { ...input, at: now });
  const set = Object.fromEntries(
    Object.entries(changes).map(([key, c]) => [METADATA_COLUMNS[key as keyof AxisDocumentMetadata], c.after]),
  );
  const after = await trx
    .updateTable('incoming_documents')
    .set({ ...set, version: doc.version + 1, last_activity_at: now, updated_at: now })
    .where('id', '=', doc.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const audit = systemAudit(input.organizationId);
  const verdicts = await validateOnArrival(deps, trx, audit, {
    organizationId: input.organizationId,
    fileIds: files.added.map((a) => a.fileId),
  });
  await repo.insertEvent(trx, {
    documentId: doc.id,
    actor: null,
    action: 'updated_by_sender',
    fromStatus: doc.status,
    toStatus: doc.status,
    note: input.reason,
    details: {
      channel: 'axis',
      senderCode: input.senderCode,
      documentId: input.documentId,
      changes,
      addedFiles: files.added.map((a) => ({ ...a, signatureVerdict: verdicts.get(a.fileId) ?? null })),
      previousMainFileId: files.previousMainFileId,
      recipientsChanged: input.recipientsChanged,
    },
  });
  const changed = Object.keys(changes) as (keyof AxisDocumentMetadata)[];
  await writeAudit(trx, audit, {
    action: 'documents.incoming_updated_by_sender',
    targetType: 'incoming_document',
    targetId: doc.id,
    summary: {
      before: Object.fromEntries(changed.map((k) => [k, changes[k]!.before])),
      after: {
        ...Object.fromEntries(changed.map((k) => [k, changes[k]!.after])),
        addedFileIds: files.added.map((a) => a.fileId),
        documentId: input.documentId,
      },
    },
  });
  await sendIncomingNotices(trx, deps.jobs, null, [updateNotice(after, changed, files.added.length > 0)]);
  return { applied: true, incomingId: doc.id };
}

/** The notice of an update: to the clerks and the handler, saying which fields (and whether files) changed. */
function updateNotice(
  doc: IncomingNotice['document'] & { lead_user_id: string | null },
  changed: readonly (keyof AxisDocumentMetadata)[],
  filesAdded: boolean,
): IncomingNotice {
  const what = [...changed.map((k) => METADATA_LABELS[k]), ...(filesAdded ? [FILES_LABEL] : [])];
  return {
    kind: 'updated_by_sender',
    to: handlersOf(doc),
    document: doc,
    ...(what.length > 0
      ? {
          detail: {
            vi: `Thay đổi: ${what.map((w) => w.vi).join(', ')}`,
            en: `Changed: ${what.map((w) => w.en).join(', ')}`,
          },
        }
      : {}),
  };
}

/** The clerks, and whoever leads its handling: they work from what the document says. */
function handlersOf(doc: { lead_user_id: string | null }): Recipient[] {
  return [{ role: 'clerk' }, ...(doc.lead_user_id ? [{ userId: doc.lead_user_id }] : [])];
}

export interface SenderReplacement {
  readonly organizationId: string;
  readonly senderCode: string;
  readonly reason: string | null;
  /** The new document, just received from the replace package, and that package's DocumentId. */
  readonly newIncomingId: string;
  readonly newDocumentId: string;
  /** The documents it replaces, as the package names them; `incomingId` null when we never received one. */
  readonly replaced: readonly { readonly documentId: string; readonly incomingId: string | null }[];
}

/**
 * The sender replaced documents it sent us by a new one (BussinessDocType 3): each replaced document's trail
 * says by which (its handling is not stopped: the clerk and the leader decide what follows), its clerks and
 * handler are told, and the new document's trail says what it replaces, including documents never received.
 */
export async function markReplacedBySender(
  trx: Trx,
  deps: Pick<AppDeps, 'jobs'>,
  input: SenderReplacement,
): Promise<void> {
  const now = new Date();
  const audit = systemAudit(input.organizationId);
  const replacement = await repo.lockIncoming(trx, input.newIncomingId);
  if (!replacement) return;
  const listed: { documentId: string; incomingId: string | null; numberNotation: string | null }[] = [];
  for (const r of input.replaced) {
    const old =
      r.incomingId && r.incomingId !== replacement.id ? await repo.lockIncoming(trx, r.incomingId) : undefined;
    if (!old || old.organization_id !== input.organizationId) {
      listed.push({ documentId: r.documentId, incomingId: null, numberNotation: null });
      continue;
    }
    listed.push({ documentId: r.documentId, incomingId: old.id, numberNotation: old.number_notation });
    const after = await trx
      .updateTable('incoming_documents')
      .set({ version: old.version + 1, last_activity_at: now, updated_at: now })
      .where('id', '=', old.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.insertEvent(trx, {
      documentId: old.id,
      actor: null,
      action: 'replaced_by_sender',
      fromStatus: old.status,
      toStatus: old.status,
      note: input.reason,
      details: {
        channel: 'axis',
        senderCode: input.senderCode,
        byIncomingId: replacement.id,
        byNumberNotation: replacement.number_notation,
        byDocumentId: input.newDocumentId,
      },
    });
    await writeAudit(trx, audit, {
      action: 'documents.incoming_replaced_by_sender',
      targetType: 'incoming_document',
      targetId: old.id,
      summary: { after: { replacedBy: replacement.id, numberNotation: replacement.number_notation } },
    });
    await sendIncomingNotices(trx, deps.jobs, null, [
      {
        kind: 'replaced_by_sender',
        to: handlersOf(after),
        document: after,
        detail: {
          vi: `Thay thế bằng văn bản số ${replacement.number_notation}`,
          en: `Replaced by document ${replacement.number_notation}`,
        },
      },
    ]);
  }
  await repo.insertEvent(trx, {
    documentId: replacement.id,
    actor: null,
    action: 'replaces',
    fromStatus: replacement.status,
    toStatus: replacement.status,
    note: input.reason,
    details: { channel: 'axis', senderCode: input.senderCode, replaces: listed },
  });
}
