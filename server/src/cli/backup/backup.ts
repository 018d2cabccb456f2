/**
 * Backup and restore of a whole EduGov installation (database + uploaded files), from Node alone: no
 * pg_dump, same format for PGlite and PostgreSQL, so a backup of one engine restores into the other.
 *
 * Layout of a backup folder:
 *   manifest.json              format, app version, engine, migrations applied, per-table row count and
 *                              SHA-256, sequence values, every blob with its SHA-256 and size (written last:
 *                              a folder without it is an interrupted backup)
 *   db/<table>.jsonl           one `row_to_json` line per row, ordered by primary key, in UTC
 *   files/ab/cd/<sha256>       the blobs the `files` table refers to
 *
 * The database is read in one REPEATABLE READ, READ ONLY transaction (a consistent snapshot while the app
 * keeps running on PostgreSQL; PGlite allows one process per folder, so stop the app first). Restore needs an
 * empty database: it verifies every checksum before touching anything, copies the blobs into the configured
 * store, migrates to exactly the backup's schema, loads all tables in one transaction (foreign keys in
 * dependency order, each table in one statement so rows referring to rows of their own table load in any
 * order), sets the sequences, re-checks the per-table checksums, then migrates to this version's latest.
 * Not included: the pg-boss queue (schema `pgboss`): jobs waiting at backup time (e-mails not yet sent) are
 * not restored; recurring jobs start again by themselves.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import readline from 'node:readline';
import { Migrator, sql } from 'kysely';
import { ALL_MIGRATIONS } from '../../bootstrap.ts';
import type { DatabaseEngine } from '../../platform/config.ts';
import type { Db, Trx } from '../../platform/db/schema.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import type { BlobStore } from '../../modules/files/index.ts';
import { HashingStream } from '../../modules/files/files.store.ts';

export const BACKUP_FORMAT = 'edugov-backup/1';

/** Schema state, not data: recorded as the list of migrations instead. */
const SKIPPED_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface TableEntry {
  readonly name: string;
  readonly file: string;
  readonly rows: number;
  readonly sha256: string;
}

export interface SequenceEntry {
  readonly name: string;
  readonly lastValue: string;
  readonly isCalled: boolean;
}

