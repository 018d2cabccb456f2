/**
 * Lenient edXML reader: whatever prefix (or none) other vendors use, missing optional elements, dates in any of
 * the forms of edxml.dates.ts. Input is screened first (edxml.xml.ts); Base64 bodies are read as stop nodes, so
 * the parser does not walk them character by character, and they are copied once (whitespace removed only when
 * present). Every other text is NFC-normalised; numbers that are text in XML stay text.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseEdxmlDate, parseEdxmlMoment } from './edxml.dates.ts';
import { EdxmlError, issue, type EdxmlIssue } from './edxml.errors.ts';
import {
  EDXML_NAMESPACE,
  type BusinessDocType,
  type EdxmlAttachment,
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
import { decodeXml, screenXml, xmlLimits, type XmlLimits } from './edxml.xml.ts';

export interface EdxmlParseOptions {
  readonly limits?: Partial<XmlLimits>;
  /** Attachment content types accepted (default DEFAULT_ALLOWED_CONTENT_TYPES). */
  readonly allowedContentTypes?: readonly string[];
}

export type EdxmlParseResult =
  | {
      readonly ok: true;
      readonly message: EdxmlMessage;
      /** The package carries an XML signature (checked only by verifyEdxmlSignature). */
      readonly signed: boolean;
      readonly warnings: EdxmlIssue[];
    }
  | { readonly ok: false; readonly errors: EdxmlIssue[]; readonly warnings: EdxmlIssue[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The screen already bounds depth; keep the parser's own guard above it.
  maxNestedTags: 1000,
});

/** Attachment bodies are cut out before parsing and stand in the text as `EDXML-BODY-<n>`. */
const BODY_MARK = 'EDXML-BODY-';

type XNode = Record<string, unknown>;

const isNode = (v: unknown): v is XNode => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const child = (n: unknown, name: string): unknown => (isNode(n) ? first(n[name]) : undefined);
const children = (n: unknown, name: string): unknown[] => (isNode(n) ? list(n[name]) : []);

function rawText(n: unknown): string {
  const v = first(n);
  if (typeof v === 'string') return v;
  if (isNode(v) && typeof v['#text'] === 'string') return v['#text'];
  return '';
}

/** Trimmed NFC text, or undefined when empty or absent. */
function text(n: unknown): string | undefined {
  const t = rawText(n).trim();
  return t === '' ? undefined : t.normalize('NFC');
}

