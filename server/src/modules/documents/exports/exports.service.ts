/**
 * Use cases of the printouts of incoming documents: the register book (sổ đăng ký văn bản đến) of a period,
 * audited because it discloses the list, and the processing slip (phiếu giải quyết) of one document.
 */
import { writeAudit } from '../../../platform/audit/audit.ts';
import { authorize, type Actor } from '../../../platform/authz.ts';
import type { UseCaseContext } from '../../../platform/context.ts';
import type { Db, DbOrTrx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { MEDIA_TYPES, type Download } from '../../../platform/pdf/index.ts';
import { isIsoDate, vietnamDate } from '../../../platform/time.ts';
import { findOrganizationsByIds, getOrganizationById } from '../../org/index.ts';
import {
  CONFIDENTIALITY_LABELS,
  DOCUMENT_TYPES,
  URGENCY_LABELS,
  type Confidentiality,
  type Urgency,
} from '../documents.types.ts';
import * as incoming from '../incoming/incoming.repository.ts';
import { findRegisterById } from '../registers/registers.repository.ts';
import { exportsPolicy } from './exports.policy.ts';
import * as repo from './exports.repository.ts';
import { processingSlipPdf, buildSlip } from './processing-slip.ts';
import {
  outgoingBookPdf,
  outgoingBookXlsx,
  registerBookPdf,
  registerBookXlsx,
  type BookRow,
  type OutgoingBookRow,
} from './register-book.ts';

export type BookFormat = 'xlsx' | 'pdf';

/** The longest period a book may cover: a leap year. */
export const MAX_PERIOD_DAYS = 366;

/** Both dates valid (yyyy-mm-dd), `to` not before `from`, at most 366 days inclusive. */
export function checkPeriod(from: string, to: string): void {
  if (!isIsoDate(from) || !isIsoDate(to))
    throw new AppError('documents.invalid_period', { reason: 'not a date (yyyy-mm-dd)' });
  if (to < from) throw new AppError('documents.invalid_period', { reason: 'to is before from' });
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) throw new AppError('documents.invalid_period', { reason: 'longer than 366 days', days });
}

const TYPE_NAMES = new Map<string, string>(DOCUMENT_TYPES.map((t) => [t.code, t.vi]));

/** "Công văn: Hướng dẫn …" */
export function typeAndSubject(docType: string, subject: string): string {
  const type = TYPE_NAMES.get(docType);
  return type ? `${type}: ${subject}` : subject;
}

async function organizationNames(db: DbOrTrx, organizationId: string) {
  const org = await getOrganizationById(db, organizationId);
  const [parent] = org.parent_id ? await findOrganizationsByIds(db, [org.parent_id]) : [];
  return { organizationName: org.name, parentOrganizationName: parent?.name ?? null };
}

function bookNotes(d: { notes: string | null; urgency: Urgency; confidentiality: Confidentiality }): string {
  return [
    d.urgency !== 'normal' ? URGENCY_LABELS[d.urgency].vi : null,
    d.confidentiality !== 'normal' ? CONFIDENTIALITY_LABELS[d.confidentiality].vi : null,
    d.notes,
  ]
    .filter((s): s is string => !!s)
    .join('; ');
}

export async function exportRegisterBook(
  db: Db,
  ctx: UseCaseContext,
  registerId: string,
  input: { from: string; to: string; format: BookFormat },
): Promise<Download> {
  const { actor } = ctx;
  checkPeriod(input.from, input.to);
  const register = await findRegisterById(db, registerId);
  if (!register || register.organization_id !== actor.organizationId) {
    throw new AppError('record.not_found', { type: 'register', id: registerId });
  }
  authorize(exportsPolicy.canExportBook(actor, register), { registerId, confidential: register.confidential });

  const built =
    register.direction === 'outgoing'
      ? await buildOutgoingBook(db, register, input)
      : await buildIncomingBook(db, register, input);

  // Written once the file is built, so the audit chain is not held while it is.
  await db.transaction().execute((trx) =>
    writeAudit(trx, ctx.audit, {
      action: 'documents.register_exported',
      targetType: 'register',
      targetId: registerId,
      summary: {
        from: input.from,
        to: input.to,
        format: input.format,
        documents: built.rows,
        confidential: register.confidential,
      },
    }),
  );
  const kind = register.direction === 'outgoing' ? 'di' : 'den';
  return {
    bytes: built.bytes,
    mediaType: MEDIA_TYPES[input.format],
    fileName: `So-dang-ky-van-ban-${kind}_${input.from}_${input.to}.${input.format}`,
  };
}

interface BookInput {
  readonly from: string;
  readonly to: string;
  readonly format: BookFormat;
}
interface BookRegister {
  readonly id: string;
  readonly name: string;
  readonly organization_id: string;
}

