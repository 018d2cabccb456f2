import { sql, type Kysely } from 'kysely';

/**
 * Numbers given to outgoing documents (số, ký hiệu): one row per number ever allocated from an outgoing
 * register's series, kept for good — a cancelled number stays, marked cancelled, and is never given again.
 */
const UP = String.raw`
    CREATE TABLE issued_numbers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      register_id uuid NOT NULL REFERENCES registers(id),
      -- The register's confidentiality: confidential books run their own series, so the same số, ký hiệu
      -- may exist once among ordinary and once among confidential documents of a year.
      confidential boolean NOT NULL,
      year integer NOT NULL CHECK (year BETWEEN 1900 AND 2199),
      series text NOT NULL DEFAULT '',
      number integer NOT NULL CHECK (number > 0),
      notation text NOT NULL CHECK (length(notation) BETWEEN 3 AND 100),
      full_number text NOT NULL,
      doc_type text NOT NULL,
      confidentiality text NOT NULL DEFAULT 'normal'
        CHECK (confidentiality IN ('normal', 'confidential', 'secret', 'top_secret')),
      drafting_unit_id uuid REFERENCES units(id),
      -- For documents numbered outside the system (paper): what the register book lists about them.
      subject text CHECK (length(subject) BETWEEN 1 AND 1000),
      signer_name text CHECK (length(signer_name) BETWEEN 1 AND 200),
      notes text CHECK (length(notes) BETWEEN 1 AND 2000),
      issued_at timestamptz NOT NULL,
      issued_by uuid NOT NULL REFERENCES users(id),
      status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'cancelled')),
      cancelled_at timestamptz,
      cancelled_by uuid REFERENCES users(id),
      cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 1000),
      -- The outgoing document the number belongs to (none for a paper document numbered by the clerk).
      document_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT issued_numbers_full_number CHECK (
        full_number = (CASE WHEN number < 10 THEN '0' ELSE '' END) || number::text || '/' || notation
      ),
      CONSTRAINT issued_numbers_cancelled CHECK (
        (status = 'issued' AND cancelled_at IS NULL AND cancelled_by IS NULL AND cancel_reason IS NULL)
        OR (status = 'cancelled' AND cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL AND cancel_reason IS NOT NULL)
      ),
      CONSTRAINT issued_numbers_series_key UNIQUE (register_id, year, series, number)
    );
    CREATE UNIQUE INDEX issued_numbers_full_number_key ON issued_numbers (organization_id, confidential, year, full_number);
    CREATE UNIQUE INDEX issued_numbers_document_key ON issued_numbers (document_id)
      WHERE document_id IS NOT NULL AND status = 'issued';
    CREATE INDEX issued_numbers_list_idx ON issued_numbers (organization_id, year, register_id, number);

    -- Never deleted; once written only the cancellation (issued → cancelled) and the link to its document
    -- (set once) may change.
    CREATE OR REPLACE FUNCTION issued_numbers_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION 'issued numbers are never deleted';
      END IF;
      IF NEW.id <> OLD.id OR NEW.organization_id <> OLD.organization_id OR NEW.register_id <> OLD.register_id
        OR NEW.confidential <> OLD.confidential OR NEW.year <> OLD.year OR NEW.series <> OLD.series
        OR NEW.number <> OLD.number OR NEW.notation <> OLD.notation OR NEW.full_number <> OLD.full_number
        OR NEW.doc_type <> OLD.doc_type OR NEW.issued_at <> OLD.issued_at OR NEW.issued_by <> OLD.issued_by
        OR (OLD.status = 'cancelled' AND NEW IS DISTINCT FROM OLD)
        OR (OLD.document_id IS NOT NULL AND NEW.document_id IS DISTINCT FROM OLD.document_id) THEN
        RAISE EXCEPTION 'an issued number cannot be changed, only cancelled';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER issued_numbers_guard BEFORE UPDATE OR DELETE ON issued_numbers
      FOR EACH ROW EXECUTE FUNCTION issued_numbers_guard();
    CREATE TRIGGER issued_numbers_no_truncate BEFORE TRUNCATE ON issued_numbers
      FOR EACH STATEMENT EXECUTE FUNCTION issued_numbers_guard();
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*\n(?=\s*(?:CREATE|--))/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE issued_numbers`.execute(db);
  await sql`DROP FUNCTION IF EXISTS issued_numbers_guard()`.execute(db);
}