/** Removes keys whose value is undefined, so optional elements are absent rather than undefined. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const nonEmpty = <T extends object>(o: T): T | undefined => (Object.keys(compact(o)).length > 0 ? o : undefined);

class Reader {
  readonly issues: EdxmlIssue[] = [];

  constructor(private readonly bodies: readonly string[]) {}

  int(n: unknown, path: string): number | undefined {
    const t = text(n);
    if (t === undefined) return undefined;
    if (!/^[+-]?\d+$/.test(t)) {
      this.issues.push(issue('edxml.invalid_number', path, t));
      return undefined;
    }
    return Number(t);
  }

  date(n: unknown, path: string): string | undefined {
    const t = text(n);
    if (t === undefined) return undefined;
    const d = parseEdxmlDate(t);
    if (d === undefined) this.issues.push(issue('edxml.invalid_date', path, t));
    return d;
  }

  moment(n: unknown, path: string): string | undefined {
    const t = text(n);
    if (t === undefined) return undefined;
    const d = parseEdxmlMoment(t);
    if (d === undefined) this.issues.push(issue('edxml.invalid_date', path, t));
    return d;
  }

  organization(n: unknown): EdxmlOrganization {
    return compact({
      organId: text(child(n, 'OrganId')) ?? '',
      organizationInCharge: text(child(n, 'OrganizationInCharge')),
      organName: text(child(n, 'OrganName')),
      organAdd: text(child(n, 'OrganAdd')),
      email: text(child(n, 'Email')),
      telephone: text(child(n, 'Telephone')),
      fax: text(child(n, 'Fax')),
      website: text(child(n, 'Website')),
    });
  }

  responseFor(n: unknown, path: string): EdxmlResponseFor {
    return compact({
      organId: text(child(n, 'OrganId')) ?? '',
      code: text(child(n, 'Code')),
      promulgationDate: this.date(child(n, 'PromulgationDate'), `${path}/PromulgationDate`),
      documentId: text(child(n, 'DocumentId')),
    });
  }

  staffInfo(n: unknown): EdxmlStaffInfo | undefined {
    if (n === undefined) return undefined;
    return nonEmpty({
      department: text(child(n, 'Department')),
      staff: text(child(n, 'Staff')),
      mobile: text(child(n, 'Mobile')),
      email: text(child(n, 'Email')),
    });
  }

  traceHeaders(list: unknown): EdxmlTraceHeader[] | undefined {
    const out = children(list, 'TraceHeader').map((t, i) => ({
      organId: text(child(t, 'OrganId')) ?? '',
      timestamp: this.moment(child(t, 'Timestamp'), `TraceHeaderList/TraceHeader[${i + 1}]/Timestamp`) ?? '',
    }));
    return out.length > 0 ? out : undefined;
  }

  business(n: unknown): EdxmlBusiness {
    const path = 'TraceHeaderList/Bussiness';
    let docType = this.int(child(n, 'BussinessDocType'), `${path}/BussinessDocType`);
    if (n === undefined || docType === undefined) {
      // Packages from before the Bussiness element: a new document.
      docType = 0;
    }
    const info = child(n, 'BussinessDocumentInfo');
    const replacements = children(child(n, 'ReplacementInfoList'), 'ReplacementInfo').map((r) => ({
      documentId: text(child(r, 'DocumentId')) ?? '',
      organIds: children(child(r, 'OrganIdList'), 'OrganId')
        .map((o) => text(o))
        .filter((o): o is string => o !== undefined),
    }));
    return compact({
      docType: docType as BusinessDocType,
      reason: text(child(n, 'BussinessDocReason')),
      documentId: text(child(n, 'DocumentId')),
      paper: this.int(child(n, 'Paper'), `${path}/Paper`),
      staffInfo: this.staffInfo(child(n, 'StaffInfo')),
      documentInfo:
        info === undefined
          ? undefined
          : compact({
              documentInfo: this.int(child(info, 'DocumentInfo'), `${path}/BussinessDocumentInfo/DocumentInfo`),
              documentReceiver: this.int(
                child(info, 'DocumentReceiver'),
                `${path}/BussinessDocumentInfo/DocumentReceiver`,
              ),
              receivers: children(child(info, 'ReceiverList'), 'Receiver').map((r, i) =>
                compact({
                  receiverType: this.int(
                    child(r, 'ReceiverType'),
                    `${path}/BussinessDocumentInfo/ReceiverList/Receiver[${i + 1}]/ReceiverType`,
                  ),
                  organId: text(child(r, 'OrganId')) ?? '',
                }),
              ),
            }),
      replacements: replacements.length > 0 ? replacements : undefined,
    });
  }

  attachments(root: XNode, envelope: unknown): EdxmlAttachment[] {
    const encoded = child(root, 'AttachmentEncoded') ?? child(envelope, 'AttachmentEncoded');
    const manifest = children(child(child(envelope, 'edXMLBody'), 'edXMLManifest'), 'Reference');
    const byId = new Map<string, unknown>();
    for (const ref of manifest) {
      const id = text(child(ref, 'ContentId')) ?? cidOf(ref);
      if (id) byId.set(id, ref);
    }
    const out = children(encoded, 'Attachment').map((a) => {
      const contentId = text(child(a, 'ContentId')) ?? '';
      const ref = byId.get(contentId);
      byId.delete(contentId);
      return compact({
        contentId,
        name: text(child(a, 'AttachmentName')) ?? text(child(ref, 'AttachmentName')) ?? '',
        contentType: text(child(a, 'ContentType')) ?? text(child(ref, 'ContentType')) ?? '',
        description: text(child(a, 'Description')) ?? text(child(ref, 'Description')),
        base64: this.base64Of(child(a, 'ContentTransferEncoded')),
      });
    });
    if (byId.size > 0 || (manifest.length > 0 && manifest.length !== out.length)) {
      this.issues.push(
        issue(
          'edxml.manifest_mismatch',
          'edXMLBody/edXMLManifest',
          `${manifest.length} references, ${out.length} attachments`,
          'warning',
        ),
      );
    }
    return out;
  }

  /** The body's raw text: CDATA markers, whitespace and character references for CR/LF removed. */
  base64Of(n: unknown): string {
    const mark = rawText(n).trim();
    let raw = mark.startsWith(BODY_MARK) ? (this.bodies[Number(mark.slice(BODY_MARK.length))] ?? '') : mark;
    if (!/[^A-Za-z0-9+/=]/.test(raw)) return raw;
    if (raw.includes('<![CDATA[')) raw = raw.replace(/<!\[CDATA\[|\]\]>/g, '');
    if (raw.includes('&')) raw = raw.replace(/&#(?:13|10|x[dDaA]);/g, '');
    return raw.replace(/\s+/g, '');
  }
}

