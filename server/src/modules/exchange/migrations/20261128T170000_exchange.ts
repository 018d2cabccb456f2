import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // What we hand to the interchange axis: document packages and status packets, written in the transaction of
  // the change that produces them and delivered by a job (retries with backoff; 'dead' after too many tries
  // or a refusal, replayable). `next_attempt_at` also serves as the lease of a delivery in flight.
  await sql`
    CREATE TABLE exchange_outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      type text NOT NULL CHECK (type IN ('edoc', 'status')),
      from_code text NOT NULL,
      to_codes text[] NOT NULL CHECK (cardinality(to_codes) > 0),
      xml bytea NOT NULL,
      sha256 char(64) NOT NULL,
      document_id text,
      status_code text,
      outgoing_id uuid REFERENCES outgoing_documents(id),
      incoming_id uuid REFERENCES incoming_documents(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      axis_message_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE INDEX exchange_outbox_due_idx ON exchange_outbox (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX exchange_outbox_org_idx ON exchange_outbox (organization_id, created_at DESC);
    CREATE INDEX exchange_outbox_document_idx ON exchange_outbox (organization_id, document_id) WHERE document_id IS NOT NULL;

    -- What the axis brought us: the raw bytes and their hash are stored before anything is parsed (legal
    -- evidence, STANDARDS §2.9.1); the outcome is set once the message is processed.
    CREATE TABLE exchange_inbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      axis_message_id text NOT NULL,
      type text NOT NULL CHECK (type IN ('edoc', 'status')),
      from_code text NOT NULL,
      raw bytea NOT NULL,
      sha256 char(64) NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      outcome text CHECK (outcome IN ('accepted', 'refused', 'duplicate', 'deferred', 'status_applied', 'status_recorded')),
      error_codes text[] NOT NULL DEFAULT '{}',
      warning_codes text[] NOT NULL DEFAULT '{}',
      document_id text,
      status_code text,
      incoming_document_id uuid REFERENCES incoming_documents(id),
      processed_at timestamptz,
      UNIQUE (organization_id, axis_message_id)
    );
    -- One accepted package per (sender, DocumentId): a resend is marked 'duplicate' and creates nothing.
    CREATE UNIQUE INDEX exchange_inbox_package_once ON exchange_inbox (organization_id, from_code, document_id)
      WHERE outcome = 'accepted';
    CREATE INDEX exchange_inbox_pending_idx ON exchange_inbox (received_at) WHERE outcome IS NULL;
    CREATE INDEX exchange_inbox_org_idx ON exchange_inbox (organization_id, received_at DESC);

    -- A document received over the axis is added by no person: its files have no 'added_by'.
    ALTER TABLE incoming_files ALTER COLUMN added_by DROP NOT NULL;
  `.execute(db);
}
