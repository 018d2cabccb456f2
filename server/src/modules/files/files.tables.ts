import type { DefaultTimestamp, Generated } from '../../platform/db/schema.ts';

export interface FilesTable {
  id: Generated<string>;
  /** Lower-case hex SHA-256 of the bytes: the blob's key in the store. */
  sha256: string;
  size_bytes: number;
  media_type: string;
  /** The uploader's file name, NFC, without path separators or control characters, at most 255 characters. */
  original_name: string;
  organization_id: string;
  uploaded_by: string | null;
  created_at: DefaultTimestamp;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    files: FilesTable;
  }
}
