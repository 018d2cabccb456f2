/**
 * Strict edXML writer: validates first (throws EdxmlError), then writes every element with the `edXML:` prefix
 * (the VPCP side refuses unprefixed children, STANDARDS.md §2.2), header elements in the order of §2.3, the
 * manifest from the attachments, and the attachments outside the envelope. Base64 bodies are appended as they
 * are, never re-encoded.
 */
import { formatEdxmlDate, formatEdxmlMoment, formatEdxmlStatusMoment } from './edxml.dates.ts';
import { EdxmlError } from './edxml.errors.ts';
import {
  EDXML_NAMESPACE,
  XLINK_NAMESPACE,
  type EdxmlBusiness,
  type EdxmlMessage,
  type EdxmlOrganization,
  type EdxmlPackage,
  type EdxmlResponseFor,
  type EdxmlStaffInfo,
  type EdxmlStatus,
  type EdxmlTraceHeader,
} from './edxml.types.ts';
import { documentIdOf, validateEdxml } from './edxml.validate.ts';
import { escapeText } from './edxml.xml.ts';

export interface EdxmlBuildOptions {
  readonly allowedContentTypes?: readonly string[];
}

class Writer {
  readonly parts: string[] = [];

  open(name: string, attributes = ''): this {
    this.parts.push(`<edXML:${name}${attributes}>`);
    return this;
  }

  close(name: string): this {
    this.parts.push(`</edXML:${name}>`);
    return this;
  }

  /** `<edXML:name>value</edXML:name>`; nothing when the value is absent. */
  leaf(name: string, value: string | number | undefined): this {
    if (value === undefined || value === '') return this;
    this.parts.push(`<edXML:${name}>${escapeText(String(value))}</edXML:${name}>`);
    return this;
  }

  raw(text: string): this {
    this.parts.push(text);
    return this;
  }
}

function organization(w: Writer, name: string, o: EdxmlOrganization) {
  w.open(name)
    .leaf('OrganId', o.organId)
    .leaf('OrganizationInCharge', o.organizationInCharge)
    .leaf('OrganName', o.organName)
    .leaf('OrganAdd', o.organAdd)
    .leaf('Email', o.email)
    .leaf('Telephone', o.telephone)
    .leaf('Fax', o.fax)
    .leaf('Website', o.website)
    .close(name);
}

function responseFor(w: Writer, r: EdxmlResponseFor) {
  w.open('ResponseFor')
    .leaf('OrganId', r.organId)
    .leaf('Code', r.code)
    .leaf('PromulgationDate', r.promulgationDate && formatEdxmlDate(r.promulgationDate))
    .leaf('DocumentId', r.documentId)
    .close('ResponseFor');
}

function staffInfo(w: Writer, s: EdxmlStaffInfo | undefined) {
  if (!s) return;
  w.open('StaffInfo')
    .leaf('Department', s.department)
    .leaf('Staff', s.staff)
    .leaf('Mobile', s.mobile)
    .leaf('Email', s.email)
    .close('StaffInfo');
}

function traceHeaders(w: Writer, list: readonly EdxmlTraceHeader[] | undefined) {
  for (const t of list ?? []) {
    w.open('TraceHeader')
      .leaf('OrganId', t.organId)
      .leaf('Timestamp', formatEdxmlMoment(t.timestamp))
      .close('TraceHeader');
  }
}

function business(w: Writer, b: EdxmlBusiness) {
  w.open('Bussiness')
    .leaf('BussinessDocType', b.docType)
    .leaf('BussinessDocReason', b.reason)
    .leaf('DocumentId', b.documentId)
    .leaf('Paper', b.paper);
  staffInfo(w, b.staffInfo);
  if (b.documentInfo) {
    const i = b.documentInfo;
    w.open('BussinessDocumentInfo').leaf('DocumentInfo', i.documentInfo).leaf('DocumentReceiver', i.documentReceiver);
    if (i.receivers && i.receivers.length > 0) {
      w.open('ReceiverList');
      for (const r of i.receivers) {
        w.open('Receiver').leaf('ReceiverType', r.receiverType).leaf('OrganId', r.organId).close('Receiver');
      }
      w.close('ReceiverList');
    }
    w.close('BussinessDocumentInfo');
  }
  if (b.replacements && b.replacements.length > 0) {
    w.open('ReplacementInfoList');
    for (const r of b.replacements) {
      w.open('ReplacementInfo').leaf('DocumentId', r.documentId).open('OrganIdList');
      for (const id of r.organIds) w.leaf('OrganId', id);
      w.close('OrganIdList').close('ReplacementInfo');
    }
    w.close('ReplacementInfoList');
  }
  w.close('Bussiness');
}

