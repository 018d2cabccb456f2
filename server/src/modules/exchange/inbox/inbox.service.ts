/**
 * The inbox (issue 6; STANDARDS §2.9, §1.8): what the axis brings for one of our organisations is stored
 * verbatim with its SHA-256 first (its own transaction: legal evidence even when nothing else works), then
 * read: parsed and validated, its XML signature checked against the trust list, deduplicated by (sender,
 * DocumentId). An accepted package becomes an incoming document waiting for the clerk and the sender gets
 * status 01; a refused one gets status 02 with the reasons. The axis is then told (acceptance / rejection).
 * Received status packets are applied (status.apply.ts: our dispatch to that recipient moves, or a recall (13)
 * waits for our clerk) or, when they match nothing of ours, only recorded; a revoke package is a recall too.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { AppDeps } from '../../../platform/context.ts';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { receiveFromAxis } from '../../documents/index.ts';
import { storeGeneratedFile } from '../../files/index.ts';
import { trustAnchors } from '../../signatures/index.ts';
import type { AxisConnector, AxisReceivedItem, AxisStatus } from '../axis/axis.types.ts';
import { EDXML_ISSUES, type EdxmlIssue } from '../edxml/edxml.errors.ts';
import { parseEdxml } from '../edxml/edxml.parse.ts';
import { verifyEdxmlSignature } from '../edxml/edxml.signature.ts';
import {
  BUSINESS_DOC_TYPES,
  STATUS_CODES,
  type EdxmlMessage,
  type EdxmlPackage,
  type EdxmlStatus,
} from '../edxml/edxml.types.ts';
import { EDXML_IDENTIFIER } from '../edxml/edxml.validate.ts';
import { receivedPackage } from '../exchange.mapping.ts';
import * as repo from '../exchange.repository.ts';
import { applyBusiness, BUSINESS_REFUSALS } from './inbox.business.ts';
import { applyReceivedStatus, applyRecall } from '../status/status.apply.ts';
import { queueStatusPacket, responseForPackage } from '../status/status.queue.ts';

export type InboxDeps = Pick<AppDeps, 'db' | 'config' | 'jobs'> & {
  readonly logger: Logger;
  /** Told acceptance/rejection once a message is processed; absent: nobody to tell (tests, replays). */
  readonly connector?: AxisConnector;
};

/** Reasons of a refusal that are not codec issues. */
export const INTAKE_REFUSALS = {
  'exchange.not_addressed': {
    vi: 'Cơ quan nhận không có trong danh sách nơi nhận (To) của gói tin',
    en: 'The receiving organisation is not among the package’s recipients (To)',
  },
  'exchange.no_document_file': {
    vi: 'Gói tin không kèm tệp văn bản',
    en: 'The package carries no document file',
  },
  'exchange.bad_attachment': {
    vi: 'Tệp đính kèm không đọc được',
    en: 'An attachment cannot be read',
  },
  ...BUSINESS_REFUSALS,
} as const;
type IntakeRefusal = keyof typeof INTAKE_REFUSALS;

interface Refusal {
  readonly codes: readonly string[];
  readonly reasonVi: string;
}

