/**
 * The vocabulary of outgoing documents while they are drafted (Decree 30/2020, Điều 10–13): their states,
 * the authority prefixes of the signature block (Điều 13, Phụ lục I), the structured content a revision
 * keeps, and the kinds of files attached to a draft.
 */
import type { Confidentiality, DocumentTypeCode, Urgency } from '../../documents.types.ts';
import type { BlankSlot } from '../render/render.types.ts';

/**
 * draft     — being written by its author (dự thảo)
 * in_review — on its approval route (trình duyệt)
 * returned  — sent back to the author with comments (trả lại); resubmitting starts the route again
 * approved  — approved and signed off by the competent leader (đã duyệt), waiting to be numbered and issued
 * rejected  — a submission (tờ trình) the leader decided against (không phê duyệt)
 * issued    — numbered and sent (đã phát hành); cancelled — withdrawn before issue (hủy)
 */
export const OUTGOING_STATUSES = [
  'draft',
  'in_review',
  'returned',
  'approved',
  'rejected',
  'issued',
  'cancelled',
] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

/** Thẩm quyền ký: TM. (thay mặt), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền). */
export const AUTHORITY_PREFIXES = ['TM', 'KT', 'TL', 'TUQ', 'Q'] as const;
export type AuthorityPrefix = (typeof AUTHORITY_PREFIXES)[number];

/** draft: the working file (e.g. DOCX); attachment: phụ lục; final: the signed PDF made outside EduGov. */
export const OUTGOING_FILE_KINDS = ['draft', 'attachment', 'final'] as const;
export type OutgoingFileKind = (typeof OUTGOING_FILE_KINDS)[number];

export interface OutgoingRecipients {
  /** Organisations on EduGov (their ids): they will receive it as an incoming document. */
  readonly internal: readonly string[];
  /** Anyone else, by name (sent outside EduGov or on paper). */
  readonly external: readonly string[];
}

/** The structured content of a draft, as each revision keeps it. */
export interface DraftContent {
  readonly docType: DocumentTypeCode;
  readonly subject: string;
  readonly body: string;
  readonly signerUserId: string | null;
  readonly signerPositionTitle: string | null;
  readonly authorityPrefix: AuthorityPrefix | null;
  readonly recipients: OutgoingRecipients;
  readonly urgency: Urgency;
  readonly confidentiality: Confidentiality;
  readonly replyDueDate: string | null;
  readonly answersIncomingId: string | null;
  /** Issuing it completes the incoming document it answers (configurable per draft; on by default). */
  readonly completesAnswered: boolean;
  /**
   * The title of the head the signer signs for with KT./TL./TUQ. ('Hiệu trưởng'); null: the organisation's
   * head position, or the usual title for its kind.
   */
  readonly principalTitle: string | null;
}

export const DRAFT_FIELDS = [
  'docType',
  'subject',
  'body',
  'signerUserId',
  'signerPositionTitle',
  'authorityPrefix',
  'recipients',
  'urgency',
  'confidentiality',
  'replyDueDate',
  'answersIncomingId',
  'completesAnswered',
  'principalTitle',
] as const satisfies readonly (keyof DraftContent)[];

export interface RevisionFile {
  readonly fileId: string;
  readonly kind: 'draft' | 'attachment';
}

/** Thay thế, đính chính (STANDARDS §1.7 step 8): how a document relates to an issued one. */
export const OUTGOING_RELATION_KINDS = ['replaces', 'corrects'] as const;
export type OutgoingRelationKind = (typeof OUTGOING_RELATION_KINDS)[number];

/** What the issue step needs to know about the PDF the leader signed. */
export interface SignedLayout {
  /** The ký hiệu printed after the blank number ("QĐ-BGDĐT"): issuing must give the same. */
  readonly notation: string;
  /** The year printed in the blank date line. */
  readonly year: number;
  readonly number: BlankSlot | null;
  readonly day: BlankSlot | null;
  readonly month: BlankSlot | null;
  /** Where the leader's signature image is (the seal overlaps it); null when it is invisible. */
  readonly signer: { pageIndex: number; x: number; y: number; width: number; height: number } | null;
}
