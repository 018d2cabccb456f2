import { sql, type Kysely } from 'kysely';

/**
 * Outgoing documents while they are drafted and approved (Decree 30/2020, Điều 10–13): the draft (dự thảo)
 * with every revision kept, its files and trail; approval route templates of an organisation, the route
 * chosen for each submission and its steps (one row per reviewer of a stage).
 */
const UP = String.raw`
    CREATE TABLE outgoing_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      drafting_unit_id uuid REFERENCES units(id),
      created_by uuid NOT NULL REFERENCES users(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN
        ('draft', 'in_review', 'returned', 'approved', 'rejected', 'issued', 'cancelled')),
      doc_type text NOT NULL,
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
      body text NOT NULL DEFAULT '',
      signer_user_id uuid REFERENCES users(id),
      signer_position_title text,
      authority_prefix text CHECK (authority_prefix IN ('TM', 'KT', 'TL', 'TUQ', 'Q')),
      -- {"internal": [organisation ids on EduGov], "external": [names of other recipients]}
      recipients jsonb NOT NULL DEFAULT '{"internal": [], "external": []}',
      urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'very_urgent', 'flash')),
      confidentiality text NOT NULL DEFAULT 'normal'
        CHECK (confidentiality IN ('normal', 'confidential', 'secret', 'top_secret')),
      reply_due_date date,
      answers_incoming_id uuid REFERENCES incoming_documents(id),
      -- Filled when the document is numbered and issued (no foreign key: the numbering owns that table).
      issued_number_id uuid,
      current_revision integer NOT NULL DEFAULT 1 CHECK (current_revision > 0),
      submitted_at timestamptz,
      decided_at timestamptz,
      decided_by uuid REFERENCES users(id),
      decision_note text,
      search_text text GENERATED ALWAYS AS (lower(f_unaccent(subject || ' ' || body))) STORED,
      last_activity_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX outgoing_org_status_idx ON outgoing_documents (organization_id, status, last_activity_at DESC);
    CREATE INDEX outgoing_author_idx ON outgoing_documents (created_by);
    CREATE INDEX outgoing_unit_idx ON outgoing_documents (drafting_unit_id);
    CREATE INDEX outgoing_search_trgm ON outgoing_documents USING gin (search_text gin_trgm_ops);

    -- Every save of the content: the structured fields and the files as they were.
    CREATE TABLE outgoing_revisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES outgoing_documents(id),
      revision integer NOT NULL CHECK (revision > 0),
      content jsonb NOT NULL,
      files jsonb NOT NULL DEFAULT '[]',
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (document_id, revision)
    );

    CREATE TABLE outgoing_files (
      document_id uuid NOT NULL REFERENCES outgoing_documents(id),
      file_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('draft', 'attachment', 'final')),
      added_by uuid NOT NULL REFERENCES users(id),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (document_id, file_id)
    );

    CREATE TABLE outgoing_events (
      id bigserial PRIMARY KEY,
      document_id uuid NOT NULL REFERENCES outgoing_documents(id),
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid REFERENCES users(id),
      actor_name text,
      action text NOT NULL,
      from_status text,
      to_status text,
      note text,
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX outgoing_events_doc_idx ON outgoing_events (document_id, id);

    -- Stages: [{"name", "kind": review|form_check|approve, "mode": all|any, "reviewers": [{"role"} | {"userId"}]}]
    CREATE TABLE approval_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      steps jsonb NOT NULL,
      is_default boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES users(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX approval_templates_org_name_key ON approval_templates (organization_id, lower(name));
    CREATE UNIQUE INDEX approval_templates_one_default ON approval_templates (organization_id) WHERE is_default;

    -- One row per submission (round): the stages as they were chosen, and where the route stands.
    CREATE TABLE approval_routes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES outgoing_documents(id),
      template_id uuid NOT NULL REFERENCES approval_templates(id),
      template_name text NOT NULL,
      stages jsonb NOT NULL,
      round integer NOT NULL CHECK (round > 0),
      revision integer NOT NULL CHECK (revision > 0),
      current_stage integer NOT NULL DEFAULT 0,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'returned', 'approved', 'rejected', 'cancelled')),
      submitted_by uuid NOT NULL REFERENCES users(id),
      submitted_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      UNIQUE (document_id, round)
    );
    CREATE UNIQUE INDEX approval_routes_one_active ON approval_routes (document_id) WHERE status = 'active';

    -- A reviewer's part in a stage: a person, or a role (anyone holding it; unit_head = head of reviewer_unit_id).
    CREATE TABLE approval_steps (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES outgoing_documents(id),
      route_id uuid NOT NULL REFERENCES approval_routes(id),
      stage_index integer NOT NULL CHECK (stage_index >= 0),
      reviewer_user_id uuid REFERENCES users(id),
      reviewer_role text CHECK (reviewer_role IN ('unit_head', 'leader', 'clerk')),
      reviewer_unit_id uuid REFERENCES units(id),
      forwarded_from uuid REFERENCES approval_steps(id),
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'approved', 'returned', 'forwarded', 'skipped', 'rejected')),
      comment text,
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT approval_step_reviewer CHECK ((reviewer_user_id IS NULL) <> (reviewer_role IS NULL))
    );
    CREATE INDEX approval_steps_doc_idx ON approval_steps (document_id, route_id, stage_index);
    CREATE INDEX approval_steps_pending_user_idx ON approval_steps (reviewer_user_id) WHERE status = 'pending';
    CREATE INDEX approval_steps_pending_role_idx ON approval_steps (reviewer_role, reviewer_unit_id) WHERE status = 'pending';
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE approval_steps, approval_routes, approval_templates, outgoing_events, outgoing_files,
      outgoing_revisions, outgoing_documents
  `.execute(db);
}