export interface IntakeResult {
  readonly inboxId: string;
  readonly outcome: repo.InboxRow['outcome'];
  readonly incomingDocumentId: string | null;
  readonly errorCodes: readonly string[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** PEM of the certificates trusted for edXML signatures: EDXML_TRUST_LIST files and the signatures trust list. */
async function trustListPem(db: DbOrTrx, config: AppDeps['config']): Promise<string[]> {
  const files = config.edxmlTrustList.map((path) => readFileSync(path, 'utf8'));
  const roots = (await trustAnchors(db)).map((der) => {
    const body =
      Buffer.from(der)
        .toString('base64')
        .match(/.{1,64}/g) ?? [];
    return `-----BEGIN CERTIFICATE-----\n${body.join('\n')}\n-----END CERTIFICATE-----\n`;
  });
  return [...files, ...roots];
}

function refusalOf(issues: readonly EdxmlIssue[]): Refusal {
  const codes = [...new Set(issues.map((i) => i.code))];
  const reasonVi = issues
    .map((i) => `${EDXML_ISSUES[i.code].vi}${i.path ? ` (${i.path})` : ''}`)
    .filter((v, k, all) => all.indexOf(v) === k)
    .join('; ');
  return { codes, reasonVi };
}

const intakeRefusal = (code: IntakeRefusal, detail?: string): Refusal => ({
  codes: [code],
  reasonVi: detail ? `${INTAKE_REFUSALS[code].vi} (${detail})` : INTAKE_REFUSALS[code].vi,
});

/**
 * Stores a message the axis brought for `orgCode` and processes it. Safe to call again for the same axis
 * message (a poll after a crash): it is stored once and processed once; the axis is told again.
 */
export async function receiveMessage(
  deps: InboxDeps,
  orgCode: string,
  item: AxisReceivedItem,
  bytes: Uint8Array,
): Promise<IntakeResult> {
  const [org] = await repo.findOrganizationsByCodes(deps.db, [orgCode]);
  if (!org) throw new AppError('exchange.unknown_organization', { code: orgCode });
  const { row } = await repo.insertInboxOnce(deps.db, {
    organizationId: org.id,
    axisMessageId: item.messageId,
    type: item.type,
    fromCode: item.from,
    raw: Buffer.from(bytes),
    sha256: sha256(bytes),
    receivedAt: new Date(),
  });
  const processed = row.outcome ? row : await processInbox(deps, org, row.id);
  if (deps.connector) {
    const status: AxisStatus = processed.outcome === 'refused' ? 'rejection' : 'acceptance';
    try {
      await deps.connector.updateStatus({ organizationCode: orgCode, messageId: item.messageId, status });
    } catch (error) {
      // It stays in the axis's inbox and comes back at the next poll, which only repeats this call.
      deps.logger.warn({ err: error, inboxId: row.id }, 'could not confirm a received message to the axis');
    }
  }
  return {
    inboxId: processed.id,
    outcome: processed.outcome,
    incomingDocumentId: processed.incoming_document_id,
    errorCodes: processed.error_codes,
  };
}

async function processInbox(deps: InboxDeps, org: repo.OrganizationByCode, id: string): Promise<repo.InboxRow> {
  const trustList = await trustListPem(deps.db, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.lockInbox(trx, id);
    if (row.outcome) return row;
    const now = new Date();
    const raw = new Uint8Array(row.raw);
    const limits = { maxBytes: deps.config.edxmlMaxBytes };
    const parsed = parseEdxml(raw, { limits });
    if (!parsed.ok) return refuse(trx, row, org, null, refusalOf(parsed.errors), now);
    let message: EdxmlMessage = parsed.message;
    const warnings = parsed.warnings.map((w) => w.code);
    if (parsed.signed) {
      const verified = verifyEdxmlSignature(raw, { trustList, limits });
      if (!verified.valid || !verified.message) {
        return refuse(trx, row, org, message, refusalOf(verified.errors), now);
      }
      message = verified.message;
      warnings.push(...verified.warnings.map((w) => w.code));
    } else {
      warnings.push('edxml.signature_missing');
    }
    const warningCodes = [...new Set(warnings)];
    if (message.kind === 'status') return recordStatus(deps, trx, row, org, message, warningCodes, now);
    return acceptPackage(deps, trx, row, org, message, warningCodes, now);
  });
}

/** A status packet: applied to what it is about when that is ours (see status.apply.ts), else only recorded. */
async function recordStatus(
  deps: InboxDeps,
  trx: Trx,
  row: repo.InboxRow,
  org: repo.OrganizationByCode,
  status: EdxmlStatus,
  warningCodes: string[],
  now: Date,
): Promise<repo.InboxRow> {
  const result = await applyReceivedStatus(trx, deps.jobs, row, org, status, now);
  return repo.setInboxOutcome(trx, row.id, {
    outcome: result.applied ? 'status_applied' : 'status_recorded',
    warningCodes,
    documentId: status.responseFor.documentId ?? null,
    statusCode: status.statusCode,
    incomingDocumentId: result.incomingDocumentId,
    at: now,
  });
}

/**
 * A revoke package asks for the earlier document back, as a status 13 does: recorded as a recall (status
 * code 13) on that document — 'status_applied', or 'status_recorded' when it matches nothing pending.
 */
async function recordRevoke(
  deps: InboxDeps,
  trx: Trx,
  row: repo.InboxRow,
  org: repo.OrganizationByCode,
  p: EdxmlPackage,
  warningCodes: string[],
  now: Date,
): Promise<repo.InboxRow> {
  // The validator requires Bussiness/DocumentId on a revoke; the package's own DocumentId is the fallback.
  const documentId = p.business.documentId ?? p.documentId;
  const result = await applyRecall(trx, deps.jobs, row, org, {
    documentId,
    reason: p.business.reason ?? null,
    at: now,
  });
  return repo.setInboxOutcome(trx, row.id, {
    outcome: result.applied ? 'status_applied' : 'status_recorded',
    warningCodes,
    documentId: p.documentId,
    statusCode: '13',
    incomingDocumentId: result.incomingDocumentId,
    at: now,
  });
}

function decodeBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.byteLength > 0 ? bytes : undefined;
}

