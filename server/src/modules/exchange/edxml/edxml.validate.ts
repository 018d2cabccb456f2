/**
 * Validation of an edXML message (STANDARDS.md §2.9 item 2, Bkav checker limits). The same rules run after
 * parsing (lenient: a malformed DocumentId or trace identifier is only a warning) and before building (strict).
 */
import { parseEdxmlDate, parseEdxmlMoment } from './edxml.dates.ts';
import { issue, type EdxmlIssue } from './edxml.errors.ts';
import type { EdxmlAttachment, EdxmlMessage, EdxmlOrganization, EdxmlPackage, EdxmlStatus } from './edxml.types.ts';

/** QCVN 102:2016 identifier V1V2V3.Z1Z2.Y1Y2.MX1X2 (§2.1): M is any capital letter. */
export const EDXML_IDENTIFIER = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** `{OrganId},{yyyy/MM/dd},{CodeNumber}/{CodeNotation}` (§2.3 1.14). */
const DOCUMENT_ID = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}),(\d{4}\/\d{2}\/\d{2}),([^/]+)\/(.*)$/;

/** Types accepted when the configuration says nothing (documents, spreadsheets, images, archives, signatures). */
export const DEFAULT_ALLOWED_CONTENT_TYPES: readonly string[] = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
  'application/x-zip-compressed',
  'application/xml',
  'text/xml',
  'text/plain',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'application/pkcs7-signature',
];

export interface ValidateOptions {
  readonly mode: 'parse' | 'build';
  readonly allowedContentTypes?: readonly string[];
}

export const LIMITS = { subject: 500, content: 500, place: 150, appendix: 250, attachmentName: 200 } as const;

const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/** Alphabet, length a multiple of 4, padding only at the end (a negated class scans fastest on 20 MB). */
export function isWellFormedBase64(value: string): boolean {
  if (value.length === 0 || value.length % 4 !== 0 || NOT_BASE64.test(value)) return false;
  const pad = value.indexOf('=');
  return pad === -1 || (pad >= value.length - 2 && (pad === value.length - 1 || value[value.length - 1] === '='));
}

/** No folders, no drive letters, no control characters, not `.` or `..`. */
export function isSafeAttachmentName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001F\u007F]/.test(name)) return false;
  if (/^[A-Za-z]:/.test(name)) return false;
  const trimmed = name.trim();
  return trimmed !== '' && trimmed !== '.' && trimmed !== '..';
}

export function documentIdOf(organId: string, promulgationDate: string, codeNumber: string, codeNotation: string) {
  return `${organId},${promulgationDate.replace(/-/g, '/')},${codeNumber}/${codeNotation}`;
}

export function isValidDocumentId(value: string): boolean {
  return DOCUMENT_ID.test(value);
}

