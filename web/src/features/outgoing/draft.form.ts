/** The draft form's values, their checks (i18n keys per field) and the request body they make. */
import { isIsoDate, vietnamDate } from '../../lib/dates';
import type { AuthorityPrefix, NewDraft, OutgoingDetail } from './outgoing.types';

export type RelationKind = 'replaces' | 'corrects';

/** How an issued document is named when picked: its number and subject. */
export function relatedLabel(d: { fullNumber: string | null; subject: string }): string {
  return d.fullNumber ? `${d.fullNumber} — ${d.subject}` : d.subject;
}

export interface FileChoice {
  id: string;
  name: string;
}

export interface DraftFormValues {
  docType: NewDraft['docType'] | null;
  subject: string;
  body: string;
  signerUserId: string | null;
  signerPositionTitle: string;
  authorityPrefix: AuthorityPrefix | 'none';
  internal: { id: string; name: string }[];
  external: string[];
  urgency: NonNullable<NewDraft['urgency']>;
  confidentiality: NonNullable<NewDraft['confidentiality']>;
  replyDueDate: string;
  answersIncomingId: string | null;
  /** Issuing it completes the incoming document it answers. */
  completesAnswered: boolean;
  /** KT./TL./TUQ.: the head signed for; empty: the organisation's head position. */
  principalTitle: string;
  /** Thay thế / đính chính: the issued document this one relates to, and how. */
  relatesTo: { id: string; label: string } | null;
  relationKind: RelationKind;
  draftFiles: FileChoice[];
  attachments: FileChoice[];
}

export const initialDraftValues: DraftFormValues = {
  docType: null,
  subject: '',
  body: '',
  signerUserId: null,
  signerPositionTitle: '',
  authorityPrefix: 'none',
  internal: [],
  external: [],
  urgency: 'normal',
  confidentiality: 'normal',
  replyDueDate: '',
  answersIncomingId: null,
  completesAnswered: true,
  principalTitle: '',
  relatesTo: null,
  relationKind: 'replaces',
  draftFiles: [],
  attachments: [],
};

/** The form filled with a document's current content. */
export function valuesFromDetail(doc: OutgoingDetail): DraftFormValues {
  const pick = (kind: 'draft' | 'attachment') =>
    doc.files.filter((f) => f.kind === kind).map((f) => ({ id: f.fileId, name: f.name }));
  const related = doc.replaces ?? doc.corrects;
  return {
    docType: doc.docType,
    subject: doc.subject,
    body: doc.body,
    signerUserId: doc.signerUserId,
    signerPositionTitle: doc.signerPositionTitle ?? '',
    authorityPrefix: doc.authorityPrefix ?? 'none',
    internal: doc.recipients.internal.map((r) => ({ id: r.organizationId, name: r.name ?? r.organizationId })),
    external: [...doc.recipients.external],
    urgency: doc.urgency,
    confidentiality: doc.confidentiality,
    replyDueDate: doc.replyDueDate ?? '',
    answersIncomingId: doc.answersIncomingId,
    completesAnswered: doc.completesAnswered,
    principalTitle: doc.principalTitle ?? '',
    relatesTo: related ? { id: related.id, label: relatedLabel(related) } : null,
    relationKind: doc.corrects ? 'corrects' : 'replaces',
    draftFiles: pick('draft'),
    attachments: pick('attachment'),
  };
}

export type DraftField = 'docType' | 'subject' | 'body' | 'signerPositionTitle' | 'principalTitle' | 'replyDueDate';
/** An error as an i18n key with its values. */
export interface FieldError {
  key: 'outgoing.form.required' | 'outgoing.form.tooLong' | 'outgoing.form.dateInPast' | 'outgoing.form.invalidDate';
  field?: string;
  max?: number;
}

/** What is wrong with each field, if anything. `today` is a yyyy-mm-dd date in Vietnam. */
export function draftErrors(v: DraftFormValues, today = vietnamDate()): Partial<Record<DraftField, FieldError>> {
  const errors: Partial<Record<DraftField, FieldError>> = {};
  if (!v.docType) errors.docType = { key: 'outgoing.form.required', field: 'docType' };
  if (v.subject.trim() === '') errors.subject = { key: 'outgoing.form.required', field: 'subject' };
  else if (v.subject.trim().length > 500) errors.subject = { key: 'outgoing.form.tooLong', field: 'subject', max: 500 };
  if (v.body.length > 100_000) errors.body = { key: 'outgoing.form.tooLong', field: 'body', max: 100_000 };
  if (v.signerPositionTitle.trim().length > 200) {
    errors.signerPositionTitle = { key: 'outgoing.form.tooLong', field: 'signerPositionTitle', max: 200 };
  }
  if (v.principalTitle.trim().length > 200) {
    errors.principalTitle = { key: 'outgoing.form.tooLong', field: 'principalTitle', max: 200 };
  }
  if (v.replyDueDate !== '') {
    if (!isIsoDate(v.replyDueDate)) errors.replyDueDate = { key: 'outgoing.form.invalidDate' };
    else if (v.replyDueDate < today) errors.replyDueDate = { key: 'outgoing.form.dateInPast' };
  }
  return errors;
}

/** The body of POST (and, with `version`, PATCH) from valid values. */
export function draftBody(v: DraftFormValues): NewDraft {
  return {
    docType: v.docType ?? 'official_letter',
    subject: v.subject.trim(),
    body: v.body.replace(/\r\n/g, '\n'),
    signerUserId: v.signerUserId,
    signerPositionTitle: v.signerPositionTitle.trim() || null,
    authorityPrefix: v.authorityPrefix === 'none' ? null : v.authorityPrefix,
    recipients: { internal: v.internal.map((o) => o.id), external: v.external.map((e) => e.trim()).filter(Boolean) },
    urgency: v.urgency,
    confidentiality: v.confidentiality,
    replyDueDate: v.replyDueDate || null,
    answersIncomingId: v.answersIncomingId,
    completesAnswered: v.completesAnswered,
    // The head signed for only means something with KT., TL. or TUQ.
    principalTitle: ['KT', 'TL', 'TUQ'].includes(v.authorityPrefix) ? v.principalTitle.trim() || null : null,
    relatesTo: v.relatesTo ? { documentId: v.relatesTo.id, kind: v.relationKind } : null,
    draftFileIds: v.draftFiles.map((f) => f.id),
    attachmentIds: v.attachments.map((f) => f.id),
  };
}
