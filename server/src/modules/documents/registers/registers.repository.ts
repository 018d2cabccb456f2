/** SQL of register books (sổ đăng ký) and their yearly counters. */
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { vietnameseOrder } from '../../../platform/text.ts';

export type Direction = 'incoming' | 'outgoing';

export async function findRegisters(db: DbOrTrx, organizationId: string, direction?: Direction) {
  let query = db
    .selectFrom('registers as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('register_counters as c')
        .select('c.last_number')
        .whereRef('c.register_id', '=', 'r.id')
        // Copies (bản sao) number in series 'copy:SY' etc. of the same book: not the book's own numbers.
        .where('c.series', 'not like', 'copy:%')
        .orderBy('c.year', 'desc')
        .limit(1)
        .as('last_number'),
    )
    .select((eb) =>
      eb
        .selectFrom('register_counters as c')
        .select('c.year')
        .whereRef('c.register_id', '=', 'r.id')
        .where('c.series', 'not like', 'copy:%')
        .orderBy('c.year', 'desc')
        .limit(1)
        .as('last_year'),
    )
    .where('r.organization_id', '=', organizationId);
  if (direction) query = query.where('r.direction', '=', direction);
  return query.orderBy('r.confidential').orderBy(vietnameseOrder('r.name')).orderBy('r.name').execute();
}

export async function findRegisterById(db: DbOrTrx, id: string) {
  return db.selectFrom('registers').selectAll().where('id', '=', id).executeTakeFirst();
}

export const DEFAULT_REGISTER_NAMES = {
  incoming: { ordinary: 'Sổ đăng ký văn bản đến', confidential: 'Sổ đăng ký văn bản đến mật' },
  outgoing: { ordinary: 'Sổ đăng ký văn bản đi', confidential: 'Sổ đăng ký văn bản đi mật' },
} as const;

/**
 * The organisation's default register for a direction and confidentiality: the first active one, created
 * (idempotently, safe under concurrency) when the organisation has none yet.
 */
export async function findOrCreateDefaultRegister(
  trx: Trx,
  organizationId: string,
  direction: Direction,
  confidential: boolean,
) {
  const existing = () =>
    trx
      .selectFrom('registers')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('direction', '=', direction)
      .where('confidential', '=', confidential)
      .where('active', '=', true)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  const found = await existing();
  if (found) return { register: found, created: false };
  const names = DEFAULT_REGISTER_NAMES[direction];
  const inserted = await trx
    .insertInto('registers')
    .values({
      organization_id: organizationId,
      direction,
      name: confidential ? names.confidential : names.ordinary,
      confidential,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  const register = inserted ?? (await existing());
  // The default name is taken by a retired book: the clerk must open or reactivate a register.
  if (!register)
    throw new AppError('documents.register_not_found', { direction, confidential, reason: 'no active register' });
  return { register, created: inserted !== undefined };
}

/**
 * The next number of a register's series for a year (arrival numbers, outgoing numbers): gap-free and
 * never duplicated, because the counter row stays locked until the caller's transaction ends and a rollback
 * gives the number back. `series` is '' for the register's single series, or a document type code.
 */
export async function allocateNumber(trx: Trx, registerId: string, year: number, series = ''): Promise<number> {
  const row = await sql<{ last_number: number }>`
    INSERT INTO register_counters (register_id, year, series, last_number) VALUES (${registerId}, ${year}, ${series}, 1)
    ON CONFLICT (register_id, year, series) DO UPDATE SET last_number = register_counters.last_number + 1
    RETURNING last_number`.execute(trx);
  return Number(row.rows[0]!.last_number);
}
