import { sql, type Kysely } from 'kysely';

/**
 * Documents over the interchange axis (issue 6; STANDARDS §2.7): an outgoing document dispatched to an
 * organisation reached through the axis has a dispatch on the 'axis' channel, with the recipient's identifier
 * code and the package's DocumentId, so status packets coming back find it. A document received over the
 * axis whose sender asks for it back (status 13, or a revoke package) keeps the request until the clerk
 * answers (15/16).
 */
const UP = String.raw`
    ALTER TABLE outgoing_dispatches DROP CONSTRAINT outgoing_dispatches_channel_check;
    ALTER TABLE outgoing_dispatches ADD CONSTRAINT outgoing_dispatches_channel_check
      CHECK (channel IN ('edugov', 'axis', 'external', 'paper'));
    ALTER TABLE outgoing_dispatches
      ADD COLUMN recipient_code text,
      ADD COLUMN axis_document_id text;
    CREATE INDEX outgoing_dispatches_axis_idx ON outgoing_dispatches (axis_document_id, recipient_code)
      WHERE axis_document_id IS NOT NULL;

    ALTER TABLE incoming_documents
      ADD COLUMN recall_requested_at timestamptz,
      ADD COLUMN recall_reason text;
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE incoming_documents DROP COLUMN recall_requested_at, DROP COLUMN recall_reason`.execute(db);
  await sql`DROP INDEX outgoing_dispatches_axis_idx`.execute(db);
  await sql`ALTER TABLE outgoing_dispatches DROP COLUMN recipient_code, DROP COLUMN axis_document_id`.execute(db);
  await sql`ALTER TABLE outgoing_dispatches DROP CONSTRAINT outgoing_dispatches_channel_check`.execute(db);
  await sql`
    ALTER TABLE outgoing_dispatches ADD CONSTRAINT outgoing_dispatches_channel_check
      CHECK (channel IN ('edugov', 'external', 'paper'))
  `.execute(db);
}
