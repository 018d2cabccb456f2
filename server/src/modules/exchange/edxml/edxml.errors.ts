/**
 * The closed list of edXML problems, each with a Vietnamese and an English message. Parsing, validation and
 * signature checks report them as issues (`{ code, path, … }`); `severity` says whether the package is refused.
 */

interface IssueSpec {
  readonly vi: string;
  readonly en: string;
}

export const EDXML_ISSUES = {
  'edxml.too_large': { vi: 'Gói tin vượt quá dung lượng cho phép', en: 'The package is larger than allowed' },
  'edxml.malformed_xml': { vi: 'Gói tin không phải XML hợp lệ', en: 'The package is not well-formed XML' },
  'edxml.doctype_forbidden': {
    vi: 'Gói tin chứa khai báo DOCTYPE/ENTITY (không được phép)',
    en: 'The package contains a DOCTYPE or ENTITY declaration, which is not allowed',
  },
  'edxml.too_deep': { vi: 'Gói tin lồng nhau quá sâu', en: 'The package nests elements too deeply' },
  'edxml.too_many_attributes': {
    vi: 'Một phần tử có quá nhiều thuộc tính',
    en: 'An element has too many attributes',
  },
  'edxml.not_edxml': {
    vi: 'Không phải gói tin edXML (thiếu edXML/edXMLEnvelope/edXMLHeader)',
    en: 'Not an edXML package (edXML/edXMLEnvelope/edXMLHeader missing)',
  },
  'edxml.namespace': {
    vi: 'Gói tin không khai báo không gian tên http://www.mic.gov.vn/TBT/QCVN_102_2016',
    en: 'The package does not declare the namespace http://www.mic.gov.vn/TBT/QCVN_102_2016',
  },
  'edxml.required': { vi: 'Thiếu thông tin bắt buộc', en: 'A required element is missing' },
  'edxml.invalid_identifier': {
    vi: 'Mã định danh không đúng cấu trúc V1V2V3.Z1Z2.Y1Y2.MX1X2',
    en: 'The identifier does not match V1V2V3.Z1Z2.Y1Y2.MX1X2',
  },
  'edxml.no_recipient': { vi: 'Gói tin phải có ít nhất một nơi nhận (To)', en: 'The package needs at least one To' },
  'edxml.duplicate_recipient': {
    vi: 'Một cơ quan nhận xuất hiện nhiều lần trong To',
    en: 'A recipient appears more than once in To',
  },
  'edxml.subject_too_long': {
    vi: 'Trích yếu dài quá 500 ký tự',
    en: 'The subject is longer than 500 characters',
  },
  'edxml.text_too_long': {
    vi: 'Nội dung vượt độ dài cho phép (tóm tắt 500, nơi nhận 150, phụ lục 250 ký tự)',
    en: 'A text is too long (content 500, place 150, appendix 250 characters)',
  },
  'edxml.invalid_date': { vi: 'Ngày tháng không hợp lệ', en: 'The date is invalid' },
  'edxml.invalid_number': { vi: 'Giá trị phải là số nguyên', en: 'The value must be a whole number' },
  'edxml.invalid_priority': {
    vi: 'Độ khẩn (Priority) phải từ 0 đến 4',
    en: 'Priority must be from 0 to 4',
  },
  'edxml.invalid_business_type': {
    vi: 'Loại nghiệp vụ (BussinessDocType) phải là 0, 1, 2 hoặc 3',
    en: 'BussinessDocType must be 0, 1, 2 or 3',
  },
  'edxml.invalid_document_id': {
    vi: 'DocumentId không đúng dạng {mã định danh},{yyyy/MM/dd},{số}/{ký hiệu}',
    en: 'DocumentId does not match {identifier},{yyyy/MM/dd},{number}/{notation}',
  },
  'edxml.invalid_status_code': {
    vi: 'Mã trạng thái phải gồm hai chữ số',
    en: 'The status code must be two digits',
  },
  'edxml.attachment_name_too_long': {
    vi: 'Tên tệp đính kèm dài quá 200 ký tự',
    en: 'An attachment name is longer than 200 characters',
  },
  'edxml.attachment_name_invalid': {
    vi: 'Tên tệp đính kèm chứa đường dẫn hoặc ký tự không hợp lệ',
    en: 'An attachment name contains a path or invalid characters',
  },
  'edxml.attachment_base64_invalid': {
    vi: 'Nội dung tệp đính kèm không phải Base64 hợp lệ',
    en: 'An attachment is not well-formed Base64',
  },
  'edxml.attachment_content_type': {
    vi: 'Kiểu tệp đính kèm không được phép',
    en: 'The content type of an attachment is not allowed',
  },
  'edxml.attachment_duplicate': {
    vi: 'Hai tệp đính kèm trùng ContentId',
    en: 'Two attachments share a ContentId',
  },
  'edxml.manifest_mismatch': {
    vi: 'Danh mục tệp (edXMLManifest) không khớp với các tệp đính kèm',
    en: 'The manifest does not match the attachments',
  },
  'edxml.signature_missing': { vi: 'Gói tin chưa được ký số', en: 'The package is not signed' },
  'edxml.signature_multiple': {
    vi: 'Gói tin có nhiều hơn một chữ ký',
    en: 'The package carries more than one signature',
  },
  'edxml.signature_invalid': {
    vi: 'Chữ ký số không hợp lệ (nội dung đã bị thay đổi hoặc chữ ký sai)',
    en: 'The signature is invalid (the content was changed or the signature is wrong)',
  },
  'edxml.signature_algorithm': {
    vi: 'Thuật toán ký hoặc chuẩn hóa không được hỗ trợ',
    en: 'The signature or canonicalization algorithm is not supported',
  },
  'edxml.signature_sha1': {
    vi: 'Chữ ký dùng SHA-1 (thuật toán cũ, vẫn chấp nhận)',
    en: 'The signature uses SHA-1 (legacy, still accepted)',
  },
  'edxml.signature_scope': {
    vi: 'Chữ ký không bao trùm toàn bộ gói tin',
    en: 'The signature does not cover the whole package',
  },
  'edxml.certificate_missing': {
    vi: 'Chữ ký không kèm chứng thư số',
    en: 'The signature carries no certificate',
  },
  'edxml.certificate_untrusted': {
    vi: 'Chứng thư số không thuộc danh sách tin cậy',
    en: 'The certificate does not chain to the trust list',
  },
  'edxml.certificate_expired': {
    vi: 'Chứng thư số đã hết hạn hoặc chưa có hiệu lực',
    en: 'The certificate is expired or not yet valid',
  },
} as const satisfies Record<string, IssueSpec>;

