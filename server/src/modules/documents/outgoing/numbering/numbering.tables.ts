import type { Generated } from 'kysely';
import type { DefaultTimestamp, Timestamp } from '../../../../platform/db/schema.ts';
import type { Confidentiality } from '../../documents.types.ts';

export type IssuedNumberStatus = 'issued' | 'cancelled';

/** A number (số, ký hiệu) given from an outgoing register's series; kept for good, cancelled at most. */
export interface IssuedNumbersTable {
  id: Generated<string>;
  organization_id: string;
  register_id: string;
  /** The register's confidentiality: confidential books run their own series. */
  confidential: boolean;
  year: number;
  /** '' for a register's single series; the document type code in a per-type book. */
  series: Generated<string>;
  number: number;
  /** Ký hiệu, e.g. 'QĐ-BGDĐT' or 'BGDĐT-GDPT'. */
  notation: string;
  /** '05/QĐ-BGDĐT'. */
  full_number: string;
  doc_type: string;
  confidentiality: Generated<Confidentiality>;
  drafting_unit_id: string | null;
  subject: string | null;
  signer_name: string | null;
  notes: string | null;
  issued_at: Timestamp;
  issued_by: string;
  status: Generated<IssuedNumberStatus>;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  /** The outgoing document it belongs to; null for a paper document numbered by the clerk. */
  document_id: string | null;
  created_at: DefaultTimestamp;
}

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    issued_numbers: IssuedNumbersTable;
  }
}
