import { sql, type Kysely } from 'kysely';

/**
 * Issuing outgoing documents (phát hành — Decree 30/2020, Điều 16; STANDARDS §1.7, §2.7): the number and the
 * official file on the document, one dispatch per recipient with its exchange status (01 đã đến … 16 từ chối
 * thu hồi) and the history of those statuses; the recipient's copy may end refused or withdrawn.
 */
const UP = String.raw`
    ALTER TABLE outgoing_documents
      ADD COLUMN full_number text,
      ADD COLUMN issued_at timestamptz,
      ADD COLUMN issued_by uuid REFERENCES users(id),
      ADD COLUMN official_file_id uuid,
      ADD COLUMN recall_reason text;

    ALTER TABLE incoming_documents
      ADD COLUMN outcome text CHECK (outcome IN ('refused', 'withdrawn'));

    -- A copy the clerk refused was never entered in the register book: closed without an arrival number.
    ALTER TABLE incoming_documents DROP CONSTRAINT incoming_numbered;
    ALTER TABLE incoming_documents ADD CONSTRAINT incoming_numbered CHECK (
      (status = 'received' OR outcome IS NOT DISTINCT FROM 'refused') = (arrival_number IS NULL)
      AND (arrival_number IS NULL) = (register_id IS NULL)
      AND (arrival_number IS NULL) = (arrival_year IS NULL)
    );

    CREATE TABLE outgoing_dispatches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      outgoing_id uuid NOT NULL REFERENCES outgoing_documents(id),
      recipient_organization_id uuid REFERENCES organizations(id),
      recipient_name text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('edugov', 'external', 'paper')),
      incoming_id uuid REFERENCES incoming_documents(id),
      status text NOT NULL CHECK (status IN ('queued', 'listed', '01', '02', '03', '04', '05', '06', '13', '15', '16')),
      status_at timestamptz NOT NULL DEFAULT now(),
      reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX outgoing_dispatches_outgoing_idx ON outgoing_dispatches (outgoing_id);
    CREATE UNIQUE INDEX outgoing_dispatches_incoming_key ON outgoing_dispatches (incoming_id) WHERE incoming_id IS NOT NULL;

    CREATE TABLE outgoing_dispatch_events (
      id bigserial PRIMARY KEY,
      dispatch_id uuid NOT NULL REFERENCES outgoing_dispatches(id),
      status text NOT NULL,
      reason text,
      actor_user_id uuid REFERENCES users(id),
      occurred_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX outgoing_dispatch_events_idx ON outgoing_dispatch_events (dispatch_id, id);
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE outgoing_dispatch_events, outgoing_dispatches`.execute(db);
  await sql`ALTER TABLE incoming_documents DROP CONSTRAINT incoming_numbered`.execute(db);
  await sql`ALTER TABLE incoming_documents DROP COLUMN outcome`.execute(db);
  await sql`
    ALTER TABLE incoming_documents ADD CONSTRAINT incoming_numbered CHECK (
      (status = 'received') = (arrival_number IS NULL)
      AND (arrival_number IS NULL) = (register_id IS NULL)
      AND (arrival_number IS NULL) = (arrival_year IS NULL)
    )
  `.execute(db);
  await sql`
    ALTER TABLE outgoing_documents DROP COLUMN full_number, DROP COLUMN issued_at, DROP COLUMN issued_by,
      DROP COLUMN official_file_id, DROP COLUMN recall_reason
  `.execute(db);
}
