import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Signing credentials of a person or an organisation: a PKCS#12 wrapped with the server key (its own
  // password is the owner's PIN), or a reference to a remote CSC credential. The certificate is kept apart
  // in DER for listing and for the signature (never re-encoded).
  await db.schema
    .createTable('signing_credentials')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('owner_organization_id', 'uuid', (c) => c.references('organizations.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('certificate', 'bytea', (c) => c.notNull())
    .addColumn('chain_pem', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'char(64)', (c) => c.notNull())
    .addColumn('not_before', 'timestamptz', (c) => c.notNull())
    .addColumn('not_after', 'timestamptz', (c) => c.notNull())
    .addColumn('sealed_pkcs12', 'bytea')
    .addColumn('csc_base_url', 'text')
    .addColumn('csc_credential_id', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'signing_credentials_one_owner',
      sql`(owner_user_id IS NULL) <> (owner_organization_id IS NULL)`,
    )
    .addCheckConstraint('signing_credentials_provider', sql`provider IN ('pkcs12', 'csc')`)
    .addCheckConstraint(
      'signing_credentials_material',
      sql`(provider = 'pkcs12' AND sealed_pkcs12 IS NOT NULL) OR (provider = 'csc' AND csc_base_url IS NOT NULL AND csc_credential_id IS NOT NULL)`,
    )
    .execute();
  await sql`CREATE UNIQUE INDEX signing_credentials_active_user ON signing_credentials (owner_user_id) WHERE active AND owner_user_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX signing_credentials_active_org ON signing_credentials (owner_organization_id) WHERE active AND owner_organization_id IS NOT NULL`.execute(
    db,
  );

  // Trust anchors for validation: the demo root (generated at first start in demo mode; its key is kept
  // wrapped to issue demo certificates) and roots added by a system administrator.
  await db.schema
    .createTable('signature_trust_roots')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('certificate', 'bytea', (c) => c.notNull())
    .addColumn('fingerprint', 'char(64)', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('not_after', 'timestamptz', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sealed_key', 'bytea')
    .addColumn('added_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('removed_at', 'timestamptz')
    .addCheckConstraint('signature_trust_roots_source', sql`source IN ('demo', 'admin')`)
    .execute();

  // Each validation of a stored file, with its full report.
  await db.schema
    .createTable('signature_validations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('file_id', 'uuid', (c) => c.notNull().references('files.id'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('signature_count', 'integer', (c) => c.notNull())
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('validated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('signature_validations_verdict', sql`verdict IN ('valid', 'invalid', 'indeterminate')`)
    .execute();
  await db.schema
    .createIndex('signature_validations_file_idx')
    .on('signature_validations')
    .columns(['file_id', 'created_at'])
    .execute();

  // The signer's handwritten signature image (blue) and the organisation's seal image (red), PNG.
  await db.schema
    .createTable('signature_images')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('owner_organization_id', 'uuid', (c) => c.references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('png', 'bytea', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('signature_images_kind', sql`kind IN ('signature', 'seal')`)
    .addCheckConstraint(
      'signature_images_owner',
      sql`(kind = 'signature' AND owner_user_id IS NOT NULL AND owner_organization_id IS NULL) OR (kind = 'seal' AND owner_organization_id IS NOT NULL AND owner_user_id IS NULL)`,
    )
    .execute();
  await sql`CREATE UNIQUE INDEX signature_images_user ON signature_images (owner_user_id) WHERE kind = 'signature'`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX signature_images_org ON signature_images (owner_organization_id) WHERE kind = 'seal'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signature_images').execute();
  await db.schema.dropTable('signature_validations').execute();
  await db.schema.dropTable('signature_trust_roots').execute();
  await db.schema.dropTable('signing_credentials').execute();
}