export interface BlobEntry {
  readonly sha256: string;
  readonly sizeBytes: number;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  readonly appVersion: string;
  readonly engine: DatabaseEngine;
  readonly migrations: string[];
  /** In restore order (a table's foreign keys point only to tables before it). */
  readonly tables: TableEntry[];
  readonly sequences: SequenceEntry[];
  readonly blobs: BlobEntry[];
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const ident = (name: string) => sql.id(name);

/** Tables of the `public` schema (but the migration bookkeeping), parents before children. */
async function tablesInDependencyOrder(db: Db | Trx): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname
    `.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((name) => !SKIPPED_TABLES.has(name));
  const edges = (
    await sql<{ child: string; parent: string }>`
      SELECT ch.relname AS child, pa.relname AS parent
      FROM pg_constraint k
      JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_namespace n ON n.oid = ch.relnamespace
      JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid
    `.execute(db)
  ).rows;
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string, trail: string[]) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') {
      throw new BackupError(`Foreign keys form a cycle: ${[...trail, table].join(' → ')}`);
    }
    state.set(table, 'visiting');
    for (const parent of parents.get(table) ?? []) if (parents.has(parent)) visit(parent, [...trail, table]);
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const t of tables) visit(t, []);
  return ordered;
}

async function primaryKeyColumns(db: Trx, table: string): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT a.attname AS name FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
    WHERE i.indrelid = ${`public.${table}`}::regclass AND i.indisprimary
    ORDER BY array_position(i.indkey::int2[], a.attnum)
  `.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Columns a restore inserts: all but generated ones (the database computes those again). */
async function insertableColumns(db: Trx, table: string): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT attname AS name FROM pg_attribute
    WHERE attrelid = ${`public.${table}`}::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
    ORDER BY attnum
  `.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Makes the text of rows the same on every run and engine: UTC times, ISO dates, shortest exact floats. */
async function setDeterministicOutput(trx: Trx): Promise<void> {
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
  await sql`SET LOCAL DateStyle = 'ISO, YMD'`.execute(trx);
  await sql`SET LOCAL IntervalStyle = 'postgres'`.execute(trx);
  await sql`SET LOCAL extra_float_digits = 1`.execute(trx);
}

/**
 * Calls `onLine` with each row of `table` as one JSON line, in primary-key order, through a cursor (bounded
 * memory). Returns the row count and the SHA-256 of all lines each followed by "\n".
 */
async function exportTable(
  trx: Trx,
  table: string,
  onLine?: (line: string) => void | Promise<void>,
): Promise<{ rows: number; sha256: string }> {
  const pk = await primaryKeyColumns(trx, table);
  const orderBy = pk.length > 0 ? sql.join(pk.map((c) => sql`t.${ident(c)}`)) : sql`t::text`;
  await sql`DECLARE edugov_backup_cursor NO SCROLL CURSOR FOR
    SELECT row_to_json(t)::text AS line FROM ${sql.table(`public.${table}`)} AS t ORDER BY ${orderBy}`.execute(trx);
  const hash = createHash('sha256');
  let rows = 0;
  for (;;) {
    const batch = await sql<{ line: string }>`FETCH 1000 FROM edugov_backup_cursor`.execute(trx);
    for (const { line } of batch.rows) {
      hash.update(line);
      hash.update('\n');
      rows += 1;
      if (onLine) await onLine(line);
    }
    if (batch.rows.length < 1000) break;
  }
  await sql`CLOSE edugov_backup_cursor`.execute(trx);
  return { rows, sha256: hash.digest('hex') };
}

/** Row count and SHA-256 of every table as a backup would write it (to compare two databases). */
export async function tableChecksums(db: Db): Promise<Record<string, { rows: number; sha256: string }>> {
  return db.transaction().execute(async (trx) => {
    await setDeterministicOutput(trx);
    const result: Record<string, { rows: number; sha256: string }> = {};
    for (const table of await tablesInDependencyOrder(trx)) result[table] = await exportTable(trx, table);
    return result;
  });
}

async function appliedMigrations(db: Db | Trx): Promise<string[]> {
  const exists = await sql<{ ok: boolean }>`SELECT to_regclass('public.kysely_migration') IS NOT NULL AS ok`.execute(
    db,
  );
  if (!exists.rows[0]?.ok) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export interface BackupOptions {
  readonly db: Db;
  readonly engine: DatabaseEngine;
  readonly store: BlobStore;
  readonly appVersion: string;
  /** A folder that does not exist yet or is empty. */
  readonly dir: string;
}

async function ensureEmptyFolder(dir: string): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  const entries = await fsp.readdir(dir);
  if (entries.length > 0) {
    throw new BackupError(`Thư mục sao lưu phải trống / The backup folder must be empty: ${dir}`);
  }
}

function blobPath(dir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new BackupError(`Not a SHA-256 digest: ${sha256}`);
  return path.join(dir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Writes a backup of the database and its files into `dir`; returns the manifest. */
export async function backup(options: BackupOptions): Promise<BackupManifest> {
  const { db, dir } = options;
  await ensureEmptyFolder(dir);
  await fsp.mkdir(path.join(dir, 'db'));
  const snapshot = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`SET TRANSACTION READ ONLY`.execute(trx);
      await setDeterministicOutput(trx);
      const migrations = await appliedMigrations(trx);
      const tables: TableEntry[] = [];
      for (const name of await tablesInDependencyOrder(trx)) {
        const file = `db/${name}.jsonl`;
        const out = fs.createWriteStream(path.join(dir, file), { flags: 'wx' });
        const write = (line: string) =>
          new Promise<void>((resolve, reject) => {
            if (out.write(`${line}\n`)) resolve();
            else out.once('drain', resolve).once('error', reject);
          });
        const result = await exportTable(trx, name, write);
        await new Promise<void>((resolve, reject) =>
          out.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
        tables.push({ name, file, ...result });
      }
      const sequences: SequenceEntry[] = [];
      const seqNames = await sql<{ name: string }>`
        SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname
      `.execute(trx);
      for (const { name } of seqNames.rows) {
        const value = await sql<{ last_value: string; is_called: boolean }>`
          SELECT last_value::text AS last_value, is_called FROM ${sql.table(`public.${name}`)}
        `.execute(trx);
        sequences.push({ name, lastValue: value.rows[0]!.last_value, isCalled: value.rows[0]!.is_called });
      }
      const blobs = await sql<{ sha256: string; size_bytes: number }>`
        SELECT sha256, max(size_bytes) AS size_bytes FROM files GROUP BY sha256 ORDER BY sha256
      `.execute(trx);
      return {
        migrations,
        tables,
        sequences,
        blobs: blobs.rows.map((b) => ({ sha256: b.sha256, sizeBytes: Number(b.size_bytes) })),
      };
    });

  // Blobs are content-addressed and never change, so copying them after the snapshot is consistent with it.
  for (const blob of snapshot.blobs) {
    const target = blobPath(dir, blob.sha256);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const hashing = new HashingStream();
    let source: Readable;
    try {
      source = await options.store.get(blob.sha256);
    } catch (error) {
      throw new BackupError(
        `Tệp ${blob.sha256} không có trong kho / blob ${blob.sha256} is missing from ${options.store.location}: ` +
          (error as Error).message,
      );
    }
    await pipeline(source, hashing, fs.createWriteStream(target, { flags: 'wx' }));
    if (hashing.digest() !== blob.sha256 || hashing.sizeBytes !== blob.sizeBytes) {
      throw new BackupError(`Blob ${blob.sha256} in ${options.store.location} does not match its SHA-256 or size`);
    }
  }

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    appVersion: options.appVersion,
    engine: options.engine,
    ...snapshot,
  };
  // Written last: a folder without a manifest is an interrupted backup and restore refuses it.
  await fsp.writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  return manifest;
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, 'manifest.json'), 'utf8');
  } catch {
    throw new BackupError(
      `Không tìm thấy manifest.json / ${dir} has no manifest.json (not a backup, or an interrupted one)`,
    );
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) {
    throw new BackupError(`Unknown backup format ${String(manifest.format)} (expected ${BACKUP_FORMAT})`);
  }
  return manifest;
}

export async function fileSha256(file: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hashing = new HashingStream();
  hashing.resume();
  await pipeline(fs.createReadStream(file), hashing);
  return { sha256: hashing.digest(), sizeBytes: hashing.sizeBytes };
}

/** Checks every table file and blob of a backup against its manifest; throws naming the first mismatch. */
export async function verifyBackupFolder(dir: string): Promise<BackupManifest> {
  const manifest = await readManifest(dir);
  for (const table of manifest.tables) {
    if (!/^[a-z_][a-z0-9_]*$/.test(table.name) || table.file !== `db/${table.name}.jsonl`) {
      throw new BackupError(`Bad table entry in the manifest: ${table.name}`);
    }
    const actual = await fileSha256(path.join(dir, table.file)).catch(() => undefined);
    if (actual?.sha256 !== table.sha256) {
      throw new BackupError(`Tệp sao lưu bị hỏng / ${table.file} does not match its SHA-256 in the manifest`);
    }
  }
  for (const blob of manifest.blobs) {
    const actual = await fileSha256(blobPath(dir, blob.sha256)).catch(() => undefined);
    if (actual?.sha256 !== blob.sha256 || actual.sizeBytes !== blob.sizeBytes) {
      throw new BackupError(`Tệp sao lưu bị hỏng / blob ${blob.sha256} is missing or damaged`);
    }
  }
  return manifest;
}

export interface RestoreOptions {
  readonly db: Db;
  readonly store: BlobStore;
  readonly dir: string;
}

export interface RestoreReport {
  readonly manifest: BackupManifest;
  readonly rows: number;
  readonly blobsCopied: number;
  /** Migrations of this version newer than the backup, applied after loading it. */
  readonly migratedAfter: string[];
}

const STAGE_BATCH = 500;

/** Restores a backup into an empty database and the configured file store. */
export async function restore(options: RestoreOptions): Promise<RestoreReport> {
  const { db, dir } = options;
  const manifest = await verifyBackupFolder(dir);

  const existing = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  `.execute(db);
  if ((existing.rows[0]?.n ?? 0) > 0) {
    throw new BackupError(
      'Chỉ khôi phục vào cơ sở dữ liệu trống / Restore needs an empty database (this one already has tables)',
    );
  }
  const known = Object.assign({}, ...ALL_MIGRATIONS) as Record<string, never>;
  const unknown = manifest.migrations.filter((m) => !(m in known));
  if (unknown.length > 0) {
    throw new BackupError(
      `Bản sao lưu từ phiên bản mới hơn / The backup comes from a newer EduGov (unknown migrations: ${unknown.join(', ')})`,
    );
  }

