import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_vi', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_vi', 'text')
    .addColumn('body_en', 'text')
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addCheckConstraint('notifications_kind_format', sql`kind ~ '^[a-z_]+([.][a-z_]+)+$'`)
    .addCheckConstraint('notifications_link_relative', sql`link LIKE '/%' AND link NOT LIKE '//%'`)
    .addCheckConstraint('notifications_body_both', sql`(body_vi IS NULL) = (body_en IS NULL)`)
    .execute();
  // The bell: one user's unread first, newest first.
  await sql`CREATE INDEX notifications_user_idx ON notifications (user_id, read_at, created_at DESC)`.execute(db);
}
