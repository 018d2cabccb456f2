/** All SQL of the calendar module. Functions take `db` or `trx` first and return rows. */
import type { DbOrTrx } from '../../platform/db/schema.ts';
import type { OverrideKind } from './calendar.ts';

const overrideColumns = [
  'o.id',
  'o.date',
  'o.kind',
  'o.name',
  'o.source_document',
  'o.created_by',
  'o.created_at',
  'u.full_name as created_by_name',
] as const;

/** Overrides dated from `from` to `to` (yyyy-mm-dd, both included), in date order. */
export async function findOverrides(db: DbOrTrx, from: string, to: string) {
  return db
    .selectFrom('calendar_overrides as o')
    .innerJoin('users as u', 'u.id', 'o.created_by')
    .select(overrideColumns)
    .where('o.date', '>=', from)
    .where('o.date', '<=', to)
    .orderBy('o.date')
    .execute();
}

export type OverrideRow = Awaited<ReturnType<typeof findOverrides>>[number];

export async function findOverrideById(db: DbOrTrx, id: string) {
  return db
    .selectFrom('calendar_overrides as o')
    .innerJoin('users as u', 'u.id', 'o.created_by')
    .select(overrideColumns)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function findOverrideByDate(db: DbOrTrx, date: string) {
  return db.selectFrom('calendar_overrides').select(['id', 'date']).where('date', '=', date).executeTakeFirst();
}

export async function insertOverride(
  db: DbOrTrx,
  values: { date: string; kind: OverrideKind; name: string; sourceDocument: string | null; createdBy: string },
) {
  return db
    .insertInto('calendar_overrides')
    .values({
      date: values.date,
      kind: values.kind,
      name: values.name,
      source_document: values.sourceDocument,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deleteOverride(db: DbOrTrx, id: string) {
  const result = await db.deleteFrom('calendar_overrides').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findYearConfirmation(db: DbOrTrx, year: number) {
  return db
    .selectFrom('calendar_years as y')
    .innerJoin('users as u', 'u.id', 'y.confirmed_by')
    .select(['y.year', 'y.confirmed_by', 'y.confirmed_at', 'y.note', 'u.full_name as confirmed_by_name'])
    .where('y.year', '=', year)
    .executeTakeFirst();
}

export type YearConfirmationRow = NonNullable<Awaited<ReturnType<typeof findYearConfirmation>>>;

export async function upsertYearConfirmation(db: DbOrTrx, year: number, confirmedBy: string, note: string | null) {
  await db
    .insertInto('calendar_years')
    .values({ year, confirmed_by: confirmedBy, note })
    .onConflict((oc) => oc.column('year').doUpdateSet({ confirmed_by: confirmedBy, confirmed_at: new Date(), note }))
    .execute();
}

export async function deleteYearConfirmation(db: DbOrTrx, year: number) {
  const result = await db.deleteFrom('calendar_years').where('year', '=', year).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
