/** The registration form's values, their checks (i18n keys per field) and the request body they make. */
import { formatDateTime, isIsoDate, vietnamDate } from '../../lib/dates';
import type { UploadedFile } from '../files/files.api';
import type { Confidentiality, DocTypeCode, NewIncoming, Register, Urgency } from './incoming.types';

export interface IncomingFormValues {
  mainFile: UploadedFile | null;
  attachments: UploadedFile[];
  source: 'paper' | 'electronic';
  issuerName: string;
  numberNotation: string;
  documentDate: string;
  docType: DocTypeCode | null;
  subject: string;
  signerName: string;
  signerPosition: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  pageCount: number | '';
  replyDueDate: string;
  /** Date and time of arrival in Vietnam, as a datetime-local input holds it (yyyy-mm-ddTHH:mm). */
  receivedAt: string;
  registerId: string | null;
  notes: string;
}

/** "Now" in Vietnam as a datetime-local value, whatever the browser's time zone. */
export function vietnamDateTimeLocal(at: Date = new Date()): string {
  const [date, time] = formatDateTime(at).split(' ');
  const [d, m, y] = (date ?? '').split('/');
  return `${y}-${m}-${d}T${(time ?? '').slice(0, 5)}`;
}

/** A datetime-local value read as Vietnamese time, as an ISO instant; undefined when it is not one. */
export function vietnamLocalToIso(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) || !isIsoDate(value.slice(0, 10))) return undefined;
  const instant = new Date(`${value}:00+07:00`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

export function initialIncomingValues(now: Date = new Date()): IncomingFormValues {
  return {
    mainFile: null,
    attachments: [],
    source: 'paper',
    issuerName: '',
    numberNotation: '',
    documentDate: '',
    docType: null,
    subject: '',
    signerName: '',
    signerPosition: '',
    urgency: 'normal',
    confidentiality: 'normal',
    pageCount: '',
    replyDueDate: '',
    receivedAt: vietnamDateTimeLocal(now),
    registerId: null,
    notes: '',
  };
}

export type IncomingFormField =
  | 'mainFile'
  | 'issuerName'
  | 'numberNotation'
  | 'documentDate'
  | 'docType'
  | 'subject'
  | 'receivedAt'
  | 'replyDueDate'
  | 'pageCount';

/** The i18n key of what is wrong with each field (none when the field is fine). */
export type IncomingFormErrors = Partial<Record<IncomingFormField, string>>;

const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function validateIncoming(v: IncomingFormValues, now: Date = new Date()): IncomingFormErrors {
  const errors: IncomingFormErrors = {};
  if (!v.mainFile) errors.mainFile = 'incoming.form.errors.mainFile';
  if (!v.issuerName.trim()) errors.issuerName = 'common.required';
  if (!v.numberNotation.trim()) errors.numberNotation = 'common.required';
  if (!v.docType) errors.docType = 'common.required';
  if (!v.subject.trim()) errors.subject = 'common.required';
  const receivedIso = vietnamLocalToIso(v.receivedAt);
  if (!receivedIso) errors.receivedAt = 'common.invalidDate';
  else if (new Date(receivedIso).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    errors.receivedAt = 'incoming.form.errors.receivedInFuture';
  }
  if (!v.documentDate) errors.documentDate = 'common.required';
  else if (!isIsoDate(v.documentDate)) errors.documentDate = 'common.invalidDate';
  else if (receivedIso && v.documentDate > vietnamDate(new Date(receivedIso))) {
    errors.documentDate = 'incoming.form.errors.documentAfterArrival';
  }
  if (v.replyDueDate) {
    if (!isIsoDate(v.replyDueDate)) errors.replyDueDate = 'common.invalidDate';
    else if (isIsoDate(v.documentDate) && v.replyDueDate < v.documentDate) {
      errors.replyDueDate = 'incoming.form.errors.replyBeforeDocument';
    }
  }
  if (v.pageCount !== '' && (!Number.isInteger(v.pageCount) || v.pageCount < 1 || v.pageCount > 9999)) {
    errors.pageCount = 'incoming.form.errors.pageCount';
  }
  return errors;
}

/** The register books a document of this confidentiality may go to: confidential ones for a classified document. */
export function registersFor(registers: readonly Register[], confidentiality: Confidentiality): Register[] {
  const confidential = confidentiality !== 'normal';
  return registers.filter((r) => r.active && r.confidential === confidential);
}

/**
 * The clerk's answer after the server refused a main PDF whose digital signature is invalid: register it anyway
 * (`accept`), with the reason (`note`, required then).
 */
export interface SignatureAcceptance {
  accept: boolean;
  note: string;
}

export const noSignatureAcceptance: SignatureAcceptance = { accept: false, note: '' };

/** What is wrong with the acceptance (an i18n key), if anything: registering anyway needs a note. */
export function signatureAcceptanceError(a: SignatureAcceptance): 'common.required' | undefined {
  return a.accept && !a.note.trim() ? 'common.required' : undefined;
}

/** `{acceptInvalidSignature, signatureNote}` when the clerk registers anyway, otherwise nothing. */
export function signatureAcceptanceBody(a: SignatureAcceptance): {
  acceptInvalidSignature?: true;
  signatureNote?: string;
} {
  return a.accept ? { acceptInvalidSignature: true, signatureNote: a.note.trim() } : {};
}

const orNull = (text: string) => text.trim() || null;

/** The request body (only to be called once `validateIncoming` found nothing wrong). */
export function toNewIncoming(
  v: IncomingFormValues,
  allowDuplicate: boolean,
  signature: SignatureAcceptance = noSignatureAcceptance,
): NewIncoming {
  return {
    issuerName: v.issuerName.trim(),
    numberNotation: v.numberNotation.trim(),
    documentDate: v.documentDate,
    docType: v.docType ?? 'official_letter',
    subject: v.subject.trim(),
    signerName: orNull(v.signerName),
    signerPosition: orNull(v.signerPosition),
    urgency: v.urgency,
    confidentiality: v.confidentiality,
    pageCount: v.pageCount === '' ? null : v.pageCount,
    replyDueDate: v.replyDueDate || null,
    notes: orNull(v.notes),
    source: v.source,
    receivedAt: vietnamLocalToIso(v.receivedAt),
    registerId: v.registerId ?? undefined,
    mainFileId: v.mainFile?.id ?? '',
    attachmentIds: v.attachments.map((f) => f.id),
    ...(allowDuplicate ? { allowDuplicate: true } : {}),
    ...signatureAcceptanceBody(signature),
  };
}
