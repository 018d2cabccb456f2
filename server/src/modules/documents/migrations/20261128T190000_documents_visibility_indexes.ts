import { sql, type Kysely } from 'kysely';

/**
 * What a specialist or unit head may see of the incoming documents is found from their side (the documents
 * they registered, their assignments, their unit's copies for information) instead of by checking every
 * document of the organisation: these two indexes serve the branches that had none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX incoming_registered_by_idx ON incoming_documents (registered_by)`.execute(db);
  await sql`
    CREATE INDEX incoming_assignments_unit_info_idx ON incoming_assignments (unit_id)
    WHERE role = 'info' AND user_id IS NULL
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX incoming_assignments_unit_info_idx`.execute(db);
  await sql`DROP INDEX incoming_registered_by_idx`.execute(db);
}