/** The parts of a DocumentId in the standard's form (the sender, the date `YYYY-MM-DD`, số/ký hiệu), or undefined. */
export function readDocumentId(value: string): { organId: string; promulgationDate: string; code: string } | undefined {
  const m = DOCUMENT_ID.exec(value);
  if (!m) return undefined;
  return { organId: m[1]!, promulgationDate: m[2]!.replace(/\//g, '-'), code: `${m[3]}/${m[4]}` };
}

function checkOrganization(org: EdxmlOrganization | undefined, path: string, out: EdxmlIssue[]) {
  if (!org || !org.organId) {
    out.push(issue('edxml.required', `${path}/OrganId`));
  } else if (!EDXML_IDENTIFIER.test(org.organId)) {
    out.push(issue('edxml.invalid_identifier', `${path}/OrganId`, org.organId));
  }
}

function contentTypeAllowed(contentType: string, allowed: readonly string[]): boolean {
  const bare = contentType.split(';')[0]!.trim().toLowerCase();
  return allowed.some((a) => a.toLowerCase() === bare);
}

function checkAttachments(attachments: readonly EdxmlAttachment[], options: ValidateOptions, out: EdxmlIssue[]) {
  const allowed = options.allowedContentTypes ?? DEFAULT_ALLOWED_CONTENT_TYPES;
  const ids = new Set<string>();
  attachments.forEach((a, index) => {
    const path = `AttachmentEncoded/Attachment[${index + 1}]`;
    if (!a.contentId) out.push(issue('edxml.required', `${path}/ContentId`));
    else if (ids.has(a.contentId)) out.push(issue('edxml.attachment_duplicate', `${path}/ContentId`, a.contentId));
    else ids.add(a.contentId);
    if (!a.name) out.push(issue('edxml.required', `${path}/AttachmentName`));
    else {
      if ([...a.name].length > LIMITS.attachmentName) {
        out.push(issue('edxml.attachment_name_too_long', `${path}/AttachmentName`, a.name));
      }
      if (!isSafeAttachmentName(a.name)) {
        out.push(issue('edxml.attachment_name_invalid', `${path}/AttachmentName`, JSON.stringify(a.name)));
      }
    }
    if (!a.contentType) out.push(issue('edxml.required', `${path}/ContentType`));
    else if (!contentTypeAllowed(a.contentType, allowed)) {
      out.push(issue('edxml.attachment_content_type', `${path}/ContentType`, a.contentType));
    }
    if (!isWellFormedBase64(a.base64)) {
      out.push(
        issue(
          'edxml.attachment_base64_invalid',
          `${path}/ContentTransferEncoded`,
          a.base64 === '' ? 'empty' : `${a.base64.length} characters`,
        ),
      );
    }
  });
}

function checkDate(value: string | undefined, path: string, out: EdxmlIssue[], moment = false) {
  if (value === undefined || value === '') return;
  if ((moment ? parseEdxmlMoment(value) : parseEdxmlDate(value)) === undefined) {
    out.push(issue('edxml.invalid_date', path, value));
  }
}

function tooLong(value: string | undefined, max: number): boolean {
  return value !== undefined && [...value].length > max;
}

function validatePackage(p: EdxmlPackage, options: ValidateOptions): EdxmlIssue[] {
  const out: EdxmlIssue[] = [];
  const lenient = options.mode === 'parse' ? 'warning' : 'error';
  checkOrganization(p.from, 'MessageHeader/From', out);
  if (!p.to || p.to.length === 0) out.push(issue('edxml.no_recipient', 'MessageHeader/To'));
  const seen = new Set<string>();
  (p.to ?? []).forEach((to, i) => {
    const path = `MessageHeader/To[${i + 1}]`;
    checkOrganization(to, path, out);
    if (to?.organId) {
      if (seen.has(to.organId)) out.push(issue('edxml.duplicate_recipient', `${path}/OrganId`, to.organId));
      seen.add(to.organId);
    }
  });
  if (!p.code?.codeNumber) out.push(issue('edxml.required', 'MessageHeader/Code/CodeNumber'));
  if (!p.code?.codeNotation) out.push(issue('edxml.required', 'MessageHeader/Code/CodeNotation'));
  if (!p.promulgationInfo?.promulgationDate) {
    out.push(issue('edxml.required', 'MessageHeader/PromulgationInfo/PromulgationDate'));
  }
  checkDate(p.promulgationInfo?.promulgationDate, 'MessageHeader/PromulgationInfo/PromulgationDate', out);
  checkDate(p.dueDate, 'MessageHeader/DueDate', out);
  if (!p.subject) out.push(issue('edxml.required', 'MessageHeader/Subject'));
  else if (tooLong(p.subject, LIMITS.subject)) {
    out.push(issue('edxml.subject_too_long', 'MessageHeader/Subject', `${[...p.subject].length} characters`));
  }
  if (tooLong(p.content, LIMITS.content)) {
    out.push(issue('edxml.text_too_long', 'MessageHeader/Content', `${[...p.content!].length} > ${LIMITS.content}`));
  }
  p.toPlaces?.forEach((place, i) => {
    if (tooLong(place, LIMITS.place)) {
      out.push(issue('edxml.text_too_long', `MessageHeader/ToPlaces/Place[${i + 1}]`, `> ${LIMITS.place}`));
    }
  });
  p.otherInfo?.appendixes?.forEach((appendix, i) => {
    if (tooLong(appendix, LIMITS.appendix)) {
      out.push(
        issue('edxml.text_too_long', `MessageHeader/OtherInfo/Appendixes/Appendix[${i + 1}]`, `> ${LIMITS.appendix}`),
      );
    }
  });
  const priority = p.otherInfo?.priority;
  if (priority !== undefined && (!Number.isInteger(priority) || priority < 0 || priority > 4)) {
    out.push(issue('edxml.invalid_priority', 'MessageHeader/OtherInfo/Priority', String(priority)));
  }
  p.responseFor?.forEach((r, i) => {
    checkOrganization(r, `MessageHeader/ResponseFor[${i + 1}]`, out);
    checkDate(r.promulgationDate, `MessageHeader/ResponseFor[${i + 1}]/PromulgationDate`, out);
  });
  if (!p.documentId) out.push(issue('edxml.required', 'MessageHeader/DocumentId'));
  else if (!isValidDocumentId(p.documentId)) {
    out.push(issue('edxml.invalid_document_id', 'MessageHeader/DocumentId', p.documentId, lenient));
  }
  p.traceHeaders?.forEach((t, i) => {
    if (!EDXML_IDENTIFIER.test(t.organId ?? '')) {
      out.push(issue('edxml.invalid_identifier', `TraceHeaderList/TraceHeader[${i + 1}]/OrganId`, t.organId, lenient));
    }
    if (!t.timestamp)
      out.push(issue('edxml.required', `TraceHeaderList/TraceHeader[${i + 1}]/Timestamp`, undefined, lenient));
    checkDate(t.timestamp, `TraceHeaderList/TraceHeader[${i + 1}]/Timestamp`, out, true);
  });
  const b = p.business;
  if (!b || ![0, 1, 2, 3].includes(b.docType)) {
    out.push(issue('edxml.invalid_business_type', 'TraceHeaderList/Bussiness/BussinessDocType', String(b?.docType)));
  } else if (b.docType !== 0 && !b.documentId) {
    out.push(issue('edxml.required', 'TraceHeaderList/Bussiness/DocumentId', `BussinessDocType ${b.docType}`));
  }
  b?.replacements?.forEach((r, i) => {
    r.organIds.forEach((id, j) => {
      if (!EDXML_IDENTIFIER.test(id)) {
        out.push(
          issue(
            'edxml.invalid_identifier',
            `TraceHeaderList/Bussiness/ReplacementInfoList/ReplacementInfo[${i + 1}]/OrganIdList/OrganId[${j + 1}]`,
            id,
          ),
        );
      }
    });
  });
  b?.documentInfo?.receivers?.forEach((r, i) => {
    if (!EDXML_IDENTIFIER.test(r.organId)) {
      out.push(
        issue(
          'edxml.invalid_identifier',
          `TraceHeaderList/Bussiness/BussinessDocumentInfo/ReceiverList/Receiver[${i + 1}]/OrganId`,
          r.organId,
        ),
      );
    }
  });
  checkAttachments(p.attachments ?? [], options, out);
  return out;
}

function validateStatus(s: EdxmlStatus): EdxmlIssue[] {
  const out: EdxmlIssue[] = [];
  checkOrganization(s.responseFor, 'Status/ResponseFor', out);
  checkOrganization(s.from, 'Status/From', out);
  if (!s.statusCode) out.push(issue('edxml.required', 'Status/StatusCode'));
  else if (!/^\d{2}$/.test(s.statusCode))
    out.push(issue('edxml.invalid_status_code', 'Status/StatusCode', s.statusCode));
  if (!s.timestamp) out.push(issue('edxml.required', 'Status/Timestamp'));
  checkDate(s.timestamp, 'Status/Timestamp', out, true);
  checkDate(s.responseFor?.promulgationDate, 'Status/ResponseFor/PromulgationDate', out);
  return out;
}

export function validateEdxml(message: EdxmlMessage, options: ValidateOptions): EdxmlIssue[] {
  return message.kind === 'status' ? validateStatus(message) : validatePackage(message, options);
}
