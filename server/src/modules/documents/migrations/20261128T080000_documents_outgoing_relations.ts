import { sql, type Kysely } from 'kysely';

/**
 * Replacement and correction (thay thế, đính chính — STANDARDS §1.7 step 8): a draft may point to an issued
 * outgoing document of the same organisation that it replaces or corrects; once issued, a replaced document
 * keeps its status and records the document that replaced it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE outgoing_documents
      ADD COLUMN related_outgoing_id uuid REFERENCES outgoing_documents(id),
      ADD COLUMN relation_kind text CHECK (relation_kind IN ('replaces', 'corrects')),
      ADD COLUMN replaced_by_id uuid REFERENCES outgoing_documents(id),
      ADD CONSTRAINT outgoing_relation_pair CHECK ((related_outgoing_id IS NULL) = (relation_kind IS NULL))
  `.execute(db);
  await sql`CREATE INDEX outgoing_documents_related_idx ON outgoing_documents (related_outgoing_id) WHERE related_outgoing_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX outgoing_documents_related_idx`.execute(db);
  await sql`
    ALTER TABLE outgoing_documents DROP CONSTRAINT outgoing_relation_pair,
      DROP COLUMN related_outgoing_id, DROP COLUMN relation_kind, DROP COLUMN replaced_by_id
  `.execute(db);
}
