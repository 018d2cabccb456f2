/**
 * Errors: `throw new AppError('module.reason', details?)`. One handler maps the code to its HTTP status and
 * to a message in Vietnamese and English; 5xx responses never echo internals.
 */

interface ErrorSpec {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

/** The closed list of error codes. Each module adds its codes here with a status and both messages. */
export const ERROR_CODES = {
  'request.invalid': { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is invalid' },
  'request.malformed_json': { status: 400, vi: 'Nội dung JSON bị lỗi cú pháp', en: 'The JSON body is malformed' },
  'request.too_large': { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'The request is too large' },
  'request.unsupported_media_type': {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ',
    en: 'Unsupported content type',
  },
  'request.not_found': { status: 404, vi: 'Không tìm thấy đường dẫn', en: 'No such route' },
  'request.method_not_allowed': { status: 405, vi: 'Phương thức không được phép', en: 'Method not allowed' },
  'request.rate_limited': { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests' },
  'auth.unauthenticated': { status: 401, vi: 'Bạn cần đăng nhập', en: 'You need to log in' },
  'auth.invalid_credentials': {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
  },
  'auth.locked': {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần, tài khoản tạm khóa. Vui lòng thử lại sau',
    en: 'Too many failed logins; try again later',
  },
  'auth.csrf': {
    status: 403,
    vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)',
    en: 'Missing or invalid CSRF token',
  },
  'auth.forbidden': {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này',
    en: 'You are not allowed to do this',
  },
  'auth.weak_password': { status: 400, vi: 'Mật khẩu không đạt yêu cầu', en: 'The password does not meet the policy' },
  'auth.wrong_password': { status: 400, vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  'auth.membership_not_found': {
    status: 404,
    vi: 'Không tìm thấy vị trí công tác',
    en: 'No such membership',
  },
  'record.not_found': { status: 404, vi: 'Không tìm thấy bản ghi', en: 'Record not found' },
  'record.conflict': {
    status: 409,
    vi: 'Bản ghi đã bị người khác thay đổi, vui lòng tải lại',
    en: 'The record was changed by someone else; reload it',
  },
  'record.duplicate': { status: 409, vi: 'Bản ghi đã tồn tại', en: 'The record already exists' },
  'org.invalid_identifier': {
    status: 400,
    vi: 'Mã định danh không đúng cấu trúc V1V2V3.Z1Z2.Y1Y2.MX1X2',
    en: 'The identifier does not match V1V2V3.Z1Z2.Y1Y2.MX1X2',
  },
  'org.invalid_dates': {
    status: 400,
    vi: 'Ngày hiệu lực không hợp lệ',
    en: 'The validity dates are invalid',
  },
  'org.overlapping_identifier': {
    status: 409,
    vi: 'Mã định danh đang được cơ quan khác sử dụng trong cùng thời gian',
    en: 'The identifier is used by another organisation in the same period',
  },
  'org.invalid_reorganization': {
    status: 400,
    vi: 'Phương án sáp nhập/chia tách không hợp lệ',
    en: 'The merger or split is invalid',
  },
  'org.invalid_parent': { status: 400, vi: 'Cơ quan cấp trên không hợp lệ', en: 'The parent is invalid' },
  'org.hosted_here': {
    status: 409,
    vi: 'Cơ quan đang làm việc trên EduGov này (có người dùng), không thể đánh dấu là liên thông qua trục',
    en: 'The organisation works on this EduGov (it has members): it cannot be marked as reached through the axis',
  },
  'identity.username_taken': { status: 409, vi: 'Tên đăng nhập đã tồn tại', en: 'The username is taken' },
  'identity.invalid_roles': { status: 400, vi: 'Vai trò không hợp lệ', en: 'Invalid roles' },
  'identity.invalid_delegation': { status: 400, vi: 'Ủy quyền không hợp lệ', en: 'Invalid delegation' },
  'calendar.invalid_year': { status: 400, vi: 'Năm không hợp lệ (1900–2199)', en: 'The year is invalid (1900–2199)' },
  'calendar.invalid_override': {
    status: 400,
    vi: 'Ngày điều chỉnh lịch không hợp lệ',
    en: 'The calendar adjustment is invalid',
  },
  'files.too_large': { status: 413, vi: 'Tệp vượt quá dung lượng cho phép', en: 'The file is larger than allowed' },
  'files.unsupported_type': {
    status: 415,
    vi: 'Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh (PNG, JPEG, TIFF)',
    en: 'Only PDF, DOCX, XLSX or image files (PNG, JPEG, TIFF) are accepted',
  },
  'files.empty': { status: 400, vi: 'Tệp rỗng', en: 'The file is empty' },
  'files.missing': { status: 400, vi: 'Chưa chọn tệp để tải lên', en: 'No file was sent' },
  'files.not_found': { status: 404, vi: 'Không tìm thấy tệp', en: 'File not found' },
  'files.storage_unavailable': {
    status: 503,
    vi: 'Kho lưu trữ tệp tạm thời không sẵn sàng, vui lòng thử lại',
    en: 'The file store is temporarily unavailable; retry',
  },
  'documents.invalid_state': {
    status: 409,
    vi: 'Văn bản đang ở trạng thái không cho phép thao tác này',
    en: 'The document is not in a state that allows this',
  },
  'documents.invalid_assignment': {
    status: 400,
    vi: 'Phân công xử lý không hợp lệ',
    en: 'The assignment is invalid',
  },
  'documents.invalid_deadline': {
    status: 400,
    vi: 'Hạn xử lý không hợp lệ',
    en: 'The deadline is invalid',
  },
  'documents.register_not_found': {
    status: 400,
    vi: 'Sổ đăng ký không tồn tại hoặc không dùng được cho văn bản này',
    en: 'The register does not exist or cannot be used for this document',
  },
  'documents.register_mismatch': {
    status: 400,
    vi: 'Văn bản mật phải vào sổ văn bản mật, văn bản thường vào sổ thường',
    en: 'Confidential documents go to a confidential register, others to an ordinary one',
  },
  'documents.register_overlap': {
    status: 409,
    vi: 'Cơ quan đã có một sổ đăng ký văn bản đi đang dùng cùng độ mật; hai sổ sẽ cấp trùng số, ký hiệu. Hãy ngừng sử dụng sổ đó trước',
    en: 'The organisation already has an outgoing register in use for this confidentiality; two books would give the same numbers. Retire that one first',
  },
  'documents.file_required': {
    status: 400,
    vi: 'Cần đính kèm tệp văn bản',
    en: 'The document file is required',
  },
  'documents.file_not_found': {
    status: 400,
    vi: 'Tệp đính kèm không tồn tại',
    en: 'An attached file does not exist',
  },
  'documents.possible_duplicate': {
    status: 409,
    vi: 'Có thể trùng văn bản đã vào sổ (cùng cơ quan ban hành, số ký hiệu và ngày). Kiểm tra lại hoặc xác nhận vẫn vào sổ',
    en: 'Possibly a duplicate of a registered document (same issuer, number and date). Check, or confirm to register anyway',
  },
  'documents.signature_invalid': {
    status: 409,
    vi: 'Chữ ký số của văn bản không hợp lệ (văn bản có thể đã bị sửa đổi sau khi ký). Kiểm tra lại với nơi gửi, hoặc xác nhận vẫn vào sổ và ghi rõ lý do',
    en: "The document's digital signature is invalid (it may have been changed after signing). Check with the sender, or confirm to register it anyway with a note",
  },
  'documents.invalid_dates': {
    status: 400,
    vi: 'Ngày tháng không hợp lệ (ngày văn bản, ngày đến hoặc hạn trả lời)',
    en: 'The dates are invalid (document date, arrival date or reply due date)',
  },
  'documents.invalid_recipient': {
    status: 400,
    vi: 'Người hoặc đơn vị được giao không thuộc cơ quan, đơn vị này',
    en: 'The person or unit chosen does not belong to this organisation or unit',
  },
  'documents.invalid_period': { status: 400, vi: 'Khoảng thời gian không hợp lệ', en: 'The period is invalid' },
  'documents.invalid_draft': {
    status: 400,
    vi: 'Dự thảo không hợp lệ (trích yếu, người ký, văn bản được trả lời hoặc tệp đính kèm)',
    en: 'The draft is invalid (subject, signer, answered document or files)',
  },
  'documents.invalid_relation': {
    status: 400,
    vi: 'Văn bản được thay thế hoặc đính chính phải là văn bản đi đã phát hành của cơ quan, đơn vị này',
    en: 'The document replaced or corrected must be an issued outgoing document of this organisation',
  },
  'documents.template_not_found': {
    status: 400,
    vi: 'Quy trình duyệt không tồn tại hoặc không dùng được',
    en: 'The approval route does not exist or cannot be used',
  },
  'documents.invalid_template': {
    status: 400,
    vi: 'Quy trình duyệt không hợp lệ (bước cuối phải là lãnh đạo duyệt, mỗi bước phải có người duyệt)',
    en: 'The approval route is invalid (it must end with the approval and every stage needs a reviewer)',
  },
  'documents.default_template_required': {
    status: 409,
    vi: 'Không thể ngừng sử dụng quy trình mặc định; hãy chọn quy trình khác làm mặc định trước',
    en: 'The default approval route cannot be retired; make another route the default first',
  },
  'documents.decision_note_required': {
    status: 400,
    vi: 'Cần ghi ý kiến quyết định của lãnh đạo đối với tờ trình',
    en: "A submission needs the leader's decision note",
  },
  'documents.unit_required': {
    status: 400,
    vi: 'Công văn cần có đơn vị soạn thảo để ghi ký hiệu (ví dụ BGDĐT-GDPT)',
    en: 'An official letter needs its drafting unit for the notation (e.g. BGDĐT-GDPT)',
  },
  'documents.invalid_unit': {
    status: 400,
    vi: 'Đơn vị soạn thảo không thuộc cơ quan này hoặc đã ngừng hoạt động',
    en: 'The drafting unit does not belong to this organisation or no longer exists',
  },
  'documents.number_taken': {
    status: 409,
    vi: 'Số, ký hiệu này đã được cấp trong năm ở một sổ khác của cơ quan; hãy cấp số ở sổ đúng loại văn bản',
    en: 'This number and notation were already given this year from another register; number it in the right register',
  },
  'documents.confidential_dispatch': {
    status: 400,
    vi: 'Văn bản mật không được gửi qua môi trường điện tử; hãy bỏ các nơi nhận trên EduGov và gửi bản giấy',
    en: 'A classified document may not be sent electronically; remove the EduGov recipients and send it on paper',
  },
  'documents.copy_invalid_source': {
    status: 400,
    vi: 'Không sao được từ văn bản này: sao y, trích sao từ văn bản đi đã phát hành hoặc văn bản đến đã vào sổ có tệp PDF; sao lục từ một bản sao y',
    en: 'Cannot copy from this: a sao y or trích sao is made from an issued outgoing or a registered incoming document with its PDF; a sao lục from a sao y',
  },
  'documents.copy_invalid_pages': {
    status: 400,
    vi: 'Trang trích sao không hợp lệ (ví dụ 1-3,5; tăng dần, trong số trang của văn bản)',
    en: 'The pages to extract are invalid (e.g. 1-3,5; ascending, within the document)',
  },
  'documents.copy_invalid_signer': {
    status: 400,
    vi: 'Người ký bản sao phải là lãnh đạo của cơ quan',
    en: 'The signer of a copy must be a leader of the organisation',
  },
  'documents.copy_confidential_electronic': {
    status: 400,
    vi: 'Văn bản mật không được sao sang bản điện tử; hãy làm bản sao giấy',
    en: 'A classified document may not be copied electronically; make a paper copy',
  },
  'signatures.no_credential': {
    status: 409,
    vi: 'Chưa có chứng thư số để ký (hãy nạp chứng thư số hoặc liên hệ quản trị)',
    en: 'No signing certificate is set up (import one or ask an administrator)',
  },
  'signatures.pin_required': {
    status: 400,
    vi: 'Cần nhập mã PIN của chứng thư số để ký',
    en: 'The certificate PIN is needed to sign',
  },
  'signatures.result_not_valid': {
    status: 409,
    vi: 'Văn bản sau khi ký không được xác thực là hợp lệ (chứng thư số hết hạn, không tin cậy hoặc chữ ký hỏng); chưa phát hành',
    en: 'The signed document does not validate (expired or untrusted certificate, or a broken signature); nothing was issued',
  },
  'documents.signature_required': {
    status: 409,
    vi: 'Cơ quan ký số văn bản: văn bản phải có chữ ký số hợp lệ của người ký trước khi phát hành',
    en: 'The organisation signs digitally: the document needs a valid signature of its signer before it is issued',
  },
  'documents.signed_pdf_mismatch': {
    status: 409,
    vi: 'Văn bản đã ký không khớp với số, ký hiệu hoặc năm phát hành; cần trình ký lại',
    en: 'The signed document does not match the number notation or year of issue; it must be signed again',
  },
  'signatures.pin_locked': {
    status: 429,
    vi: 'Đã nhập sai mã PIN quá nhiều lần; chứng thư số tạm khóa 15 phút',
    en: 'Too many wrong PINs; the certificate is locked for 15 minutes',
  },
  'signatures.wrong_pin': { status: 400, vi: 'Mã PIN của chứng thư số không đúng', en: 'The certificate PIN is wrong' },
  'signatures.certificate_not_valid': {
    status: 409,
    vi: 'Chứng thư số đã hết hạn hoặc chưa có hiệu lực',
    en: 'The signing certificate has expired or is not yet valid',
  },
  'signatures.invalid_pkcs12': {
    status: 400,
    vi: 'Tệp PKCS#12 không đọc được hoặc không chứa khóa và chứng thư số',
    en: 'The PKCS#12 cannot be read or has no key and certificate',
  },
  'signatures.invalid_certificate': {
    status: 400,
    vi: 'Chứng thư số không hợp lệ (cần X.509 dạng PEM hoặc DER)',
    en: 'The certificate is invalid (X.509, PEM or DER expected)',
  },
  'signatures.invalid_image': {
    status: 400,
    vi: 'Ảnh chữ ký/con dấu phải là PNG nền trong suốt, tối đa 2000×2000 điểm ảnh',
    en: 'The signature or seal image must be a transparent PNG of at most 2000×2000 pixels',
  },
  'signatures.not_pdf': { status: 400, vi: 'Tệp không phải PDF', en: 'The file is not a PDF' },
  'signatures.pdf_encrypted': {
    status: 400,
    vi: 'Không ký được PDF đã mã hóa',
    en: 'An encrypted PDF cannot be signed',
  },
  'signatures.signing_failed': {
    status: 502,
    vi: 'Dịch vụ ký số từ xa hoặc máy chủ cấp dấu thời gian không phản hồi đúng',
    en: 'The remote signing service or the time-stamping authority failed',
  },
  'signatures.not_configured': {
    status: 503,
    vi: 'Máy chủ chưa được cấu hình khóa bảo vệ chứng thư số (SIGNING_KEY_SECRET)',
    en: 'The server has no key to protect signing credentials (SIGNING_KEY_SECRET)',
  },
  'exchange.message_not_dead': {
    status: 409,
    vi: 'Chỉ gửi lại được gói tin đã gửi thất bại (không còn thử lại)',
    en: 'Only a message whose delivery failed for good can be sent again',
  },
  'exchange.no_axis': {
    status: 503,
    vi: 'Chưa cấu hình kết nối trục liên thông văn bản',
    en: 'No interchange axis is configured',
  },
  'exchange.axis_unavailable': {
    status: 502,
    vi: 'Trục liên thông văn bản không phản hồi, vui lòng thử lại sau',
    en: 'The interchange axis did not answer; try again later',
  },
  'exchange.package_invalid': {
    status: 400,
    vi: 'Văn bản không đóng được gói edXML (QCVN 102:2016) để gửi qua trục liên thông',
    en: 'The document cannot be packed as edXML (QCVN 102:2016) to go over the interchange axis',
  },
  'exchange.unknown_organization': {
    status: 404,
    vi: 'Không có cơ quan nào trên EduGov mang mã định danh này',
    en: 'No organisation on EduGov has this identifier code',
  },
  'database.unavailable': {
    status: 503,
    vi: 'Cơ sở dữ liệu tạm thời không sẵn sàng, vui lòng thử lại',
    en: 'The database is temporarily unavailable; retry',
  },
  'server.internal': { status: 500, vi: 'Lỗi hệ thống', en: 'Internal server error' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(ERROR_CODES[code].en);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }
}

export type Lang = 'vi' | 'en';

export function errorBody(code: ErrorCode, lang: Lang, details?: unknown) {
  const spec = ERROR_CODES[code];
  return { error: { code, message: lang === 'en' ? spec.en : spec.vi, details: details ?? null } };
}