  // Files first: once the rows exist, the files they name are there.
  let blobsCopied = 0;
  for (const blob of manifest.blobs) {
    if (await options.store.has(blob.sha256)) continue;
    await options.store.put(blob.sha256, fs.createReadStream(blobPath(dir, blob.sha256)), blob.sizeBytes);
    blobsCopied += 1;
  }

  // The schema exactly as it was when the backup was taken.
  const last = manifest.migrations.at(-1);
  if (last) {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => known } });
    const { error, results } = await migrator.migrateTo(last);
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed) throw new BackupError(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
    const applied = await appliedMigrations(db);
    if (applied.join() !== manifest.migrations.join()) {
      throw new BackupError('The migrations applied do not match the backup');
    }
  }

  let rows = 0;
  await db.transaction().execute(async (trx) => {
    await setDeterministicOutput(trx);
    const order = await tablesInDependencyOrder(trx);
    const inBackup = new Map(manifest.tables.map((t) => [t.name, t]));
    const missing = order.filter((t) => !inBackup.has(t));
    const extra = manifest.tables.filter((t) => !order.includes(t.name)).map((t) => t.name);
    if (missing.length || extra.length) {
      throw new BackupError(
        `The backup's tables do not match its schema (missing: ${missing.join(', ') || '-'}; extra: ${extra.join(', ') || '-'})`,
      );
    }
    // Migrations may have put rows in (e.g. the audit chain's head): the backup's rows replace them.
    for (const table of [...order].reverse()) await sql`DELETE FROM ${sql.table(`public.${table}`)}`.execute(trx);
    await sql`CREATE TEMP TABLE edugov_restore_stage (n bigint, line text) ON COMMIT DROP`.execute(trx);
    for (const table of order) {
      const entry = inBackup.get(table)!;
      let n = 0;
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await sql`INSERT INTO edugov_restore_stage (n, line)
          SELECT ${n - batch.length} + o, l FROM unnest(${batch}::text[]) WITH ORDINALITY AS u(l, o)`.execute(trx);
        batch = [];
      };
      const lines = readline.createInterface({
        input: fs.createReadStream(path.join(dir, entry.file), 'utf8'),
        crlfDelay: Infinity,
      });
      for await (const line of lines) {
        if (line === '') continue;
        batch.push(line);
        n += 1;
        if (batch.length >= STAGE_BATCH) await flush();
      }
      await flush();
      if (n !== entry.rows) throw new BackupError(`${entry.file}: ${n} rows, the manifest says ${entry.rows}`);
      const columns = await insertableColumns(trx, table);
      const target = sql.table(`public.${table}`);
      const list = sql.join(columns.map(ident));
      const fromRecord = sql.join(columns.map((c) => sql`r.${ident(c)}`));
      // One statement per table: foreign keys are checked at its end, so parent/child rows of one table
      // (units, assignments, steps) load in any order.
      await sql`INSERT INTO ${target} (${list})
        SELECT ${fromRecord} FROM edugov_restore_stage s,
        LATERAL json_populate_record(NULL::${target}, s.line::json) AS r ORDER BY s.n`.execute(trx);
      await sql`TRUNCATE edugov_restore_stage`.execute(trx);
      rows += n;
    }
    for (const seq of manifest.sequences) {
      await sql`SELECT setval(${`public.${seq.name}`}::regclass, ${seq.lastValue}::bigint, ${seq.isCalled})`.execute(
        trx,
      );
    }
  });

  // Proof: the database now holds exactly what the backup holds.
  const sums = await tableChecksums(db);
  for (const entry of manifest.tables) {
    const got = sums[entry.name];
    if (!got || got.sha256 !== entry.sha256 || got.rows !== entry.rows) {
      throw new BackupError(`After restore, table ${entry.name} differs from the backup`);
    }
  }
  const { applied: migratedAfter } = await migrateToLatest(db as never, ALL_MIGRATIONS);
  return { manifest, rows, blobsCopied, migratedAfter };
}

/** Text for the CLI: what a manifest holds. */
export function describeManifest(manifest: BackupManifest): string {
  const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
  const bytes = manifest.blobs.reduce((s, b) => s + b.sizeBytes, 0);
  return (
    `${manifest.tables.length} tables, ${rows} rows, ${manifest.blobs.length} files (${bytes} bytes), ` +
    `${manifest.migrations.length} migrations, from ${manifest.engine} at ${manifest.createdAt}`
  );
}
