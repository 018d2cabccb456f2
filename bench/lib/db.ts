/**
 * Database access for the bench: the engine (PostgreSQL from a URL, or a PGlite folder), migrations through
 * the server's own bootstrap, and a raw `query` for bulk work (one pg.Client on PostgreSQL, so session
 * settings stick; PGlite's single connection otherwise).
 */
import pg from 'pg';
import { connect, migrateAndSeedReference } from '../../server/src/bootstrap.ts';
import type { DatabaseHandle } from '../../server/src/platform/db/database.ts';

export interface Target {
  readonly engine: 'postgresql' | 'pglite';
  /** PostgreSQL URL, or undefined with PGlite. */
  readonly databaseUrl: string | undefined;
  /** PGlite data folder (the server's DATA_DIR). */
  readonly dataDir: string;
}

export type Query = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface Bulk {
  readonly query: Query;
  readonly handle: DatabaseHandle;
  close(): Promise<void>;
}

/** Creates the PostgreSQL database if it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unsupported database name: ${name}`);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/** Opens the target, applies the migrations and the reference data (as `npm run db:migrate` does). */
export async function openBulk(target: Target): Promise<Bulk> {
  if (target.databaseUrl) await ensureDatabase(target.databaseUrl);
  const handle = await connect({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  await migrateAndSeedReference(handle);
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    // Bulk loading only: a crash loses the last commits, which the generator's idempotence covers.
    await client.query('SET synchronous_commit = off');
    // The generator writes consistent rows: skip the per-row foreign-key triggers (superuser only).
    await client.query(`SET session_replication_role = replica`).catch(() => undefined);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    return {
      handle,
      query: (text, values) => client.query(text, values),
      async close() {
        await client.end();
        await handle.close();
      },
    };
  }
  return {
    handle,
    query: async (text, values) => (await handle.executeSql(text, values)) as { rows: Record<string, unknown>[] },
    close: () => handle.close(),
  };
}

export interface Column {
  readonly name: string;
  /** The element type of the array parameter (`uuid`, `text`, `timestamptz`, `jsonb`, …). */
  readonly type: string;
  /** An expression around the unnested value `x` (e.g. `string_to_array(x, ',')`). */
  readonly expr?: (x: string) => string;
}

/**
 * Multi-row insert of many rows in one statement: one array parameter per column, `unnest`ed server-side.
 * Near COPY speed on PostgreSQL, and it works unchanged on PGlite.
 */
export async function insertRows(
  query: Query,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  onConflict = 'ON CONFLICT DO NOTHING',
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((r) => r[i] ?? null));
  const names = columns.map((c) => c.name).join(', ');
  const select = columns.map((c) => (c.expr ? c.expr(`u.${c.name}`) : `u.${c.name}`)).join(', ');
  const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  await query(
    `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${params}) AS u(${names}) ${onConflict}`,
    arrays,
  );
}

/** Buffers rows of one table and inserts them in batches. */
export class RowBuffer {
  private rows: unknown[][] = [];
  inserted = 0;

  constructor(
    private readonly query: Query,
    readonly table: string,
    private readonly columns: readonly Column[],
    private readonly batch = 5000,
  ) {}

  get size(): number {
    return this.rows.length;
  }

  push(row: unknown[]): void {
    this.rows.push(row);
  }

  full(): boolean {
    return this.rows.length >= this.batch;
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    await insertRows(this.query, this.table, this.columns, rows);
    this.inserted += rows.length;
  }
}
