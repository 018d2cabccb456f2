/**
 * Packages about a document the sender sent us before (STANDARDS §2.4; issue 6), named by Bussiness/DocumentId:
 * - update (cập nhật, BussinessDocType 2): its new metadata (when DocumentInfo says so) and new files are applied
 *   to the incoming document it created, and the sender gets 15 (accepted update); a document we never received,
 *   or one that has ended here (closed, withdrawn, refused), cannot be updated: 02 with the reason;
 * - replace (thay thế, 3): a new document in its own right (created like a new one, 01), which marks each
 *   document it replaces (ReplacementInfoList, or Bussiness/DocumentId) in that document's trail.
 * Revoke (1) is a recall request, handled with status 13. A resend of either is applied once.
 */
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../../platform/context.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import {
  applySenderUpdate,
  markReplacedBySender,
  type AxisDocumentMetadata,
  type AxisFile,
  type SenderUpdateRefusal,
} from '../../documents/index.ts';
import { parseEdxml } from '../edxml/edxml.parse.ts';
import type { EdxmlPackage } from '../edxml/edxml.types.ts';
import { receivedPackage } from '../exchange.mapping.ts';
import * as repo from '../exchange.repository.ts';

/** Why an update is refused (02), Vietnamese for the sender, English for the console. */
export const BUSINESS_REFUSALS = {
  'exchange.update_target_unknown': {
    vi: 'Không có văn bản cần cập nhật: chưa nhận văn bản mang DocumentId này từ cơ quan gửi',
    en: 'Nothing to update: no document with this DocumentId was received from the sender',
  },
  'exchange.update_target_closed': {
    vi: 'Văn bản cần cập nhật đã kết thúc xử lý',
    en: 'The document to update has been closed',
  },
  'exchange.update_target_withdrawn': {
    vi: 'Văn bản cần cập nhật đã được thu hồi',
    en: 'The document to update has been withdrawn',
  },
  'exchange.update_target_refused': {
    vi: 'Văn bản cần cập nhật đã bị từ chối tiếp nhận',
    en: 'The document to update was refused',
  },
} as const;
type BusinessRefusal = keyof typeof BUSINESS_REFUSALS;

const REFUSAL_OF: Record<SenderUpdateRefusal, BusinessRefusal> = {
  not_found: 'exchange.update_target_unknown',
  closed: 'exchange.update_target_closed',
  withdrawn: 'exchange.update_target_withdrawn',
  refused: 'exchange.update_target_refused',
};

/** One package being taken in, and the inbox's own steps for it. */
export interface BusinessIntake {
  readonly deps: Pick<AppDeps, 'config' | 'jobs'>;
  readonly trx: Trx;
  readonly row: repo.InboxRow;
  readonly org: repo.OrganizationByCode;
  readonly p: EdxmlPackage;
  readonly warningCodes: string[];
  readonly now: Date;
  /**
   * Refuses the package: 02 (or `statusCode`) to the sender with the reason, followed by `detail` (e.g. the
   * target DocumentId).
   */
  refuse(
    code: BusinessRefusal | 'exchange.bad_attachment',
    detail?: string,
    statusCode?: '02' | '16',
  ): Promise<repo.InboxRow>;
  /** Queues a status packet about this package to its sender. */
  answer(statusCode: string, description: string, incomingId: string): Promise<void>;
  /** Takes the package in as a new document, as for BussinessDocType 0 (resend check, files, 01). */
  acceptNew(): Promise<repo.InboxRow>;
}

/** Applies an update (2) or a replace (3) package. */
export async function applyBusiness(intake: BusinessIntake): Promise<repo.InboxRow> {
  return intake.p.business.docType === 3 ? applyReplace(intake) : applyUpdate(intake);
}

const isPdf = (a: { contentType: string }) => a.contentType.toLowerCase().startsWith('application/pdf');

/** The package's files, the document (a PDF) first; undefined when one of them cannot be decoded. */
function decodeFiles(p: EdxmlPackage): AxisFile[] | undefined {
  const files = [...p.attachments]
    .sort((a, b) => Number(isPdf(b)) - Number(isPdf(a)))
    .map((a) => ({
      name: a.name,
      mediaType: a.contentType.split(';')[0]!.trim().toLowerCase(),
      bytes: Buffer.from(a.base64, 'base64'),
    }));
  return files.some((f) => f.bytes.byteLength === 0) ? undefined : files;
}

/**
 * What the package now says about the document, read as a new package would be. Optional elements it leaves
 * out are not read as "now empty" (vendors omit what did not change): the document keeps those values.
 */
