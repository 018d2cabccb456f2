import { sql, type Kysely } from 'kysely';

/**
 * A document its sender recalls before the clerk registered it (a recall usually comes fast, over the axis
 * or on EduGov) is withdrawn without ever entering the register book: closed 'withdrawn' with or without an
 * arrival number. Refused documents stay unnumbered; every other document is numbered once past 'received'.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE incoming_documents DROP CONSTRAINT incoming_numbered`.execute(db);
  await sql`
    ALTER TABLE incoming_documents ADD CONSTRAINT incoming_numbered CHECK (
      (outcome IS NOT DISTINCT FROM 'withdrawn'
        OR (status = 'received' OR outcome IS NOT DISTINCT FROM 'refused') = (arrival_number IS NULL))
      AND (arrival_number IS NULL) = (register_id IS NULL)
      AND (arrival_number IS NULL) = (arrival_year IS NULL)
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE incoming_documents DROP CONSTRAINT incoming_numbered`.execute(db);
  await sql`
    ALTER TABLE incoming_documents ADD CONSTRAINT incoming_numbered CHECK (
      (status = 'received' OR outcome IS NOT DISTINCT FROM 'refused') = (arrival_number IS NULL)
      AND (arrival_number IS NULL) = (register_id IS NULL)
      AND (arrival_number IS NULL) = (arrival_year IS NULL)
    )
  `.execute(db);
}
