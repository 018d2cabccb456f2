/** Tables of the exchange: the outbox (what we send over the axis) and the inbox (what the axis brought). */
import type { DefaultTimestamp, Generated, Timestamp } from '../../platform/db/schema.ts';
import type { AxisMessageType } from './axis/axis.types.ts';

export const OUTBOX_STATUSES = ['pending', 'sent', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const INBOX_OUTCOMES = [
  'accepted',
  'refused',
  'duplicate',
  /** A revoke/update/replace package stored before such packages were applied; no longer produced. */
  'deferred',
  /** An update package (BussinessDocType 2) applied to the document received earlier (incoming_document_id). */
  'updated',
  'status_applied',
  /** A status packet about no dispatch we can match: kept for the console. */
  'status_recorded',
] as const;
export type InboxOutcome = (typeof INBOX_OUTCOMES)[number];

export interface ExchangeOutboxTable {
  id: Generated<string>;
  organization_id: string;
  type: AxisMessageType;
  /** The sender's identifier code. */
  from_code: string;
  to_codes: string[];
  xml: Buffer;
  sha256: string;
  /** edoc: the package's DocumentId; status: the DocumentId the status is about. */
  document_id: string | null;
  /** status packets: 01, 02, 03… */
  status_code: string | null;
  outgoing_id: string | null;
  incoming_id: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  /** When the next try is due; while a try is in flight, the end of its lease. */
  next_attempt_at: DefaultTimestamp;
  last_error: string | null;
  axis_message_id: string | null;
  created_at: DefaultTimestamp;
  sent_at: Timestamp | null;
}

export interface ExchangeInboxTable {
  id: Generated<string>;
  organization_id: string;
  axis_message_id: string;
  type: AxisMessageType;
  from_code: string;
  raw: Buffer;
  sha256: string;
  received_at: DefaultTimestamp;
  /** Null until processed. */
  outcome: InboxOutcome | null;
  error_codes: Generated<string[]>;
  warning_codes: Generated<string[]>;
  document_id: string | null;
  status_code: string | null;
  incoming_document_id: string | null;
  processed_at: Timestamp | null;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    exchange_outbox: ExchangeOutboxTable;
    exchange_inbox: ExchangeInboxTable;
  }
}