function cidOf(ref: unknown): string | undefined {
  const href = isNode(ref) ? ref['@_href'] : undefined;
  return typeof href === 'string' && href.startsWith('cid:') ? href.slice(4) : undefined;
}

function readPackage(r: Reader, root: XNode, envelope: unknown, header: unknown): EdxmlPackage {
  const mh = child(header, 'MessageHeader');
  const trace = child(header, 'TraceHeaderList');
  const code = child(mh, 'Code');
  const prom = child(mh, 'PromulgationInfo');
  const dt = child(mh, 'DocumentType');
  const signer = child(mh, 'SignerInfo');
  const other = child(mh, 'OtherInfo');
  const toPlaces = children(child(mh, 'ToPlaces'), 'Place')
    .map((p) => text(p))
    .filter((p): p is string => p !== undefined);
  const appendixes = children(child(other, 'Appendixes'), 'Appendix')
    .map((p) => text(p))
    .filter((p): p is string => p !== undefined);
  const responseFor = children(mh, 'ResponseFor').map((x, i) =>
    r.responseFor(x, `MessageHeader/ResponseFor[${i + 1}]`),
  );
  const p: EdxmlPackage = compact({
    kind: 'package' as const,
    from: r.organization(child(mh, 'From')),
    to: children(mh, 'To').map((t) => r.organization(t)),
    code: { codeNumber: text(child(code, 'CodeNumber')) ?? '', codeNotation: text(child(code, 'CodeNotation')) ?? '' },
    promulgationInfo: compact({
      place: text(child(prom, 'Place')),
      promulgationDate:
        r.date(child(prom, 'PromulgationDate'), 'MessageHeader/PromulgationInfo/PromulgationDate') ?? '',
    }),
    documentType:
      dt === undefined
        ? undefined
        : nonEmpty({
            type: r.int(child(dt, 'Type'), 'MessageHeader/DocumentType/Type'),
            typeDetail: r.int(child(dt, 'TypeDetail'), 'MessageHeader/DocumentType/TypeDetail'),
            typeName: text(child(dt, 'TypeName')),
          }),
    subject: text(child(mh, 'Subject')) ?? '',
    content: text(child(mh, 'Content')),
    signerInfo:
      signer === undefined
        ? undefined
        : nonEmpty({
            competence: text(child(signer, 'Competence')),
            position: text(child(signer, 'Position')),
            fullName: text(child(signer, 'FullName')),
          }),
    dueDate: r.date(child(mh, 'DueDate'), 'MessageHeader/DueDate'),
    toPlaces: toPlaces.length > 0 ? toPlaces : undefined,
    otherInfo:
      other === undefined
        ? undefined
        : nonEmpty({
            priority: r.int(child(other, 'Priority'), 'MessageHeader/OtherInfo/Priority'),
            sphereOfPromulgation: text(child(other, 'SphereOfPromulgation')),
            typerNotation: text(child(other, 'TyperNotation')),
            promulgationAmount: r.int(child(other, 'PromulgationAmount'), 'MessageHeader/OtherInfo/PromulgationAmount'),
            pageAmount: r.int(child(other, 'PageAmount'), 'MessageHeader/OtherInfo/PageAmount'),
            appendixes: appendixes.length > 0 ? appendixes : undefined,
          }),
    responseFor: responseFor.length > 0 ? responseFor : undefined,
    steeringType: r.int(child(mh, 'SteeringType'), 'MessageHeader/SteeringType'),
    documentId: text(child(mh, 'DocumentId')) ?? '',
    traceHeaders: r.traceHeaders(trace),
    business: r.business(child(trace, 'Bussiness')),
    attachments: r.attachments(root, envelope),
  });
  if (!p.documentId && p.from.organId && p.promulgationInfo.promulgationDate && p.code.codeNumber) {
    p.documentId = documentIdOf(
      p.from.organId,
      p.promulgationInfo.promulgationDate,
      p.code.codeNumber,
      p.code.codeNotation,
    );
    r.issues.push(issue('edxml.required', 'MessageHeader/DocumentId', `derived: ${p.documentId}`, 'warning'));
  }
  return p;
}