function writePackage(w: Writer, p: EdxmlPackage) {
  w.open('edXMLHeader').open('MessageHeader');
  organization(w, 'From', p.from);
  for (const to of p.to) organization(w, 'To', to);
  w.open('Code').leaf('CodeNumber', p.code.codeNumber).leaf('CodeNotation', p.code.codeNotation).close('Code');
  w.open('PromulgationInfo')
    .leaf('Place', p.promulgationInfo.place)
    .leaf('PromulgationDate', formatEdxmlDate(p.promulgationInfo.promulgationDate))
    .close('PromulgationInfo');
  if (p.documentType) {
    w.open('DocumentType')
      .leaf('Type', p.documentType.type)
      .leaf('TypeDetail', p.documentType.typeDetail)
      .leaf('TypeName', p.documentType.typeName)
      .close('DocumentType');
  }
  w.leaf('Subject', p.subject).leaf('Content', p.content);
  if (p.signerInfo) {
    w.open('SignerInfo')
      .leaf('Competence', p.signerInfo.competence)
      .leaf('Position', p.signerInfo.position)
      .leaf('FullName', p.signerInfo.fullName)
      .close('SignerInfo');
  }
  w.leaf('DueDate', p.dueDate && formatEdxmlDate(p.dueDate));
  if (p.toPlaces && p.toPlaces.length > 0) {
    w.open('ToPlaces');
    for (const place of p.toPlaces) w.leaf('Place', place);
    w.close('ToPlaces');
  }
  if (p.otherInfo) {
    const o = p.otherInfo;
    w.open('OtherInfo')
      .leaf('Priority', o.priority)
      .leaf('SphereOfPromulgation', o.sphereOfPromulgation)
      .leaf('TyperNotation', o.typerNotation)
      .leaf('PromulgationAmount', o.promulgationAmount)
      .leaf('PageAmount', o.pageAmount);
    if (o.appendixes && o.appendixes.length > 0) {
      w.open('Appendixes');
      for (const a of o.appendixes) w.leaf('Appendix', a);
      w.close('Appendixes');
    }
    w.close('OtherInfo');
  }
  for (const r of p.responseFor ?? []) responseFor(w, r);
  w.leaf('SteeringType', p.steeringType).leaf('DocumentId', p.documentId).close('MessageHeader');
  w.open('TraceHeaderList');
  traceHeaders(w, p.traceHeaders);
  business(w, p.business);
  w.close('TraceHeaderList').close('edXMLHeader');
  w.open('edXMLBody').open('edXMLManifest', ' version="1.0"');
  for (const a of p.attachments) {
    w.open('Reference', ` xlink:href="cid:${escapeText(a.contentId).replace(/"/g, '&quot;')}" xlink:type="simple"`)
      .leaf('Description', a.description)
      .leaf('AttachmentName', a.name)
      .leaf('ContentType', a.contentType)
      .leaf('ContentId', a.contentId)
      .close('Reference');
  }
  w.close('edXMLManifest').close('edXMLBody');
}

function writeStatus(w: Writer, s: EdxmlStatus) {
  w.open('edXMLHeader').open('Status');
  responseFor(w, s.responseFor);
  organization(w, 'From', s.from);
  w.leaf('StatusCode', s.statusCode)
    .leaf('Description', s.description)
    .leaf('Timestamp', formatEdxmlStatusMoment(s.timestamp));
  staffInfo(w, s.staffInfo);
  w.close('Status');
  if (s.traceHeaders && s.traceHeaders.length > 0) {
    w.open('TraceHeaderList');
    traceHeaders(w, s.traceHeaders);
    w.close('TraceHeaderList');
  }
  w.close('edXMLHeader');
}

/** Fills what the builder may derive (DocumentId) without changing the caller's object. */
function complete(message: EdxmlMessage): EdxmlMessage {
  if (message.kind !== 'package' || message.documentId) return message;
  const p = message;
  if (!p.from?.organId || !p.promulgationInfo?.promulgationDate || !p.code?.codeNumber) return p;
  return {
    ...p,
    documentId: documentIdOf(
      p.from.organId,
      p.promulgationInfo.promulgationDate,
      p.code.codeNumber,
      p.code.codeNotation,
    ),
  };
}

/** Builds the XML text of a package or status packet; throws EdxmlError when the model is invalid. */
export function buildEdxml(input: EdxmlMessage, options: EdxmlBuildOptions = {}): string {
  const message = complete(input);
  const problems = validateEdxml(message, { mode: 'build', allowedContentTypes: options.allowedContentTypes });
  if (problems.some((p) => p.severity === 'error')) throw new EdxmlError(problems);
  const w = new Writer();
  w.raw('<?xml version="1.0" encoding="UTF-8"?>\n');
  w.open('edXML', ` xmlns:edXML="${EDXML_NAMESPACE}" xmlns:xlink="${XLINK_NAMESPACE}"`);
  w.open('edXMLEnvelope');
  if (message.kind === 'status') writeStatus(w, message);
  else writePackage(w, message);
  w.close('edXMLEnvelope');
  if (message.kind === 'package' && message.attachments.length > 0) {
    w.open('AttachmentEncoded');
    for (const a of message.attachments) {
      w.open('Attachment')
        .leaf('ContentId', a.contentId)
        .leaf('AttachmentName', a.name)
        .leaf('ContentType', a.contentType)
        .leaf('Description', a.description)
        .open('ContentTransferEncoded')
        .raw(a.base64)
        .close('ContentTransferEncoded')
        .close('Attachment');
    }
    w.close('AttachmentEncoded');
  }
  w.close('edXML');
  return w.parts.join('');
}
