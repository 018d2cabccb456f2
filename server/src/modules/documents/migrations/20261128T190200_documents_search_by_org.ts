import { sql, type Kysely } from 'kysely';

/**
 * Every search runs inside one organisation, so the trigram indexes of incoming and outgoing documents lead
 * with the organisation (btree_gin makes a uuid column a GIN key). Before, a common phrase matched the
 * documents of every organisation in the index and each had to be read from the table to be thrown away
 * (a Ministry search on the 1,000,000-document bench: 17,566 matches read for 1,095 kept, 64 ms → 4 ms).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gin`.execute(db);
  await sql`DROP INDEX incoming_search_trgm`.execute(db);
  await sql`
    CREATE INDEX incoming_search_trgm ON incoming_documents USING gin (organization_id, search_text gin_trgm_ops)
  `.execute(db);
  await sql`DROP INDEX outgoing_search_trgm`.execute(db);
  await sql`
    CREATE INDEX outgoing_search_trgm ON outgoing_documents USING gin (organization_id, search_text gin_trgm_ops)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX outgoing_search_trgm`.execute(db);
  await sql`CREATE INDEX outgoing_search_trgm ON outgoing_documents USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`DROP INDEX incoming_search_trgm`.execute(db);
  await sql`CREATE INDEX incoming_search_trgm ON incoming_documents USING gin (search_text gin_trgm_ops)`.execute(db);
}