async function metadataOf(trx: Trx, p: EdxmlPackage): Promise<Partial<AxisDocumentMetadata>> {
  const [sender] = await repo.findOrganizationsByCodes(trx, [p.from.organId]);
  const m = receivedPackage(p, { findByIdentifier: (code) => (code === sender?.identifier ? sender : undefined) });
  return {
    issuerName: m.issuerName,
    numberNotation: m.numberNotation,
    documentDate: m.documentDate,
    subject: m.subject,
    ...(p.documentType ? { docType: m.docType } : {}),
    ...(p.signerInfo ? { signerName: m.signerName, signerPosition: m.signerPosition } : {}),
    ...(p.otherInfo?.priority !== undefined ? { urgency: m.urgency } : {}),
    ...(p.otherInfo?.pageAmount !== undefined ? { pageCount: m.pageCount } : {}),
    ...(p.dueDate ? { replyDueDate: m.replyDueDate } : {}),
    ...(m.notes ? { notes: m.notes } : {}),
  };
}

/** The package without its TraceHeaderList (every hop adds to it, so a resend differs there only). */
const fingerprint = (p: EdxmlPackage) =>
  createHash('sha256')
    .update(JSON.stringify({ ...p, traceHeaders: undefined }))
    .digest('hex');

/**
 * An update already applied, brought again: the same bytes, or the same package apart from its trace headers.
 * The DocumentId alone does not tell: an update that keeps the number carries the target's own DocumentId, so
 * two different updates of one document may share it.
 */
async function isResentUpdate({ deps, trx, row, org, p }: BusinessIntake): Promise<boolean> {
  const applied = await repo.findAppliedUpdates(trx, org.id, row.from_code, p.documentId);
  const mine = fingerprint(p);
  return applied.some((earlier) => {
    if (earlier.sha256 === row.sha256) return true;
    const parsed = parseEdxml(new Uint8Array(earlier.raw), { limits: { maxBytes: deps.config.edxmlMaxBytes } });
    return parsed.ok && parsed.message.kind === 'package' && fingerprint(parsed.message) === mine;
  });
}

async function applyUpdate(intake: BusinessIntake): Promise<repo.InboxRow> {
  const { deps, trx, row, org, p, warningCodes, now } = intake;
  const target = p.business.documentId!; // validation requires it for BussinessDocType 1–3
  // The updates of one document are applied one at a time, and not while the document itself is taken in.
  await repo.lockPackageKey(trx, org.id, row.from_code, target);
  const incomingId = await repo.findReceivedDocumentId(trx, org.id, row.from_code, target);
  if (!incomingId) return intake.refuse('exchange.update_target_unknown', target);
  if (await isResentUpdate(intake)) {
    return repo.setInboxOutcome(trx, row.id, {
      outcome: 'duplicate',
      warningCodes,
      documentId: p.documentId,
      incomingDocumentId: incomingId,
      at: now,
    });
  }
  const files = decodeFiles(p);
  if (!files) return intake.refuse('exchange.bad_attachment');
  // DocumentInfo 1: the metadata changed. Vendors that leave BussinessDocumentInfo out send the whole document
  // as it now stands, so its metadata is applied too.
  const info = p.business.documentInfo;
  const result = await applySenderUpdate(trx, deps, {
    organizationId: org.id,
    incomingId,
    senderCode: row.from_code,
    documentId: p.documentId,
    reason: p.business.reason ?? null,
    metadata: info === undefined || info.documentInfo === 1 ? await metadataOf(trx, p) : null,
    recipientsChanged: info?.documentReceiver === 1,
    files,
  });
  // We hold the document but it can no longer change (closed, withdrawn, refused): the update is refused (16).
  if (!result.applied) return intake.refuse(REFUSAL_OF[result.refusal], target, '16');
  const after = await repo.setInboxOutcome(trx, row.id, {
    outcome: 'updated',
    warningCodes,
    documentId: p.documentId,
    incomingDocumentId: incomingId,
    at: now,
  });
  await intake.answer('15', 'Đồng ý cập nhật: văn bản đã được cập nhật theo gói tin của cơ quan gửi', incomingId);
  return after;
}

/** The documents a replace package replaces for us: its ReplacementInfo meant for us, else Bussiness/DocumentId. */
function replacedDocumentIds(p: EdxmlPackage, ourCode: string): string[] {
  const listed = p.business.replacements ?? [];
  const ids =
    listed.length > 0
      ? listed.filter((r) => r.organIds.length === 0 || r.organIds.includes(ourCode)).map((r) => r.documentId)
      : [p.business.documentId!];
  return [...new Set(ids)];
}

async function applyReplace(intake: BusinessIntake): Promise<repo.InboxRow> {
  const { deps, trx, row, org, p } = intake;
  const after = await intake.acceptNew();
  // Refused, or a resend of a replacement already taken in: nothing is replaced (again).
  if (after.outcome !== 'accepted' || !after.incoming_document_id) return after;
  const replaced: { documentId: string; incomingId: string | null }[] = [];
  for (const documentId of replacedDocumentIds(p, org.identifier)) {
    const incomingId = await repo.findReceivedDocumentId(trx, org.id, row.from_code, documentId);
    replaced.push({ documentId, incomingId: incomingId ?? null });
  }
  await markReplacedBySender(trx, deps, {
    organizationId: org.id,
    senderCode: row.from_code,
    reason: p.business.reason ?? null,
    newIncomingId: after.incoming_document_id,
    newDocumentId: p.documentId,
    replaced,
  });
  return after;
}
