import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per upload; the bytes live in the blob store under their SHA-256, shared by equal uploads.
  await db.schema
    .createTable('files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sha256', 'char(64)', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    // Null for files that arrive without a person (e.g. from another system).
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('files_sha256_hex', sql`sha256 ~ '^[0-9a-f]{64}$'`)
    .addCheckConstraint('files_size_positive', sql`size_bytes > 0`)
    .addCheckConstraint('files_name_length', sql`char_length(original_name) BETWEEN 1 AND 255`)
    .execute();
  await db.schema.createIndex('files_sha256_idx').on('files').column('sha256').execute();
  await db.schema.createIndex('files_organization_idx').on('files').column('organization_id').execute();
  await db.schema.createIndex('files_uploaded_by_idx').on('files').column('uploaded_by').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('files').execute();
}