export type EdxmlIssueCode = keyof typeof EDXML_ISSUES;

export interface EdxmlIssue {
  readonly code: EdxmlIssueCode;
  readonly severity: 'error' | 'warning';
  /** Where: an element path such as `MessageHeader/To[2]/OrganId`, or '' for the whole package. */
  readonly path: string;
  readonly message: { readonly vi: string; readonly en: string };
  /** The offending value or a short explanation (never more than 200 characters of input). */
  readonly detail?: string;
}

export function issue(
  code: EdxmlIssueCode,
  path: string,
  detail?: string,
  severity: 'error' | 'warning' = 'error',
): EdxmlIssue {
  const { vi, en } = EDXML_ISSUES[code];
  const out: { -readonly [K in keyof EdxmlIssue]: EdxmlIssue[K] } = { code, severity, path, message: { vi, en } };
  if (detail !== undefined) out.detail = detail.length > 200 ? `${detail.slice(0, 200)}…` : detail;
  return out;
}

/** Thrown by the strict builder and by `parseEdxmlOrThrow`. */
export class EdxmlError extends Error {
  constructor(readonly issues: readonly EdxmlIssue[]) {
    super(
      `edXML: ${issues
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code}${i.path ? ` at ${i.path}` : ''}${i.detail ? ` (${i.detail})` : ''}`)
        .join('; ')}`,
    );
    this.name = 'EdxmlError';
  }
}
