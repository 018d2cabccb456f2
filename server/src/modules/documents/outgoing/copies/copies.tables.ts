import type { ColumnType, Generated } from 'kysely';
import type { DateColumn, DefaultTimestamp, Timestamp } from '../../../../platform/db/schema.ts';
import type { CopyForm, CopyMedium } from './copies.types.ts';

/** A copy (bản sao) with its own number; a record: never changed, never deleted. */
export interface DocumentCopiesTable {
  id: Generated<string>;
  organization_id: string;
  form: CopyForm;
  medium: CopyMedium;
  /** The root document copied: exactly one of the two (a sao lục keeps the root of its sao y). */
  outgoing_id: string | null;
  incoming_id: string | null;
  /** The sao y a sao lục is made from. */
  source_copy_id: string | null;
  /** Số, ký hiệu of what was copied. */
  source_number: string;
  /** Trích sao: the pages taken ('1-2,4') or the re-typed excerpt. */
  pages: string | null;
  excerpt: string | null;
  confidential: boolean;
  register_id: string;
  year: number;
  number: number;
  /** 'SY-BGDĐT'. */
  notation: string;
  /** '05/SY-BGDĐT'. */
  full_number: string;
  copy_date: DateColumn;
  /** When it was made (the time the electronic copy's block prints). */
  made_at: Timestamp;
  signer_user_id: string;
  signer_name: string;
  signer_title: string;
  recipients: ColumnType<string[], string, never>;
  file_id: string;
  page_count: number;
  created_by: string;
  created_at: DefaultTimestamp;
}

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    document_copies: DocumentCopiesTable;
  }
}