async function acceptPackage(
  deps: InboxDeps,
  trx: Trx,
  row: repo.InboxRow,
  org: repo.OrganizationByCode,
  p: EdxmlPackage,
  warningCodes: string[],
  now: Date,
): Promise<repo.InboxRow> {
  if (!p.to.some((t) => t.organId === org.identifier)) {
    return refuse(trx, row, org, p, intakeRefusal('exchange.not_addressed'), now);
  }
  if (p.business.docType === 2 || p.business.docType === 3) {
    return applyBusiness({
      deps,
      trx,
      row,
      org,
      p,
      warningCodes,
      now,
      refuse: (code, detail, statusCode) => refuse(trx, row, org, p, intakeRefusal(code, detail), now, statusCode),
      answer: (statusCode, description, incomingId) =>
        queueStatus(trx, row, org, p, statusCode, description, now, incomingId),
      acceptNew: () => acceptNewDocument(deps, trx, row, org, p, warningCodes, now),
    });
  }
  if (p.business.docType === BUSINESS_DOC_TYPES.revoke) return recordRevoke(deps, trx, row, org, p, warningCodes, now);
  return acceptNewDocument(deps, trx, row, org, p, warningCodes, now);
}

/** A new document (BussinessDocType 0, or the one a replacement brings): created once per (sender, DocumentId). */
async function acceptNewDocument(
  deps: InboxDeps,
  trx: Trx,
  row: repo.InboxRow,
  org: repo.OrganizationByCode,
  p: EdxmlPackage,
  warningCodes: string[],
  now: Date,
): Promise<repo.InboxRow> {
  await repo.lockPackageKey(trx, org.id, row.from_code, p.documentId);
  const earlier = await repo.findAcceptedPackage(trx, org.id, row.from_code, p.documentId);
  if (earlier) {
    return repo.setInboxOutcome(trx, row.id, {
      outcome: 'duplicate',
      warningCodes,
      documentId: p.documentId,
      incomingDocumentId: earlier.incoming_document_id,
      at: now,
    });
  }
  const files = [...p.attachments].sort(
    (a, b) => Number(b.contentType.startsWith('application/pdf')) - Number(a.contentType.startsWith('application/pdf')),
  );
  if (files.length === 0) return refuse(trx, row, org, p, intakeRefusal('exchange.no_document_file'), now);
  const decoded = files.map((a) => ({ a, bytes: decodeBase64(a.base64) }));
  if (decoded.some((d) => !d.bytes)) return refuse(trx, row, org, p, intakeRefusal('exchange.bad_attachment'), now);
  const fileIds: string[] = [];
  for (const { a, bytes } of decoded) {
    const stored = await storeGeneratedFile(deps, trx, {
      bytes: bytes!,
      name: a.name,
      mediaType: a.contentType.split(';')[0]!.trim().toLowerCase(),
      organizationId: org.id,
      uploadedBy: null,
    });
    fileIds.push(stored.id);
  }
  const known = await repo.findOrganizationsByCodes(trx, [p.from.organId, ...p.to.map((t) => t.organId)]);
  const byCode = new Map(known.map((o) => [o.identifier, o]));
  const mapped = receivedPackage(p, { findByIdentifier: (code) => byCode.get(code) });
  const doc = await receiveFromAxis(trx, deps, {
    organizationId: org.id,
    senderOrganizationId: mapped.senderOrganizationId,
    senderCode: row.from_code,
    documentId: p.documentId,
    issuerName: mapped.issuerName,
    numberNotation: mapped.numberNotation,
    documentDate: mapped.documentDate,
    docType: mapped.docType,
    subject: mapped.subject,
    signerName: mapped.signerName,
    signerPosition: mapped.signerPosition,
    urgency: mapped.urgency,
    pageCount: mapped.pageCount,
    replyDueDate: mapped.replyDueDate,
    notes: mapped.notes,
    mainFileId: fileIds[0]!,
    attachmentIds: fileIds.slice(1),
    receivedAt: row.received_at,
  });
  const after = await repo.setInboxOutcome(trx, row.id, {
    outcome: 'accepted',
    warningCodes,
    documentId: p.documentId,
    incomingDocumentId: doc.id,
    at: now,
  });
  await queueStatus(trx, row, org, p, '01', STATUS_CODES['01'].vi, now, doc.id);
  return after;
}

