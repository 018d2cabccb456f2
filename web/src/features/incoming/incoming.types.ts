/** Types of incoming documents (văn bản đến), picked out of the generated API schema. */
import type { ApiBody, ApiQuery, ApiResponse } from '../../api/types';

export type IncomingQuery = ApiQuery<'/api/v1/incoming-documents', 'get'>;
export type IncomingSummary = ApiResponse<'/api/v1/incoming-documents', 'get'>['items'][number];
export type IncomingDetail = ApiResponse<'/api/v1/incoming-documents/{id}', 'get'>;
export type IncomingCounts = ApiResponse<'/api/v1/incoming-documents/counts', 'get'>;
export type IncomingView = keyof IncomingCounts;
export type IncomingStatus = IncomingSummary['status'];
export type Urgency = IncomingSummary['urgency'];
export type Confidentiality = IncomingSummary['confidentiality'];
export type DocTypeCode = IncomingSummary['docType'];
export type IncomingAction = IncomingDetail['actions'][number];
export type IncomingAssignment = IncomingDetail['assignments'][number];
export type IncomingEvent = IncomingDetail['trail'][number];
export type IncomingFile = IncomingDetail['files'][number];
export type IncomingExtension = IncomingDetail['extensions'][number];
export type NewIncoming = ApiBody<'/api/v1/incoming-documents', 'post'>;
export type Duplicate = ApiResponse<'/api/v1/incoming-documents/duplicates', 'get'>['items'][number];
export type DocumentTypeInfo = ApiResponse<'/api/v1/document-types', 'get'>['items'][number];

export type Register = ApiResponse<'/api/v1/registers', 'get'>['items'][number];
export type NewRegister = ApiBody<'/api/v1/registers', 'post'>;
export type RegisterChanges = ApiBody<'/api/v1/registers/{id}', 'patch'>;

/** The inbox views in the order of the menu. */
export const INCOMING_VIEWS: readonly IncomingView[] = [
  'to_register',
  'to_process',
  'in_progress',
  'due_soon',
  'overdue',
  'for_info',
  'done',
  'all',
];

export const URGENCIES: readonly Urgency[] = ['normal', 'urgent', 'very_urgent', 'flash'];
export const CONFIDENTIALITIES: readonly Confidentiality[] = ['normal', 'confidential', 'secret', 'top_secret'];
export const INCOMING_STATUSES: readonly IncomingStatus[] = [
  'received',
  'registered',
  'presented',
  'assigned',
  'in_progress',
  'completed',
  'closed',
];

/** The steps in the order their buttons are shown. */
export const INCOMING_ACTIONS: readonly IncomingAction[] = [
  'register',
  'present',
  'direct',
  'assign',
  'comment',
  'request_extension',
  'decide_extension',
  'return',
  'complete',
  'recall',
  'close',
  'refuse',
  'recall_answer',
];

export function isIncomingView(value: string | null): value is IncomingView {
  return value !== null && (INCOMING_VIEWS as readonly string[]).includes(value);
}
