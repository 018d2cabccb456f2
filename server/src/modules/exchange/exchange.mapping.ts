/**
 * Mapping between an edXML package and EduGov's view of a document (pure functions). Document types follow
 * the order of NĐ 30/2020 Điều 7 (Type 18 = Công văn, as in the VPCP samples), with the type name tried first
 * because some vendors use other numbers; priority 0–3 ↔ Thường/Khẩn/Thượng khẩn/Hỏa tốc and 4 (Hỏa tốc hẹn
 * giờ) read as Hỏa tốc with a note. Organisations are resolved by identifier through an injected directory.
 */
import { DOCUMENT_TYPES, type DocumentTypeCode, type Urgency } from '../documents/index.ts';
import { toEdxmlMoment } from './edxml/edxml.dates.ts';
import type { EdxmlAttachment, EdxmlOrganization, EdxmlPackage } from './edxml/edxml.types.ts';
import { documentIdOf } from './edxml/edxml.validate.ts';

const URGENCY_BY_PRIORITY: readonly Urgency[] = ['normal', 'urgent', 'very_urgent', 'flash', 'flash'];

export function priorityOfUrgency(urgency: Urgency): number {
  return URGENCY_BY_PRIORITY.indexOf(urgency);
}

export function urgencyOfPriority(priority: number | undefined): { urgency: Urgency; timed: boolean } {
  const p = priority !== undefined && Number.isInteger(priority) && priority >= 0 && priority <= 4 ? priority : 0;
  return { urgency: URGENCY_BY_PRIORITY[p]!, timed: p === 4 };
}

