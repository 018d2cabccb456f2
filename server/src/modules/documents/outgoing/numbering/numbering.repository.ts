/** SQL of the issued numbers list, with the names the list shows. */
import type { DbOrTrx } from '../../../../platform/db/schema.ts';
import type { IssuedNumberStatus } from './numbering.tables.ts';

export interface IssuedNumberFilter {
  readonly registerId?: string | undefined;
  readonly year?: number | undefined;
  readonly status?: IssuedNumberStatus | undefined;
  readonly limit: number;
  readonly offset: number;
}

function base(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('issued_numbers as n')
    .innerJoin('registers as r', 'r.id', 'n.register_id')
    .innerJoin('users as ib', 'ib.id', 'n.issued_by')
    .leftJoin('users as cb', 'cb.id', 'n.cancelled_by')
    .leftJoin('units as u', 'u.id', 'n.drafting_unit_id')
    .where('n.organization_id', '=', organizationId);
}

function withNames(query: ReturnType<typeof base>) {
  return query
    .selectAll('n')
    .select([
      'r.name as register_name',
      'ib.full_name as issued_by_name',
      'cb.full_name as cancelled_by_name',
      'u.name as drafting_unit_name',
    ]);
}

export type IssuedNumberRow = NonNullable<Awaited<ReturnType<typeof findIssuedNumberWithNames>>>;

export async function findIssuedNumbers(db: DbOrTrx, organizationId: string, f: IssuedNumberFilter) {
  let query = base(db, organizationId);
  if (f.registerId) query = query.where('n.register_id', '=', f.registerId);
  if (f.year !== undefined) query = query.where('n.year', '=', f.year);
  if (f.status) query = query.where('n.status', '=', f.status);
  const [rows, count] = await Promise.all([
    withNames(query)
      .orderBy('n.year', 'desc')
      .orderBy('r.confidential')
      .orderBy('r.name')
      .orderBy('n.series')
      .orderBy('n.number', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findIssuedNumberWithNames(db: DbOrTrx, organizationId: string, id: string) {
  return withNames(base(db, organizationId).where('n.id', '=', id)).executeTakeFirst();
}
