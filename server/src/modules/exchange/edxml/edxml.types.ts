/**
 * The typed model of an edXML package and of a status packet (QCVN 102:2016/BTTTT, STANDARDS.md §2.2–2.7).
 * Names follow the XML elements in camelCase; optional elements are absent keys (never `undefined` values),
 * so a model survives JSON and compares equal after build → parse.
 *
 * Conventions:
 * - identifiers, numbers and codes that are text in XML stay text (`codeNumber: '0012'` keeps its zeros);
 *   elements the standard declares as integers (`Type`, `Priority`, …) are numbers;
 * - a date is `YYYY-MM-DD`; a moment is ISO 8601 with the Vietnam offset, `YYYY-MM-DDTHH:mm:ss+07:00`;
 * - attachment content stays Base64 text (`base64`), decoded only when someone needs the bytes.
 */

export const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/** From, To and Status/From (§2.3 1.1–1.2). */
export interface EdxmlOrganization {
  organId: string;
  organizationInCharge?: string;
  organName?: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
  fax?: string;
  website?: string;
}

export interface EdxmlCode {
  /** Số — text, leading zeros kept. */
  codeNumber: string;
  /** Ký hiệu, e.g. `BGDĐT-GDPT`. */
  codeNotation: string;
}

export interface EdxmlPromulgationInfo {
  place?: string;
  promulgationDate: string;
}

export interface EdxmlDocumentType {
  type?: number;
  typeDetail?: number;
  typeName?: string;
}

export interface EdxmlSignerInfo {
  competence?: string;
  position?: string;
  fullName?: string;
}

export interface EdxmlOtherInfo {
  /** 0 Thường · 1 Khẩn · 2 Thượng khẩn · 3 Hỏa tốc · 4 Hỏa tốc hẹn giờ. */
  priority?: number;
  sphereOfPromulgation?: string;
  typerNotation?: string;
  promulgationAmount?: number;
  pageAmount?: number;
  appendixes?: string[];
}

/** ResponseFor (§2.3 1.12) — also the first child of a status packet. */
export interface EdxmlResponseFor {
  organId: string;
  code?: string;
  promulgationDate?: string;
  documentId?: string;
}

export interface EdxmlTraceHeader {
  organId: string;
  timestamp: string;
}

export interface EdxmlStaffInfo {
  department?: string;
  staff?: string;
  mobile?: string;
  email?: string;
}

/** BussinessDocType: 0 new · 1 revoke (thu hồi) · 2 update (cập nhật) · 3 replace (thay thế). */
export const BUSINESS_DOC_TYPES = { new: 0, revoke: 1, update: 2, replace: 3 } as const;
export type BusinessDocType = (typeof BUSINESS_DOC_TYPES)[keyof typeof BUSINESS_DOC_TYPES];

export interface EdxmlReceiver {
  receiverType?: number;
  organId: string;
}

export interface EdxmlBusinessDocumentInfo {
  /** 1 when the metadata changed. */
  documentInfo?: number;
  /** 1 when the recipients changed. */
  documentReceiver?: number;
  receivers?: EdxmlReceiver[];
}

export interface EdxmlReplacementInfo {
  documentId: string;
  organIds: string[];
}

/** Bussiness (the standard's spelling) — §2.4. */
export interface EdxmlBusiness {
  docType: BusinessDocType;
  reason?: string;
  /** The target document of a revoke, update or replace. */
  documentId?: string;
  paper?: number;
  staffInfo?: EdxmlStaffInfo;
  /** Update (2) only. */
  documentInfo?: EdxmlBusinessDocumentInfo;
  /** Replace (3) only. */
  replacements?: EdxmlReplacementInfo[];
}

/** One file: the manifest Reference and the AttachmentEncoded/Attachment joined by ContentId. */
export interface EdxmlAttachment {
  contentId: string;
  name: string;
  contentType: string;
  description?: string;
  /** The file content as Base64 text (whitespace removed). */
  base64: string;
}

export interface EdxmlPackage {
  kind: 'package';
  from: EdxmlOrganization;
  to: EdxmlOrganization[];
  code: EdxmlCode;
  promulgationInfo: EdxmlPromulgationInfo;
  documentType?: EdxmlDocumentType;
  subject: string;
  content?: string;
  signerInfo?: EdxmlSignerInfo;
  dueDate?: string;
  toPlaces?: string[];
  otherInfo?: EdxmlOtherInfo;
  responseFor?: EdxmlResponseFor[];
  steeringType?: number;
  /** `{OrganId},{yyyy/MM/dd},{CodeNumber}/{CodeNotation}` — derived by the builder when absent. */
  documentId: string;
  traceHeaders?: EdxmlTraceHeader[];
  business: EdxmlBusiness;
  attachments: EdxmlAttachment[];
}

/** Known status codes (§2.7); the set is open, any two digits parse. */
export const STATUS_CODES = {
  '01': { vi: 'Đã đến', en: 'Arrived' },
  '02': { vi: 'Từ chối tiếp nhận', en: 'Refused' },
  '03': { vi: 'Đã tiếp nhận', en: 'Registered' },
  '04': { vi: 'Phân công', en: 'Assigned' },
  '05': { vi: 'Đang xử lý', en: 'In progress' },
  '06': { vi: 'Hoàn thành', en: 'Completed' },
  '13': { vi: 'Lấy lại / Thu hồi', en: 'Recall requested' },
  '15': { vi: 'Đồng ý cập nhật / lấy lại', en: 'Recall or update accepted' },
  '16': { vi: 'Từ chối cập nhật / lấy lại', en: 'Recall or update refused' },
} as const;

export interface EdxmlStatus {
  kind: 'status';
  responseFor: EdxmlResponseFor;
  from: EdxmlOrganization;
  statusCode: string;
  description?: string;
  timestamp: string;
  staffInfo?: EdxmlStaffInfo;
  traceHeaders?: EdxmlTraceHeader[];
}

export type EdxmlMessage = EdxmlPackage | EdxmlStatus;
