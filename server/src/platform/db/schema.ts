/**
 * The database schema as one Kysely interface. Each module adds its own tables by declaration merging
 * (`declare module '.../platform/db/schema.ts' { interface Database { … } }`) in its `<module>.tables.ts`,
 * so the platform never imports a module and every query is still fully typed.
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Database {}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the pool or an open transaction: repositories take this first. */
export type DbOrTrx = Db | Trx;

/** A `timestamptz` column; read as Date. Columns with a database default may be omitted on insert. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read as 'yyyy-mm-dd' text (see the pg type parser in database.ts). */
export type DateColumn = ColumnType<string, string, string>;
export type { Generated };
