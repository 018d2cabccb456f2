/**
 * Opens the database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in DATA_DIR/db.
 * Both go through `pg` and Kysely's PostgresDialect, so the SQL and its results are the same.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseEngine } from '../config.ts';
import { lockDataDir, type DirLock } from './lock.ts';
import type { Database, Db } from './schema.ts';

// `date` columns stay 'yyyy-mm-dd' strings: a calendar date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts come back as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface DatabaseHandle {
  readonly db: Db;
  readonly engine: DatabaseEngine;
  /** Runs raw SQL text on the pool (used by pg-boss). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PGlite only: the whole data folder as a tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly databaseUrl?: string | undefined;
  /** Folder for the embedded database; `memory://` for an in-memory one (tests). */
  readonly pgliteDir?: string;
  /** Folder to lock (the data folder); omitted for in-memory databases. */
  readonly lockDir?: string;
  readonly pgliteLoadDataDir?: Blob;
  readonly poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection (e.g. the server restarted); the pool replaces it.
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'postgresql',
      executeSql: (text, values) => pool.query(text, values as unknown[]),
      close: () => db.destroy(),
    };
  }

  let lock: DirLock | undefined;
  if (options.lockDir) lock = lockDataDir(options.lockDir);
  try {
    const dir = options.pgliteDir ?? 'memory://';
    const pglite = await PGlite.create(dir.startsWith('memory://') ? dir : path.resolve(dir), {
      extensions: { pg_trgm, unaccent },
      ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
    });
    const pool = new pg.Pool(createPgConfig(pglite));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'pglite',
      executeSql: (text, values) => pool.query(text, values as unknown[]),
      dumpDataDir: async () => pglite.dumpDataDir('gzip'),
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
