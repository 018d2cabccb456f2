import { sql, type Kysely } from 'kysely';

/**
 * Choices a draft makes for its issue, and search by number:
 * - completes_answered: issuing the answer completes the incoming document it answers (the default), or not;
 * - principal_title: the title of the head the signer signs for with KT./TL./TUQ. (e.g. 'Hiệu trưởng'),
 *   when it differs from the organisation's head position;
 * - search_text also holds the số, ký hiệu once issued, so '05/QĐ-BGDĐT', '05/QĐ' or '05' find the document.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE outgoing_documents
      ADD COLUMN completes_answered boolean NOT NULL DEFAULT true,
      ADD COLUMN principal_title text CHECK (length(principal_title) BETWEEN 1 AND 200)
  `.execute(db);
  // A generated column's expression cannot be changed in place (before PostgreSQL 17): drop it and add it again.
  await sql`ALTER TABLE outgoing_documents DROP COLUMN search_text`.execute(db);
  await sql`
    ALTER TABLE outgoing_documents ADD COLUMN search_text text GENERATED ALWAYS AS (
      lower(f_unaccent(coalesce(full_number, '') || ' ' || subject || ' ' || body))
    ) STORED
  `.execute(db);
  await sql`CREATE INDEX outgoing_search_trgm ON outgoing_documents USING gin (search_text gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE outgoing_documents DROP COLUMN search_text`.execute(db);
  await sql`
    ALTER TABLE outgoing_documents
      ADD COLUMN search_text text GENERATED ALWAYS AS (lower(f_unaccent(subject || ' ' || body))) STORED
  `.execute(db);
  await sql`CREATE INDEX outgoing_search_trgm ON outgoing_documents USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`ALTER TABLE outgoing_documents DROP COLUMN completes_answered, DROP COLUMN principal_title`.execute(db);
}
