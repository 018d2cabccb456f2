import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('identifier', 'varchar(35)', (c) => c.notNull())
    .addColumn('identifier_verified', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('abbreviation', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'uuid', (c) => c.references('organizations.id'))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('province_name', 'text')
    .addColumn('province_unit_type', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('organizations_valid_range', sql`valid_to IS NULL OR valid_to >= valid_from`)
    .addUniqueConstraint('organizations_identifier_from', ['identifier', 'valid_from'])
    .execute();
  await db.schema.createIndex('organizations_kind_idx').on('organizations').columns(['kind', 'valid_from']).execute();
  await db.schema.createIndex('organizations_parent_idx').on('organizations').column('parent_id').execute();
  await sql`CREATE INDEX organizations_name_trgm ON organizations USING gin (f_unaccent(lower(name)) gin_trgm_ops)`.execute(
    db,
  );

  await db.schema
    .createTable('organization_links')
    .addColumn('predecessor_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('successor_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'date', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('organization_links_pk', ['predecessor_id', 'successor_id'])
    .execute();
  await db.schema
    .createIndex('organization_links_successor_idx')
    .on('organization_links')
    .column('successor_id')
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('parent_unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('abbreviation', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('identifier', 'varchar(35)')
    .addColumn('identifier_verified', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('units_valid_range', sql`valid_to IS NULL OR valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('units_org_idx').on('units').columns(['organization_id', 'valid_from']).execute();

  await db.schema
    .createTable('positions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('positions_org_idx').on('positions').column('organization_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('positions').execute();
  await db.schema.dropTable('units').execute();
  await db.schema.dropTable('organization_links').execute();
  await db.schema.dropTable('organizations').execute();
}
