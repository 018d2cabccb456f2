/**
 * The vocabulary of official documents (Decree 30/2020): the 29 administrative types with their
 * abbreviations (Phụ lục III), urgency and confidentiality levels, and the states of an incoming document.
 * Codes are stable internal identifiers; ordinals and labels may change, codes never do.
 */

export interface DocumentTypeSpec {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  /** The abbreviation used in the ký hiệu (Phụ lục III); null for Công văn and Thư công. */
  readonly abbreviation: string | null;
}

export const DOCUMENT_TYPES = [
  { code: 'resolution', vi: 'Nghị quyết', en: 'Resolution', abbreviation: 'NQ' },
  { code: 'decision', vi: 'Quyết định', en: 'Decision', abbreviation: 'QĐ' },
  { code: 'directive', vi: 'Chỉ thị', en: 'Directive', abbreviation: 'CT' },
  { code: 'bylaw', vi: 'Quy chế', en: 'Bylaw', abbreviation: 'QC' },
  { code: 'regulation', vi: 'Quy định', en: 'Regulation', abbreviation: 'QyĐ' },
  { code: 'communique', vi: 'Thông cáo', en: 'Communiqué', abbreviation: 'TC' },
  { code: 'notice', vi: 'Thông báo', en: 'Notice', abbreviation: 'TB' },
  { code: 'guidance', vi: 'Hướng dẫn', en: 'Guidance', abbreviation: 'HD' },
  { code: 'programme', vi: 'Chương trình', en: 'Programme', abbreviation: 'CTr' },
  { code: 'plan', vi: 'Kế hoạch', en: 'Plan', abbreviation: 'KH' },
  { code: 'option', vi: 'Phương án', en: 'Option plan', abbreviation: 'PA' },
  { code: 'scheme', vi: 'Đề án', en: 'Scheme', abbreviation: 'ĐA' },
  { code: 'project', vi: 'Dự án', en: 'Project', abbreviation: 'DA' },
  { code: 'report', vi: 'Báo cáo', en: 'Report', abbreviation: 'BC' },
  { code: 'minutes', vi: 'Biên bản', en: 'Minutes', abbreviation: 'BB' },
  { code: 'submission', vi: 'Tờ trình', en: 'Submission', abbreviation: 'TTr' },
  { code: 'contract', vi: 'Hợp đồng', en: 'Contract', abbreviation: 'HĐ' },
  { code: 'official_letter', vi: 'Công văn', en: 'Official letter', abbreviation: null },
  { code: 'official_telegram', vi: 'Công điện', en: 'Official telegram', abbreviation: 'CĐ' },
  { code: 'memorandum', vi: 'Bản ghi nhớ', en: 'Memorandum of understanding', abbreviation: 'BGN' },
  { code: 'agreement', vi: 'Bản thỏa thuận', en: 'Agreement', abbreviation: 'BTT' },
  { code: 'power_of_attorney', vi: 'Giấy ủy quyền', en: 'Power of attorney', abbreviation: 'GUQ' },
  { code: 'invitation', vi: 'Giấy mời', en: 'Invitation', abbreviation: 'GM' },
  { code: 'introduction', vi: 'Giấy giới thiệu', en: 'Letter of introduction', abbreviation: 'GGT' },
  { code: 'leave_permit', vi: 'Giấy nghỉ phép', en: 'Leave permit', abbreviation: 'GNP' },
  { code: 'dispatch_note', vi: 'Phiếu gửi', en: 'Dispatch note', abbreviation: 'PG' },
  { code: 'transfer_note', vi: 'Phiếu chuyển', en: 'Transfer note', abbreviation: 'PC' },
  { code: 'notification_slip', vi: 'Phiếu báo', en: 'Notification slip', abbreviation: 'PB' },
  { code: 'public_letter', vi: 'Thư công', en: 'Public letter', abbreviation: null },
] as const satisfies readonly DocumentTypeSpec[];

export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];
export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as readonly DocumentTypeCode[];

export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'] as const;
export type Urgency = (typeof URGENCIES)[number];
/** Thường, Khẩn, Thượng khẩn, Hỏa tốc — higher is more urgent (sorted first). */
export const URGENCY_LABELS: Readonly<Record<Urgency, { vi: string; en: string }>> = {
  normal: { vi: 'Thường', en: 'Normal' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
  very_urgent: { vi: 'Thượng khẩn', en: 'Very urgent' },
  flash: { vi: 'Hỏa tốc', en: 'Flash' },
};

export const CONFIDENTIALITIES = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];
export const CONFIDENTIALITY_LABELS: Readonly<Record<Confidentiality, { vi: string; en: string }>> = {
  normal: { vi: 'Thường', en: 'Not classified' },
  confidential: { vi: 'Mật', en: 'Confidential' },
  secret: { vi: 'Tối mật', en: 'Secret' },
  top_secret: { vi: 'Tuyệt mật', en: 'Top secret' },
};

/**
 * received   — arrived from another organisation on EduGov, waiting for the clerk to register it (chờ vào sổ)
 * registered — has its arrival number; the clerk presents it to the leader (đã vào sổ)
 * presented  — with the leader for direction (chờ chỉ đạo)
 * assigned   — directed to a lead unit whose head has not yet given it to a person
 * in_progress — a person leads the handling
 * completed  — handled (đã giải quyết); closed — ended without further handling (kết thúc)
 */
export const INCOMING_STATUSES = [
  'received',
  'registered',
  'presented',
  'assigned',
  'in_progress',
  'completed',
  'closed',
] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
export const OPEN_STATUSES = ['assigned', 'in_progress'] as const satisfies readonly IncomingStatus[];
export const FINISHED_STATUSES = ['completed', 'closed'] as const satisfies readonly IncomingStatus[];

export const INCOMING_SOURCES = ['paper', 'electronic', 'edugov'] as const;
export type IncomingSource = (typeof INCOMING_SOURCES)[number];

export const ASSIGNMENT_ROLES = ['lead', 'support', 'info'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_STATUSES = ['active', 'completed', 'returned', 'recalled', 'closed'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** `withdrawn`: the assignment it was for ended (recalled, handed back, re-directed) before a decision. */
export const EXTENSION_STATUSES = ['pending', 'approved', 'refused', 'withdrawn'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

export const INCOMING_FILE_KINDS = ['main', 'attachment', 'draft'] as const;
export type IncomingFileKind = (typeof INCOMING_FILE_KINDS)[number];

/** The inbox views (hộp văn bản) of the incoming-documents screen. */
export const INCOMING_VIEWS = [
  'to_register',
  'to_process',
  'in_progress',
  'due_soon',
  'overdue',
  'for_info',
  'done',
  'all',
] as const;
export type IncomingView = (typeof INCOMING_VIEWS)[number];