function readStatus(r: Reader, header: unknown): EdxmlStatus {
  const s = child(header, 'Status');
  return compact({
    kind: 'status' as const,
    responseFor: r.responseFor(child(s, 'ResponseFor'), 'Status/ResponseFor'),
    from: r.organization(child(s, 'From')),
    statusCode: text(child(s, 'StatusCode')) ?? '',
    description: text(child(s, 'Description')),
    timestamp: r.moment(child(s, 'Timestamp'), 'Status/Timestamp') ?? '',
    staffInfo: r.staffInfo(child(s, 'StaffInfo')),
    traceHeaders: r.traceHeaders(child(header, 'TraceHeaderList')),
  });
}

/** Parses an edXML package or status packet; never throws on bad input. */
export function parseEdxml(input: string | Uint8Array, options: EdxmlParseOptions = {}): EdxmlParseResult {
  const limits = xmlLimits(options.limits);
  const xml = decodeXml(input, limits);
  if (typeof xml !== 'string') return { ok: false, errors: [xml], warnings: [] };
  const ranges: [number, number][] = [];
  const screened = screenXml(xml, limits, { localName: 'ContentTransferEncoded', ranges });
  if (screened) return { ok: false, errors: [screened], warnings: [] };
  // Cut the Base64 bodies out (slices share the input's memory) so the parser only sees the small rest.
  const bodies: string[] = [];
  let rest = xml;
  if (ranges.length > 0) {
    const parts: string[] = [];
    let last = 0;
    for (const [start, end] of ranges) {
      parts.push(xml.slice(last, start), `${BODY_MARK}${bodies.length}`);
      bodies.push(xml.slice(start, end));
      last = end;
    }
    parts.push(xml.slice(last));
    rest = parts.join('');
  }
  let doc: XNode;
  try {
    doc = parser.parse(rest) as XNode;
  } catch (e) {
    return { ok: false, errors: [issue('edxml.malformed_xml', '', (e as Error).message)], warnings: [] };
  }
  const root = (isNode(doc.edXML) ? doc.edXML : isNode(doc.edXMLEnvelope) ? doc : undefined) as XNode | undefined;
  const envelope = child(root, 'edXMLEnvelope');
  const header = child(envelope, 'edXMLHeader');
  const isStatus = isNode(header) && header.Status !== undefined;
  if (!root || !isNode(header) || (!isStatus && header.MessageHeader === undefined)) {
    return { ok: false, errors: [issue('edxml.not_edxml', '')], warnings: [] };
  }
  const r = new Reader(bodies);
  const head = xml.slice(0, 4096);
  if (!head.includes(EDXML_NAMESPACE)) r.issues.push(issue('edxml.namespace', '', undefined, 'warning'));
  const message = isStatus ? readStatus(r, header) : readPackage(r, root, envelope, header);
  const all = [
    ...r.issues,
    ...validateEdxml(message, { mode: 'parse', allowedContentTypes: options.allowedContentTypes }),
  ];
  const errors = all.filter((i) => i.severity === 'error');
  const warnings = all.filter((i) => i.severity === 'warning');
  if (errors.length > 0) return { ok: false, errors, warnings };
  // An empty <edXML:Signature/> or <edXML:DigitalSignature/> placeholder is not a signature.
  const hasContent = (n: unknown) => isNode(n) && Object.keys(n).some((k) => !k.startsWith('@_'));
  const signed = [...children(header, 'Signature'), ...children(root, 'Signature')].some(hasContent);
  return { ok: true, message, signed, warnings };
}

/** Like parseEdxml, but throws EdxmlError carrying the issues. */
export function parseEdxmlOrThrow(input: string | Uint8Array, options?: EdxmlParseOptions): EdxmlMessage {
  const result = parseEdxml(input, options);
  if (!result.ok) throw new EdxmlError([...result.errors, ...result.warnings]);
  return result.message;
}
