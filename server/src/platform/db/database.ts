/**
 * Opens the database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in DATA_DIR/db.
 * Both go through `pg` and Kysely's PostgresDialect, so the SQL and its results are the same.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseEngine } from '../config.ts';
import { runCommitHooks } from './commit-hooks.ts';
import { lockDataDir, type DirLock } from './lock.ts';
import { attachWriteWatch, WriteWatch } from './write-watch.ts';
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
  /**
   * Calls `handler` with the payload of each NOTIFY on `channel` (sent with `pg_notify` inside a transaction,
   * it arrives only after that transaction commits). Resolves once listening; returns the unsubscribe.
   */
  listen: ListenFn;
  /** PGlite only: the whole data folder as a tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

/**
 * What a listener is told about its connection: notifications sent while it was lost are gone, so whoever
 * keeps state from them stops trusting it when `lost` and reloads when `resumed` (PostgreSQL only: PGlite
 * runs in the process and never loses them).
 */
export interface ListenHealth {
  readonly lost?: () => void;
  readonly resumed?: () => void;
}

export type ListenFn = (
  channel: string,
  handler: (payload: string) => void,
  health?: ListenHealth,
) => Promise<() => Promise<void>>;

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
    // JIT off: the planner's cost of the inbox queries (correlated subqueries) crosses jit_above_cost, and
    // compiling them took ~1.4 s of a 1.4 s query in the benchmark (bench/README.md); OLTP reads never gain.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: '-c jit=off',
    });
    pool.on('error', () => {
      // An idle client lost its connection (e.g. the server restarted); the pool replaces it.
    });
    // A client checked out of the pool (a transaction between two queries) has no error listener of
    // pg-pool's: a dropped connection would be an unhandled 'error' event that kills the process. With this
    // one, the next query on it fails (→ 503 database.unavailable) and the pool discards it on release.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = watchedDb(pool);
    const listener = new PgListener(options.databaseUrl);
    return {
      db,
      engine: 'postgresql',
      executeSql: (text, values) => pool.query(text, values as unknown[]),
      listen: (channel, handler, health) => listener.listen(channel, handler, health),
      async close() {
        await listener.close();
        await db.destroy();
      },
    };
  }

  let lock: DirLock | undefined;
  if (options.lockDir) lock = lockDataDir(options.lockDir);
  try {
    const dir = options.pgliteDir ?? 'memory://';
    const pglite = await PGlite.create(dir.startsWith('memory://') ? dir : path.resolve(dir), {
      extensions: { btree_gin, pg_trgm, unaccent },
      ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
    });
    const pool = new pg.Pool(createPgConfig(pglite));
    const db = watchedDb(pool);
    return {
      db,
      engine: 'pglite',
      executeSql: (text, values) => pool.query(text, values as unknown[]),
      async listen(channel, handler) {
        checkChannel(channel);
        const unlisten = await pglite.listen(channel, handler);
        let done = false;
        return async () => {
          if (done || pglite.closed) return;
          done = true;
          await unlisten();
        };
      },
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

/** Kysely over the pool, with `beforeCommit` hooks and the write watch (`onWrite`). */
function watchedDb(pool: pg.Pool): Db {
  const watch = new WriteWatch();
  const db = runCommitHooks(new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [watch] }));
  attachWriteWatch(db, watch);
  return db;
}

function checkChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid notification channel: ${channel}`);
}

/**
 * LISTEN on PostgreSQL: one dedicated connection (outside the pool) for all channels of the process. When it
 * drops, it reconnects with backoff and listens again; notifications sent while it was down are lost, so
 * consumers must treat them as hints (reload on reconnect), never as the only copy of the data.
 */
class PgListener {
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private readonly health = new Set<ListenHealth>();
  private client: pg.Client | undefined;
  private everConnected = false;
  private connecting: Promise<pg.Client> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs = 500;
  private closed = false;

  constructor(private readonly connectionString: string) {}

  async listen(
    channel: string,
    handler: (payload: string) => void,
    health?: ListenHealth,
  ): Promise<() => Promise<void>> {
    checkChannel(channel);
    if (this.closed) throw new Error('The database is closed');
    if (health) this.health.add(health);
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    try {
      const client = await this.connect();
      if (first) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(channel);
      if (health) this.health.delete(health);
      throw error;
    }
    return async () => {
      if (health) this.health.delete(health);
      const current = this.handlers.get(channel);
      if (!current?.delete(handler) || current.size > 0) return;
      this.handlers.delete(channel);
      await this.client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.handlers.clear();
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    // Keepalive: a connection a firewall dropped in silence is noticed (and `lost` called) instead of waiting.
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    if (this.closed) {
      await client.end();
      throw new Error('The database is closed');
    }
    this.client = client;
    this.retryDelayMs = 500;
    if (this.everConnected) for (const h of this.health) h.resumed?.();
    this.everConnected = true;
    return client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    for (const h of this.health) h.lost?.();
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer || this.handlers.size === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect().catch(() => {
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, 30_000);
        this.scheduleReconnect();
      });
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }
}
