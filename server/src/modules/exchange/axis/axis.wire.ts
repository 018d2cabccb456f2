/**
 * The wire of EduGov's axis protocol — every path, header and JSON field name that the HTTP connector and the
 * reference hub exchange lives here and nowhere else.
 *
 * This wire is EduGov's own. The national axis of Văn phòng Chính phủ (VXP/LGSP) is reached through the
 * operator's SDK (Java/.NET, SOAP/REST), which we do not have; to connect to it, write an adapter that
 * implements AxisConnector (or a wire of the same shape as this file) and check against the operator's SDK:
 *   - credentials: how SystemId and SecretKey are sent (samples show headers `systemId` / `secret`; a token
 *     exchange or TLS client certificates are possible), and whether they are per deployment or per OrganId;
 *   - SendEdoc(file, messageType edoc|status, serviceType eDoc): the sender/recipient headers (`from`, `to`),
 *     whether recipients are read from the edXML header instead, the response's message id field (`docId`),
 *     the size limit and whether a retried send is deduplicated (our `Idempotency-Key`);
 *   - GetReceivedEdocList(messageType): the item fields (docId, from, to, created time, status) and paging;
 *   - GetEdoc(docId): raw bytes or a Base64/JSON envelope;
 *   - UpdateStatus(docId, status): the status spellings (inbox / acceptance / rejection / processing / done /
 *     fail) and which transitions the axis allows;
 *   - GetAgencyList: the fields (code, name, parent code, pId) and the volume (≈111 000 agencies: paging);
 *   - error reporting (HTTP status codes vs. an ErrorCode field in a 200 body) and rate limits.
 */
import type { AxisAgency, AxisMessageType, AxisReceivedItem, AxisStatus } from './axis.types.ts';
import { AXIS_STATUSES } from './axis.types.ts';

export const WIRE_VERSION = 'v1';

/** Paths, relative to the axis base URL. Organisation codes and ids are URL-encoded path segments. */
export const axisPaths = {
  /** POST raw edXML → 201 {messageId, acceptedAt} (200 when the idempotency key was seen). */
  send: () => `/${WIRE_VERSION}/messages`,
  /** GET ?type=edoc|status&status=inbox&limit=n → {items: [...]} (oldest first). */
  received: (organizationCode: string) => `/${WIRE_VERSION}/organizations/${enc(organizationCode)}/messages`,
  /** GET → the raw bytes (application/xml). */
  message: (organizationCode: string, messageId: string) =>
    `/${WIRE_VERSION}/organizations/${enc(organizationCode)}/messages/${enc(messageId)}`,
  /** PUT {status} → 204. */
  status: (organizationCode: string, messageId: string) =>
    `/${WIRE_VERSION}/organizations/${enc(organizationCode)}/messages/${enc(messageId)}/status`,
  /** GET → {agencies: [...]}. */
  agencies: () => `/${WIRE_VERSION}/agencies`,
} as const;

export type AxisRoute =
  | { readonly route: 'send' }
  | { readonly route: 'received'; readonly organizationCode: string }
  | { readonly route: 'message'; readonly organizationCode: string; readonly messageId: string }
  | { readonly route: 'status'; readonly organizationCode: string; readonly messageId: string }
  | { readonly route: 'agencies' };

/** The route of a request path (the inverse of axisPaths), or undefined. */
export function matchAxisPath(pathname: string): AxisRoute | undefined {
  const parts = pathname.split('/').slice(1);
  if (parts[0] !== WIRE_VERSION) return undefined;
  let segments: string[];
  try {
    segments = parts.slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [a, organizationCode, b, messageId, c, ...extra] = segments;
  if (extra.length > 0) return undefined;
  if (a === 'messages' && segments.length === 1) return { route: 'send' };
  if (a === 'agencies' && segments.length === 1) return { route: 'agencies' };
  if (a !== 'organizations' || !organizationCode || b !== 'messages') return undefined;
  if (segments.length === 3) return { route: 'received', organizationCode };
  if (!messageId) return undefined;
  if (segments.length === 4) return { route: 'message', organizationCode, messageId };
  if (c === 'status') return { route: 'status', organizationCode, messageId };
  return undefined;
}

/** Header names (lower case, as node:http presents them). */
export const axisHeaders = {
  systemId: 'x-axis-system-id',
  secretKey: 'x-axis-secret-key',
  from: 'x-axis-from',
  /** Comma-separated recipient codes. */
  to: 'x-axis-to',
  messageType: 'x-axis-message-type',
  idempotencyKey: 'idempotency-key',
} as const;

export const XML_CONTENT_TYPE = 'application/xml';

/** Query parameters of the received list. */
export const axisQuery = { type: 'type', status: 'status', limit: 'limit' } as const;

/** Error body of every non-2xx response: {error: code, message}. */
export type AxisWireErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'bad_request'
  | 'unknown_recipient'
  | 'too_large'
  | 'conflict'
  | 'internal';

export interface AxisWireError {
  readonly error: AxisWireErrorCode;
  readonly message: string;
}

export interface AxisWireReceipt {
  readonly messageId: string;
  readonly acceptedAt: string;
}

export interface AxisWireItem {
  readonly messageId: string;
  readonly type: AxisMessageType;
  readonly from: string;
  readonly to: string;
  readonly receivedAt: string;
  readonly status: AxisStatus;
}

export interface AxisWireStatusUpdate {
  readonly status: AxisStatus;
}

export function isMessageType(value: unknown): value is AxisMessageType {
  return value === 'edoc' || value === 'status';
}

export function isAxisStatus(value: unknown): value is AxisStatus {
  return typeof value === 'string' && (AXIS_STATUSES as readonly string[]).includes(value);
}

/** Reads a wire item; undefined when a field is missing or of the wrong type. */
export function readWireItem(value: unknown): AxisReceivedItem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const receivedAt = typeof v.receivedAt === 'string' ? new Date(v.receivedAt) : undefined;
  if (
    typeof v.messageId !== 'string' ||
    !isMessageType(v.type) ||
    typeof v.from !== 'string' ||
    typeof v.to !== 'string' ||
    !isAxisStatus(v.status) ||
    !receivedAt ||
    Number.isNaN(receivedAt.getTime())
  ) {
    return undefined;
  }
  return { messageId: v.messageId, type: v.type, from: v.from, to: v.to, receivedAt, status: v.status };
}

export function readWireAgency(value: unknown): AxisAgency | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.code !== 'string' || typeof v.name !== 'string') return undefined;
  const parentCode = typeof v.parentCode === 'string' && v.parentCode !== '' ? v.parentCode : null;
  return { code: v.code, name: v.name, parentCode };
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
