import type { Kysely } from 'kysely';

/**
 * Organisations reached through the interchange axis (issue 6): `via_axis` is true for an organisation this
 * deployment does not host — documents to it leave as edXML packages over the axis instead of becoming an
 * incoming document here. Organisations known only from the axis directory get the kind 'external' (a
 * text column, so no constraint changes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('via_axis', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('via_axis').execute();
}
