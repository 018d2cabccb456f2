/** Tables of issuing (phát hành): dispatches per recipient and their status history; new columns on the documents. */
import type { Generated } from 'kysely';
import type { DefaultTimestamp, Timestamp } from '../../../../platform/db/schema.ts';
import type { DispatchChannel, DispatchStatus } from './issuing.types.ts';

export interface OutgoingDispatchesTable {
  id: Generated<string>;
  outgoing_id: string;
  recipient_organization_id: string | null;
  recipient_name: string;
  channel: DispatchChannel;
  /** The copy created at the recipient (EduGov only). */
  incoming_id: string | null;
  /** Channel 'axis': the recipient's identifier code and the package's edXML DocumentId (statuses come back by them). */
  recipient_code: string | null;
  axis_document_id: string | null;
  status: DispatchStatus;
  status_at: DefaultTimestamp;
  reason: string | null;
  created_at: DefaultTimestamp;
}

export interface OutgoingDispatchEventsTable {
  id: Generated<number>;
  dispatch_id: string;
  status: DispatchStatus;
  reason: string | null;
  actor_user_id: string | null;
  occurred_at: DefaultTimestamp;
}

declare module '../drafts/drafts.tables.ts' {
  interface OutgoingDocumentsTable {
    full_number: string | null;
    issued_at: Timestamp | null;
    issued_by: string | null;
    official_file_id: string | null;
    recall_reason: string | null;
  }
}

declare module '../../documents.tables.ts' {
  interface IncomingDocumentsTable {
    /** How a copy received on EduGov ended other than by handling: refused by the clerk, withdrawn on recall. */
    outcome: 'refused' | 'withdrawn' | null;
  }
}

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    outgoing_dispatches: OutgoingDispatchesTable;
    outgoing_dispatch_events: OutgoingDispatchEventsTable;
  }
}