/** The edXML DocumentType of an EduGov document type (Type = position in NĐ 30 Điều 7, from 1). */
export function edxmlDocumentType(code: DocumentTypeCode): { type: number; typeName: string } {
  const index = DOCUMENT_TYPES.findIndex((t) => t.code === code);
  return { type: index + 1, typeName: DOCUMENT_TYPES[index]!.vi };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Reads a received DocumentType: by name first, then by number; Công văn when neither is known. */
export function documentTypeOfEdxml(dt: EdxmlPackage['documentType']): { code: DocumentTypeCode; recognised: boolean } {
  if (dt?.typeName) {
    const byName = DOCUMENT_TYPES.find((t) => fold(t.vi) === fold(dt.typeName!));
    if (byName) return { code: byName.code, recognised: true };
  }
  if (dt?.type !== undefined && dt.type >= 1 && dt.type <= DOCUMENT_TYPES.length) {
    return { code: DOCUMENT_TYPES[dt.type - 1]!.code, recognised: true };
  }
  return { code: 'official_letter', recognised: false };
}

/** Who is who: the DB side answers, e.g. 000.00.00.G03 → the Ministry's organisation row. */
export interface OrganizationDirectory {
  findByIdentifier(identifier: string): { readonly id: string; readonly name: string } | undefined;
}

/** What the inbox needs to create an incoming document from a received package. */
export interface ReceivedPackage {
  readonly documentId: string;
  readonly senderIdentifier: string;
  readonly senderOrganizationId: string | null;
  readonly issuerName: string;
  /** Our organisations among the recipients (To), with their identifiers. */
  readonly recipients: readonly { identifier: string; organizationId: string }[];
  /** Recipients we do not know. */
  readonly unknownRecipients: readonly string[];
  readonly numberNotation: string;
  readonly documentDate: string;
  readonly docType: DocumentTypeCode;
  readonly subject: string;
  readonly summary: string | null;
  readonly signerName: string | null;
  readonly signerPosition: string | null;
  readonly urgency: Urgency;
  readonly replyDueDate: string | null;
  readonly pageCount: number | null;
  /** Remarks for the clerk (priority 4, unknown document type…), Vietnamese. */
  readonly notes: string | null;
  readonly businessType: EdxmlPackage['business']['docType'];
  /** The document a revoke/update/replace is about. */
  readonly targetDocumentId: string | null;
  readonly files: readonly EdxmlAttachment[];
}

export function receivedPackage(p: EdxmlPackage, directory: OrganizationDirectory): ReceivedPackage {
  const sender = directory.findByIdentifier(p.from.organId);
  const recipients: { identifier: string; organizationId: string }[] = [];
  const unknownRecipients: string[] = [];
  for (const to of p.to) {
    const org = directory.findByIdentifier(to.organId);
    if (org) recipients.push({ identifier: to.organId, organizationId: org.id });
    else unknownRecipients.push(to.organId);
  }
  const { urgency, timed } = urgencyOfPriority(p.otherInfo?.priority);
  const type = documentTypeOfEdxml(p.documentType);
  const notes: string[] = [];
  if (timed) notes.push('Độ khẩn: Hỏa tốc hẹn giờ');
  if (!type.recognised) {
    notes.push(
      `Loại văn bản không xác định (${p.documentType?.typeName ?? p.documentType?.type ?? 'trống'}), ghi là Công văn`,
    );
  }
  const signer = p.signerInfo;
  return {
    documentId: p.documentId,
    senderIdentifier: p.from.organId,
    senderOrganizationId: sender?.id ?? null,
    issuerName: p.from.organName ?? sender?.name ?? p.from.organId,
    recipients,
    unknownRecipients,
    numberNotation: p.code.codeNotation ? `${p.code.codeNumber}/${p.code.codeNotation}` : p.code.codeNumber,
    documentDate: p.promulgationInfo.promulgationDate,
    docType: type.code,
    subject: p.subject,
    summary: p.content ?? null,
    signerName: signer?.fullName ?? null,
    signerPosition: [signer?.competence, signer?.position].filter(Boolean).join(' ') || null,
    urgency,
    replyDueDate: p.dueDate ?? null,
    pageCount: p.otherInfo?.pageAmount ?? null,
    notes: notes.length > 0 ? notes.join('; ') : null,
    businessType: p.business.docType,
    targetDocumentId: p.business.documentId ?? null,
    files: p.attachments,
  };
}

/** An issued outgoing document as the sender side sees it. */
export interface OutgoingForExchange {
  readonly sender: EdxmlOrganization;
  readonly recipients: readonly EdxmlOrganization[];
  /** Số (text, zeros kept) and ký hiệu. */
  readonly number: string;
  readonly notation: string;
  readonly place?: string;
  readonly issuedOn: string;
  readonly docType: DocumentTypeCode;
  readonly subject: string;
  readonly summary?: string;
  readonly signer?: { readonly authority?: string; readonly position?: string; readonly fullName?: string };
  readonly urgency: Urgency;
  readonly replyDueOn?: string;
  /** Nơi nhận as printed on the document. */
  readonly recipientsText?: readonly string[];
  readonly pageCount?: number;
  readonly copies?: number;
  readonly staff?: {
    readonly department?: string;
    readonly staff?: string;
    readonly mobile?: string;
    readonly email?: string;
  };
  readonly files: readonly EdxmlAttachment[];
  /** For revoke (1), update (2), replace (3): the DocumentId of the earlier package. */
  readonly business?: { readonly type: 1 | 2 | 3; readonly documentId: string; readonly reason?: string };
}

const BUSINESS_REASONS = {
  0: 'Văn bản điện tử mới',
  1: 'Thu hồi văn bản',
  2: 'Cập nhật văn bản',
  3: 'Thay thế văn bản',
};

export function packageOfOutgoing(d: OutgoingForExchange, now: Date = new Date()): EdxmlPackage {
  const docType = d.business?.type ?? 0;
  const p: EdxmlPackage = {
    kind: 'package',
    from: d.sender,
    to: [...d.recipients],
    code: { codeNumber: d.number, codeNotation: d.notation },
    promulgationInfo: { ...(d.place ? { place: d.place } : {}), promulgationDate: d.issuedOn },
    documentType: { ...edxmlDocumentType(d.docType), typeDetail: 0 },
    subject: d.subject,
    documentId: documentIdOf(d.sender.organId, d.issuedOn, d.number, d.notation),
    traceHeaders: [{ organId: d.sender.organId, timestamp: toEdxmlMoment(now) }],
    business: {
      docType,
      reason: d.business?.reason ?? BUSINESS_REASONS[docType],
      ...(d.business ? { documentId: d.business.documentId } : {}),
      paper: 0,
      ...(d.staff ? { staffInfo: { ...d.staff } } : {}),
    },
    attachments: [...d.files],
    otherInfo: {
      priority: priorityOfUrgency(d.urgency),
      ...(d.pageCount !== undefined ? { pageAmount: d.pageCount } : {}),
      ...(d.copies !== undefined ? { promulgationAmount: d.copies } : {}),
    },
  };
  if (d.summary) p.content = d.summary;
  if (d.signer) {
    p.signerInfo = {
      ...(d.signer.authority ? { competence: d.signer.authority } : {}),
      ...(d.signer.position ? { position: d.signer.position } : {}),
      ...(d.signer.fullName ? { fullName: d.signer.fullName } : {}),
    };
  }
  if (d.replyDueOn) p.dueDate = d.replyDueOn;
  if (d.recipientsText && d.recipientsText.length > 0) p.toPlaces = [...d.recipientsText];
  return p;
}
