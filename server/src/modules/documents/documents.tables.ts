import type { ColumnType, Generated } from 'kysely';
import type { DateColumn, DefaultTimestamp, Timestamp } from '../../platform/db/schema.ts';
import type {
  AssignmentRole,
  AssignmentStatus,
  Confidentiality,
  ExtensionStatus,
  IncomingFileKind,
  IncomingSource,
  IncomingStatus,
  Urgency,
} from './documents.types.ts';

export interface RegistersTable {
  id: Generated<string>;
  organization_id: string;
  direction: 'incoming' | 'outgoing';
  name: string;
  confidential: Generated<boolean>;
  numbering: Generated<'single' | 'per_type'>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface RegisterCountersTable {
  register_id: string;
  year: number;
  /** '' for a register's single series; a document type code for per-type outgoing books. */
  series: Generated<string>;
  last_number: number;
}

export interface IncomingDocumentsTable {
  id: Generated<string>;
  organization_id: string;
  status: IncomingStatus;
  source: IncomingSource;
  sender_organization_id: string | null;
  source_reference: string | null;
  register_id: string | null;
  arrival_year: number | null;
  arrival_number: number | null;
  received_at: Timestamp;
  registered_at: Timestamp | null;
  registered_by: string | null;
  issuer_name: string;
  number_notation: string;
  document_date: DateColumn;
  doc_type: string;
  subject: string;
  signer_name: string | null;
  signer_position: string | null;
  urgency: Generated<Urgency>;
  confidentiality: Generated<Confidentiality>;
  page_count: number | null;
  reply_due_date: DateColumn | null;
  notes: string | null;
  presented_to: string | null;
  presented_at: Timestamp | null;
  directed_at: Timestamp | null;
  directed_by: string | null;
  first_directed_at: Timestamp | null;
  due_date: DateColumn | null;
  lead_unit_id: string | null;
  lead_user_id: string | null;
  completed_at: Timestamp | null;
  completed_by: string | null;
  answered_by: string | null;
  answered_by_outgoing_id: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  /** Received over the axis: the sender asked for it back (status 13 or a revoke package) and waits for 15/16. */
  recall_requested_at: Timestamp | null;
  recall_reason: string | null;
  search_text: ColumnType<string, never, never>;
  last_activity_at: DefaultTimestamp;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface IncomingAssignmentsTable {
  id: Generated<string>;
  document_id: string;
  parent_id: string | null;
  role: AssignmentRole;
  unit_id: string | null;
  user_id: string | null;
  assigned_by: string;
  assigned_at: DefaultTimestamp;
  deadline: DateColumn | null;
  instructions: string | null;
  status: Generated<AssignmentStatus>;
  status_changed_at: Timestamp | null;
  due_soon_notified_at: Timestamp | null;
  overdue_notified_at: Timestamp | null;
}

export interface IncomingEventsTable {
  id: Generated<number>;
  document_id: string;
  occurred_at: DefaultTimestamp;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface IncomingFilesTable {
  document_id: string;
  file_id: string;
  kind: IncomingFileKind;
  /** Null for files of a document received over the interchange axis (added by no person). */
  added_by: string | null;
  added_at: DefaultTimestamp;
}

export interface IncomingExtensionsTable {
  id: Generated<string>;
  document_id: string;
  assignment_id: string;
  requested_by: string;
  requested_at: DefaultTimestamp;
  current_deadline: DateColumn | null;
  requested_deadline: DateColumn;
  reason: string;
  status: Generated<ExtensionStatus>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface IncomingReadsTable {
  document_id: string;
  user_id: string;
  read_at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    registers: RegistersTable;
    register_counters: RegisterCountersTable;
    incoming_documents: IncomingDocumentsTable;
    incoming_assignments: IncomingAssignmentsTable;
    incoming_events: IncomingEventsTable;
    incoming_files: IncomingFilesTable;
    incoming_extensions: IncomingExtensionsTable;
    incoming_reads: IncomingReadsTable;
  }
}
