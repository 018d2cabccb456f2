import { sql, type Kysely } from 'kysely';

/** Register books, their yearly counters, incoming documents with assignments, trail, files and reads. */
const UP = String.raw`
    CREATE TABLE registers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      confidential boolean NOT NULL DEFAULT false,
      -- Outgoing books: one number series for all types, or one per document type.
      numbering text NOT NULL DEFAULT 'single' CHECK (numbering IN ('single', 'per_type')),
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX registers_org_name_key ON registers (organization_id, direction, lower(name));

    -- One row per register, calendar year and series ('' = the register's single series, or a document type
    -- code for per-type outgoing books); the row lock taken by the upsert makes numbers gap-free.
    CREATE TABLE register_counters (
      register_id uuid NOT NULL REFERENCES registers(id),
      year integer NOT NULL CHECK (year BETWEEN 1900 AND 2199),
      series text NOT NULL DEFAULT '',
      last_number integer NOT NULL CHECK (last_number > 0),
      PRIMARY KEY (register_id, year, series)
    );

    CREATE TABLE incoming_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      status text NOT NULL CHECK (status IN
        ('received', 'registered', 'presented', 'assigned', 'in_progress', 'completed', 'closed')),
      source text NOT NULL CHECK (source IN ('paper', 'electronic', 'edugov')),
      sender_organization_id uuid REFERENCES organizations(id),
      source_reference text,
      register_id uuid REFERENCES registers(id),
      arrival_year integer,
      arrival_number integer CHECK (arrival_number > 0),
      received_at timestamptz NOT NULL,
      registered_at timestamptz,
      registered_by uuid REFERENCES users(id),
      issuer_name text NOT NULL,
      number_notation text NOT NULL,
      document_date date NOT NULL,
      doc_type text NOT NULL,
      subject text NOT NULL,
      signer_name text,
      signer_position text,
      urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'very_urgent', 'flash')),
      confidentiality text NOT NULL DEFAULT 'normal'
        CHECK (confidentiality IN ('normal', 'confidential', 'secret', 'top_secret')),
      page_count integer CHECK (page_count > 0),
      reply_due_date date,
      notes text,
      presented_to uuid REFERENCES users(id),
      presented_at timestamptz,
      directed_at timestamptz,
      directed_by uuid REFERENCES users(id),
      -- The first direction: supervision periods and processing times count from it (re-directing keeps it).
      first_directed_at timestamptz,
      due_date date,
      lead_unit_id uuid REFERENCES units(id),
      lead_user_id uuid REFERENCES users(id),
      completed_at timestamptz,
      completed_by uuid REFERENCES users(id),
      answered_by text,
      answered_by_outgoing_id uuid,
      closed_at timestamptz,
      closed_by uuid REFERENCES users(id),
      search_text text GENERATED ALWAYS AS (
        lower(f_unaccent(issuer_name || ' ' || number_notation || ' ' || subject || ' ' || coalesce(signer_name, '')))
      ) STORED,
      last_activity_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT incoming_numbered CHECK (
        (status = 'received') = (arrival_number IS NULL)
        AND (arrival_number IS NULL) = (register_id IS NULL)
        AND (arrival_number IS NULL) = (arrival_year IS NULL)
      )
    );
    CREATE UNIQUE INDEX incoming_arrival_number_key ON incoming_documents (register_id, arrival_year, arrival_number);
    CREATE INDEX incoming_org_status_idx ON incoming_documents (organization_id, status, received_at DESC);
    CREATE INDEX incoming_org_due_idx ON incoming_documents (organization_id, due_date) WHERE status IN ('assigned', 'in_progress');
    CREATE INDEX incoming_org_directed_idx ON incoming_documents (organization_id, first_directed_at) WHERE first_directed_at IS NOT NULL;
    CREATE INDEX incoming_search_trgm ON incoming_documents USING gin (search_text gin_trgm_ops);
    CREATE INDEX incoming_duplicate_idx ON incoming_documents
      (organization_id, document_date, lower(f_unaccent(regexp_replace(number_notation, '\s+', '', 'g'))));

    CREATE TABLE incoming_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES incoming_documents(id),
      parent_id uuid REFERENCES incoming_assignments(id),
      role text NOT NULL CHECK (role IN ('lead', 'support', 'info')),
      unit_id uuid REFERENCES units(id),
      user_id uuid REFERENCES users(id),
      assigned_by uuid NOT NULL REFERENCES users(id),
      assigned_at timestamptz NOT NULL DEFAULT now(),
      deadline date,
      instructions text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'returned', 'recalled', 'closed')),
      status_changed_at timestamptz,
      due_soon_notified_at timestamptz,
      overdue_notified_at timestamptz,
      CONSTRAINT incoming_assignment_target CHECK (unit_id IS NOT NULL OR user_id IS NOT NULL)
    );
    CREATE INDEX incoming_assignments_doc_idx ON incoming_assignments (document_id);
    CREATE INDEX incoming_assignments_user_idx ON incoming_assignments (user_id, status);
    CREATE INDEX incoming_assignments_unit_idx ON incoming_assignments (unit_id, status);
    CREATE INDEX incoming_assignments_open_deadline_idx ON incoming_assignments (deadline) WHERE status = 'active';

    -- The processing trail (vết xử lý): who did what, when, with which note.
    CREATE TABLE incoming_events (
      id bigserial PRIMARY KEY,
      document_id uuid NOT NULL REFERENCES incoming_documents(id),
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid REFERENCES users(id),
      actor_name text,
      action text NOT NULL,
      from_status text,
      to_status text,
      note text,
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX incoming_events_doc_idx ON incoming_events (document_id, id);

    CREATE TABLE incoming_files (
      document_id uuid NOT NULL REFERENCES incoming_documents(id),
      file_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('main', 'attachment', 'draft')),
      added_by uuid NOT NULL REFERENCES users(id),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (document_id, file_id)
    );

    CREATE TABLE incoming_extensions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES incoming_documents(id),
      assignment_id uuid NOT NULL REFERENCES incoming_assignments(id),
      requested_by uuid NOT NULL REFERENCES users(id),
      requested_at timestamptz NOT NULL DEFAULT now(),
      current_deadline date,
      requested_deadline date NOT NULL,
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      decision_note text
    );
    CREATE INDEX incoming_extensions_doc_idx ON incoming_extensions (document_id);
    CREATE UNIQUE INDEX incoming_extensions_one_pending ON incoming_extensions (assignment_id) WHERE status = 'pending';

    CREATE TABLE incoming_reads (
      document_id uuid NOT NULL REFERENCES incoming_documents(id),
      user_id uuid NOT NULL REFERENCES users(id),
      read_at timestamptz NOT NULL,
      PRIMARY KEY (document_id, user_id)
    );
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE incoming_reads, incoming_extensions, incoming_files, incoming_events, incoming_assignments,
      incoming_documents, register_counters, registers
  `.execute(db);
}
