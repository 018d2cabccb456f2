import type { ColumnType, Generated } from 'kysely';
import type { DateColumn, DefaultTimestamp, Timestamp } from '../../../../platform/db/schema.ts';
import type { Confidentiality, Urgency } from '../../documents.types.ts';
import type {
  AuthorityPrefix,
  DraftContent,
  OutgoingFileKind,
  OutgoingRelationKind,
  OutgoingRecipients,
  OutgoingStatus,
  RevisionFile,
  SignedLayout,
} from './drafts.types.ts';

export interface OutgoingDocumentsTable {
  id: Generated<string>;
  organization_id: string;
  drafting_unit_id: string | null;
  created_by: string;
  status: Generated<OutgoingStatus>;
  doc_type: string;
  subject: string;
  body: Generated<string>;
  signer_user_id: string | null;
  signer_position_title: string | null;
  authority_prefix: AuthorityPrefix | null;
  recipients: ColumnType<OutgoingRecipients, string | undefined, string>;
  urgency: Generated<Urgency>;
  confidentiality: Generated<Confidentiality>;
  reply_due_date: DateColumn | null;
  answers_incoming_id: string | null;
  completes_answered: Generated<boolean>;
  principal_title: Generated<string | null>;
  /** Thay thế / đính chính: the issued outgoing document this one replaces or corrects. */
  related_outgoing_id: Generated<string | null>;
  relation_kind: Generated<OutgoingRelationKind | null>;
  /** Set on a replaced document when its replacement is issued; it stays issued. */
  replaced_by_id: Generated<string | null>;
  issued_number_id: string | null;
  /** The PDF the approving leader signed (number and date blank), where its blanks are, who signed, when. */
  signed_file_id: ColumnType<string | null, string | null | undefined, string | null>;
  signed_layout: ColumnType<SignedLayout | null, string | null | undefined, string | null>;
  signed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  signed_by: ColumnType<string | null, string | null | undefined, string | null>;
  current_revision: Generated<number>;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_note: string | null;
  search_text: ColumnType<string, never, never>;
  last_activity_at: DefaultTimestamp;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface OutgoingRevisionsTable {
  id: Generated<string>;
  document_id: string;
  revision: number;
  content: ColumnType<DraftContent, string, string>;
  files: ColumnType<RevisionFile[], string | undefined, string>;
  created_by: string;
  created_at: DefaultTimestamp;
}

export interface OutgoingFilesTable {
  document_id: string;
  file_id: string;
  kind: OutgoingFileKind;
  added_by: string;
  added_at: DefaultTimestamp;
}

export interface OutgoingEventsTable {
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

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    outgoing_documents: OutgoingDocumentsTable;
    outgoing_revisions: OutgoingRevisionsTable;
    outgoing_files: OutgoingFilesTable;
    outgoing_events: OutgoingEventsTable;
  }
}
