import { sql, type Kysely } from 'kysely';

/**
 * The leader's digital signature at approval (issue 5; STANDARDS §1.7: signer signs → clerk numbers → clerk
 * applies the organisation signature). The approving leader signs the official PDF rendered without its
 * number and date; the clerk's issue step fills them into the blanks and seals it, by incremental updates:
 * - signed_file_id: the PDF the leader signed (number and date blank);
 * - signed_layout: where those blanks and the signer's signature image are on it (JSON, set with the file);
 * - signed_at, signed_by: who signed it and when.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE outgoing_documents
      ADD COLUMN signed_file_id uuid REFERENCES files(id),
      ADD COLUMN signed_layout jsonb,
      ADD COLUMN signed_at timestamptz,
      ADD COLUMN signed_by uuid REFERENCES users(id),
      ADD CONSTRAINT outgoing_signed_complete CHECK (
        (signed_file_id IS NULL) = (signed_layout IS NULL)
        AND (signed_file_id IS NULL) = (signed_at IS NULL)
        AND (signed_file_id IS NULL) = (signed_by IS NULL)
      )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE outgoing_documents
      DROP CONSTRAINT outgoing_signed_complete,
      DROP COLUMN signed_file_id,
      DROP COLUMN signed_layout,
      DROP COLUMN signed_at,
      DROP COLUMN signed_by
  `.execute(db);
}
