import { sql, type Kysely } from 'kysely';

/**
 * Copies (bản sao — Nghị định 30/2020, Điều 25–27, Phụ lục I Phần II; STANDARDS §1.11): sao y (SY) of a whole
 * document, sao lục (SL) made from a sao y, trích sao (TrS) of a part. Each copy is made from a document the
 * organisation holds — an issued outgoing document or a registered incoming one (its root) — and gets its own
 * number from the organisation's outgoing register, one series per form and year (`05/SY-BGDĐT`).
 */
const UP = String.raw`
    CREATE TABLE document_copies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      form text NOT NULL CHECK (form IN ('SY', 'SL', 'TrS')),
      medium text NOT NULL CHECK (medium IN ('paper', 'electronic')),
      -- The root: the outgoing or incoming document copied (for a sao lục, the root of its sao y).
      outgoing_id uuid REFERENCES outgoing_documents(id),
      incoming_id uuid REFERENCES incoming_documents(id),
      -- The sao y a sao lục is made from.
      source_copy_id uuid REFERENCES document_copies(id),
      -- The số, ký hiệu of what was copied, as printed on it (for lists).
      source_number text NOT NULL CHECK (length(source_number) BETWEEN 1 AND 100),
      -- Trích sao: the pages taken from the PDF ('1-2,4'), or the re-typed excerpt.
      pages text CHECK (pages ~ '^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$'),
      excerpt text CHECK (length(excerpt) BETWEEN 1 AND 20000),
      confidential boolean NOT NULL,
      register_id uuid NOT NULL REFERENCES registers(id),
      year integer NOT NULL CHECK (year BETWEEN 1900 AND 2199),
      number integer NOT NULL CHECK (number > 0),
      notation text NOT NULL CHECK (length(notation) BETWEEN 3 AND 100),
      full_number text NOT NULL,
      copy_date date NOT NULL,
      made_at timestamptz NOT NULL,
      signer_user_id uuid NOT NULL REFERENCES users(id),
      signer_name text NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 200),
      signer_title text NOT NULL CHECK (length(signer_title) BETWEEN 1 AND 200),
      recipients jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(recipients) = 'array'),
      file_id uuid NOT NULL,
      page_count integer NOT NULL CHECK (page_count > 0),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT document_copies_one_root CHECK ((outgoing_id IS NULL) <> (incoming_id IS NULL)),
      CONSTRAINT document_copies_sl_source CHECK ((form = 'SL') = (source_copy_id IS NOT NULL)),
      CONSTRAINT document_copies_part CHECK (
        (form = 'TrS' AND (pages IS NULL) <> (excerpt IS NULL)) OR (form <> 'TrS' AND pages IS NULL AND excerpt IS NULL)
      ),
      CONSTRAINT document_copies_full_number CHECK (
        full_number = (CASE WHEN number < 10 THEN '0' ELSE '' END) || number::text || '/' || notation
      ),
      CONSTRAINT document_copies_series_key UNIQUE (register_id, year, form, number)
    );
    CREATE UNIQUE INDEX document_copies_full_number_key ON document_copies (organization_id, confidential, year, full_number);
    CREATE INDEX document_copies_outgoing_idx ON document_copies (outgoing_id) WHERE outgoing_id IS NOT NULL;
    CREATE INDEX document_copies_incoming_idx ON document_copies (incoming_id) WHERE incoming_id IS NOT NULL;

    -- A copy is a record: never changed, never deleted.
    CREATE OR REPLACE FUNCTION document_copies_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'document copies are never changed or deleted';
    END $$;
    CREATE TRIGGER document_copies_guard BEFORE UPDATE OR DELETE ON document_copies
      FOR EACH ROW EXECUTE FUNCTION document_copies_guard();
    CREATE TRIGGER document_copies_no_truncate BEFORE TRUNCATE ON document_copies
      FOR EACH STATEMENT EXECUTE FUNCTION document_copies_guard();
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*\n(?=\s*(?:CREATE|--))/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE document_copies`.execute(db);
  await sql`DROP FUNCTION IF EXISTS document_copies_guard()`.execute(db);
}
