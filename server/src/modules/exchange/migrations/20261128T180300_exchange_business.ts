import { sql, type Kysely } from 'kysely';

/**
 * Update packages (BussinessDocType 2, STANDARDS §2.4) are applied to the document received earlier: the inbox
 * row of such a package ends as 'updated', pointing at that document. A replacement (3) is a new document and
 * ends 'accepted' like any other.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE exchange_inbox DROP CONSTRAINT exchange_inbox_outcome_check`.execute(db);
  await sql`
    ALTER TABLE exchange_inbox ADD CONSTRAINT exchange_inbox_outcome_check CHECK (outcome IN
      ('accepted', 'refused', 'duplicate', 'deferred', 'updated', 'status_applied', 'status_recorded'))
  `.execute(db);
  // Updates are found again by their target and by their own DocumentId (a later update may name either).
  await sql`
    CREATE INDEX exchange_inbox_received_document_idx ON exchange_inbox (organization_id, from_code, document_id)
      WHERE outcome IN ('accepted', 'updated')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX exchange_inbox_received_document_idx`.execute(db);
  await sql`ALTER TABLE exchange_inbox DROP CONSTRAINT exchange_inbox_outcome_check`.execute(db);
  await sql`
    ALTER TABLE exchange_inbox ADD CONSTRAINT exchange_inbox_outcome_check CHECK (outcome IN
      ('accepted', 'refused', 'duplicate', 'deferred', 'status_applied', 'status_recorded'))
  `.execute(db);
}