async function refuse(
  trx: Trx,
  row: repo.InboxRow,
  org: repo.OrganizationByCode,
  message: EdxmlMessage | null,
  refusal: Refusal,
  now: Date,
  statusCode: '02' | '16' = '02',
): Promise<repo.InboxRow> {
  const documentId = message?.kind === 'package' ? message.documentId : null;
  const after = await repo.setInboxOutcome(trx, row.id, {
    outcome: 'refused',
    errorCodes: refusal.codes,
    documentId,
    at: now,
  });
  // A status packet is never answered with a status; a package is, with the reasons (02; 16 for an update
  // of a document we hold but can no longer change: "từ chối cập nhật", STANDARDS §2.7).
  if (row.type === 'edoc' && message?.kind !== 'status') {
    await queueStatus(trx, row, org, message, statusCode, refusal.reasonVi, now, null);
  }
  return after;
}

/** Queues a status packet about a received package back to its sender (01 arrived, 02 refused…). */
async function queueStatus(
  trx: Trx,
  row: repo.InboxRow,
  org: repo.OrganizationByCode,
  p: EdxmlPackage | null,
  statusCode: string,
  description: string,
  now: Date,
  incomingId: string | null,
): Promise<void> {
  const senderCode = p?.from.organId ?? row.from_code;
  if (!EDXML_IDENTIFIER.test(senderCode)) return; // nobody to answer (the axis gave no usable sender code)
  await queueStatusPacket(trx, {
    org,
    toCodes: [row.from_code],
    responseFor: p ? responseForPackage(p, senderCode) : { organId: senderCode },
    statusCode,
    description,
    now,
    incomingId,
  });
}

/** Brings in what waits at the axis for each of our organisations (documents first, then statuses). */
export async function pollInbox(
  deps: InboxDeps & { readonly connector: AxisConnector },
  options: { organizationCodes?: readonly string[]; limit?: number } = {},
): Promise<{ received: number; failed: number }> {
  const codes = options.organizationCodes ?? (await repo.findPolledOrganizationCodes(deps.db));
  let received = 0;
  let failed = 0;
  for (const code of codes) {
    for (const type of ['edoc', 'status'] as const) {
      let items: AxisReceivedItem[];
      try {
        items = await deps.connector.listReceived({ organizationCode: code, type, limit: options.limit ?? 50 });
      } catch (error) {
        deps.logger.warn({ err: error, organizationCode: code }, 'could not list received messages');
        failed++;
        continue;
      }
      for (const item of items) {
        try {
          const bytes = await deps.connector.get({ organizationCode: code, messageId: item.messageId });
          await receiveMessage(deps, code, item, bytes);
          received++;
        } catch (error) {
          deps.logger.warn({ err: error, organizationCode: code, messageId: item.messageId }, 'intake failed');
          failed++;
        }
      }
    }
  }
  return { received, failed };
}
