/**
 * The in-process side of the bench (ceilings): a Kysely over its own pool to the same database that can
 * record the SQL a use case runs, and replay it through plain `pg` (the raw-SQL ceiling of a read).
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import '../../server/src/platform/db/database.ts'; // the server's pg type parsers (dates as strings, int8 as numbers)
import type { Database, Db } from '../../server/src/platform/db/schema.ts';

export interface CapturedQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

export interface InProcessDb {
  readonly db: Db;
  readonly pool: pg.Pool;
  readonly executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  /** Runs `fn` and returns the statements it sent, in order. */
  capture(fn: () => Promise<unknown>): Promise<CapturedQuery[]>;
  /** Sends the statements one after another through the pool (outside any transaction). */
  replay(queries: readonly CapturedQuery[]): Promise<void>;
  close(): Promise<void>;
}

export async function openInProcess(target: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<InProcessDb> {
  let recording: CapturedQuery[] | undefined;
  let pool: pg.Pool;
  let pglite: PGlite | undefined;
  if (target.databaseUrl) {
    // The server's session settings (jit off, platform/db/database.ts), so the raw SQL does the same work.
    pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10, options: '-c jit=off' });
  } else {
    pglite = await PGlite.create(path.resolve(target.dataDir, 'db'), { extensions: { btree_gin, pg_trgm, unaccent } });
    pool = new pg.Pool(createPgConfig(pglite));
  }
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (recording && event.level === 'query') {
        recording.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
      }
    },
  });
  return {
    db,
    pool,
    executeSql: (text, values) => pool.query(text, values),
    async capture(fn) {
      const out: CapturedQuery[] = [];
      recording = out;
      try {
        await fn();
      } finally {
        recording = undefined;
      }
      return out;
    },
    async replay(queries) {
      for (const q of queries) await pool.query(q.sql, q.parameters as unknown[]);
    },
    async close() {
      await db.destroy();
      await pglite?.close();
    },
  };
}
