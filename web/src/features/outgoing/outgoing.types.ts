/** Types of outgoing documents (văn bản đi), picked out of the generated API schema. */
import type { ApiBody, ApiQuery, ApiResponse } from '../../api/types';

export type OutgoingQuery = ApiQuery<'/api/v1/outgoing-documents', 'get'>;
export type OutgoingView = NonNullable<OutgoingQuery['view']>;
export type OutgoingSummary = ApiResponse<'/api/v1/outgoing-documents', 'get'>['items'][number];
export type OutgoingDetail = ApiResponse<'/api/v1/outgoing-documents/{id}', 'get'>;
export type OutgoingStatus = OutgoingSummary['status'];
export type ServerAction = OutgoingDetail['actions'][number];
/** The server's steps, plus issuing and recalling (which the issuing routes add to `actions`). */
export type OutgoingAction = Exclude<ServerAction, 'update'> | 'issue' | 'recall';
export type AuthorityPrefix = NonNullable<OutgoingDetail['authorityPrefix']>;
export type OutgoingStep = OutgoingDetail['steps'][number];
export type OutgoingEvent = OutgoingDetail['trail'][number];
export type OutgoingFile = OutgoingDetail['files'][number];
export type NewDraft = ApiBody<'/api/v1/outgoing-documents', 'post'>;
export type DraftChanges = ApiBody<'/api/v1/outgoing-documents/{id}', 'patch'>;
export type RevisionComparison = ApiResponse<'/api/v1/outgoing-documents/{id}/revisions/compare', 'get'>;
export type ApprovalTemplate = ApiResponse<'/api/v1/approval-templates', 'get'>['items'][number];

/** One recipient's copy after issue, as `GET …/:id/dispatches` answers it; `label` is {vi, en}. */
export type Dispatch = ApiResponse<'/api/v1/outgoing-documents/{id}/dispatches', 'get'>['items'][number];
/** The request body of a step (`POST …/:id/<action>`). */
export type StepBodyOf<A extends OutgoingAction> = ApiBody<`/api/v1/outgoing-documents/{id}/${A}`, 'post'>;

export const OUTGOING_VIEWS: readonly OutgoingView[] = ['mine', 'to_review', 'all'];
export const AUTHORITY_PREFIXES: readonly AuthorityPrefix[] = ['TM', 'KT', 'TL', 'TUQ', 'Q'];

/** The steps in the order their buttons are shown. */
export const OUTGOING_ACTIONS: readonly OutgoingAction[] = [
  'submit',
  'approve',
  'forward',
  'return',
  'reject',
  'issue',
  'recall',
];

export function isOutgoingView(value: string | null): value is OutgoingView {
  return value !== null && (OUTGOING_VIEWS as readonly string[]).includes(value);
}