async function buildIncomingBook(db: Db, register: BookRegister, input: BookInput) {
  const registerId = register.id;
  const [documents, recipients, names] = await Promise.all([
    repo.findBookDocuments(db, registerId, input.from, input.to),
    repo.findBookRecipients(db, registerId, input.from, input.to),
    organizationNames(db, register.organization_id),
  ]);
  const byDocument = new Map<string, typeof recipients>();
  for (const r of recipients) byDocument.set(r.document_id, [...(byDocument.get(r.document_id) ?? []), r]);
  const rows: BookRow[] = documents.map((d) => {
    const handed = byDocument.get(d.id) ?? [];
    const line = (role: 'lead' | 'support', label: string) => {
      const names = handed.filter((r) => r.role === role).map((r) => r.user_name ?? r.unit_name ?? '');
      return names.length > 0 ? `${label}: ${names.join('; ')}` : null;
    };
    const recipientsText = handed.length
      ? [line('lead', 'Chủ trì'), line('support', 'Phối hợp')].filter((s) => s !== null).join('\n')
      : d.presented_at
        ? `Trình: ${d.presented_to_name ?? 'Lãnh đạo cơ quan'}`
        : '';
    const handedOn = handed.length
      ? handed.map((r) => r.assigned_at).reduce((a, b) => (a < b ? a : b))
      : d.presented_at;
    return {
      arrivalDate: vietnamDate(d.received_at),
      arrivalNumber: d.arrival_number,
      issuerName: d.issuer_name,
      numberNotation: d.number_notation,
      documentDate: d.document_date,
      typeAndSubject: typeAndSubject(d.doc_type, d.subject),
      recipients: recipientsText,
      handedOnDate: handedOn ? vietnamDate(handedOn) : null,
      notes: bookNotes(d),
    };
  });
  const book = { ...names, registerName: register.name, from: input.from, to: input.to, rows };
  const bytes = input.format === 'pdf' ? await registerBookPdf(book) : await registerBookXlsx(book);
  return { bytes, rows: rows.length };
}

/**
 * Sổ đăng ký văn bản đi: every number issued in the period, with what the outgoing document it belongs to
 * says (a paper document: what the clerk wrote when numbering it); a cancelled number with its reason.
 */
async function buildOutgoingBook(db: Db, register: BookRegister, input: BookInput) {
  const [numbers, names] = await Promise.all([
    repo.findOutgoingBookNumbers(db, register.id, input.from, input.to),
    organizationNames(db, register.organization_id),
  ]);
  const dispatches = await repo.findOutgoingDispatches(
    db,
    numbers.map((n) => n.document_id).filter((id): id is string => id !== null),
  );
  const byDocument = new Map<string, typeof dispatches>();
  for (const d of dispatches) byDocument.set(d.outgoing_id, [...(byDocument.get(d.outgoing_id) ?? []), d]);
  const rows: OutgoingBookRow[] = numbers.map((n) => {
    const sent = n.document_id ? (byDocument.get(n.document_id) ?? []) : [];
    const notes = [
      n.status === 'cancelled' ? `Đã hủy: ${n.cancel_reason ?? ''}`.trim() : null,
      n.urgency && n.urgency !== 'normal' ? URGENCY_LABELS[n.urgency].vi : null,
      n.confidentiality !== 'normal' ? CONFIDENTIALITY_LABELS[n.confidentiality].vi : null,
      n.notes,
    ].filter((s): s is string => !!s);
    return {
      fullNumber: n.full_number,
      documentDate: vietnamDate(n.issued_at),
      typeAndSubject: typeAndSubject(n.doc_type, n.document_subject ?? n.number_subject ?? ''),
      signerName: n.document_signer ?? n.number_signer ?? '',
      recipients: sent.map((d) => d.recipient_name).join('; '),
      archiveHolder: n.unit_name ?? '',
      copies: sent.length > 0 ? sent.length : null,
      dispatchedDate: sent.length > 0 ? vietnamDate(sent[0]!.created_at) : null,
      notes: notes.join('; '),
    };
  });
  const book = { ...names, registerName: register.name, from: input.from, to: input.to, rows };
  const bytes = input.format === 'pdf' ? await outgoingBookPdf(book) : await outgoingBookXlsx(book);
  return { bytes, rows: rows.length };
}

export async function exportProcessingSlip(db: Db, actor: Actor, id: string, inline = false): Promise<Download> {
  const doc = await incoming.findVisibleIncomingById(db, actor, id);
  if (!doc) throw new AppError('record.not_found', { type: 'incoming_document', id });
  const [assignments, events, names] = await Promise.all([
    incoming.findAssignments(db, id),
    incoming.findEvents(db, id),
    organizationNames(db, doc.organization_id),
  ]);
  const slip = buildSlip({
    ...names,
    document: {
      arrivalNumber: doc.arrival_number,
      arrivalYear: doc.arrival_year,
      arrivalDate: vietnamDate(doc.received_at),
      registerName: doc.register_name,
      issuerName: doc.issuer_name,
      numberNotation: doc.number_notation,
      documentDate: doc.document_date,
      typeAndSubject: typeAndSubject(doc.doc_type, doc.subject),
      urgency: doc.urgency !== 'normal' ? URGENCY_LABELS[doc.urgency].vi : null,
      confidentiality: doc.confidentiality !== 'normal' ? CONFIDENTIALITY_LABELS[doc.confidentiality].vi : null,
      dueDate: doc.due_date,
    },
    assignments,
    events,
  });
  const number = doc.arrival_number !== null ? `so-${doc.arrival_number}-${doc.arrival_year}` : doc.id.slice(0, 8);
  return {
    bytes: await processingSlipPdf(slip),
    mediaType: MEDIA_TYPES.pdf,
    fileName: `Phieu-giai-quyet-van-ban-den_${number}.pdf`,
    inline,
  };
}
