/**
 * Backup and restore round trip on the engine under test (PGlite, or PostgreSQL with DATABASE_URL): demo data
 * plus registered documents with files → backup → restore into an empty database and an empty file folder →
 * every table and every blob is identical, the audit chain verifies, and the restored app serves the document
 * and its file to the clerk. A damaged backup or a non-empty target is refused without changing anything.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_JOBS, buildApp } from '../../app.ts';
import { connect } from '../../bootstrap.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { loadConfig } from '../../platform/config.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { startJobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { LocalBlobStore } from '../../modules/files/files.store.ts';
import { incomingBody, uploadPdf } from '../../modules/documents/incoming/incoming.fixtures.ts';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../test/test-app.ts';
import { backup, BackupError, fileSha256, restore, tableChecksums, type BackupManifest } from './backup.ts';

interface EmptyDatabase {
  readonly handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A database with nothing in it: new in-memory PGlite, or a new PostgreSQL database. */
async function emptyDatabase(): Promise<EmptyDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await connect({ databaseUrl: undefined, dataDir: '' }, { memory: true });
    return { handle, drop: () => handle.close() };
  }
  const name = `edugov_restore_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await connect({ databaseUrl: url.toString(), dataDir: '' });
  return {
    handle,
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** SHA-256 of every blob under a folder, by relative path. */
async function blobHashes(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  if (!fs.existsSync(root)) return result;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.tmp-')) continue;
    const full = path.join(entry.parentPath, entry.name);
    result[path.relative(root, full)] = (await fileSha256(full)).sha256;
  }
  return result;
}

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

describe('backup and restore', () => {
  let t: TestApp;
  let sourceDir: string;
  let backupDir: string;
  let manifest: BackupManifest;
  let documents: { id: string; arrivalNumber: number; files: { url: string }[] }[];
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    sourceDir = tmp('edugov-backup-src-');
    t = await createTestApp({ config: { dataDir: sourceDir } });
    // Each document gets a PDF of its own name, so the three files differ whatever the clock says
    // (two PDFs made in the same second with the same name have the same bytes and share one blob).
    const registerIncoming = async (client: Client, subject: string) => {
      const fileId = await uploadPdf(client, `${subject}.pdf`);
      const res = await client.post('/api/v1/incoming-documents', incomingBody(fileId, { subject }));
      if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const clerk = await t.login('hn.vanthu');
    documents = [];
    for (const subject of ['Kế hoạch tuyển sinh lớp 10 năm học 2027–2028', 'Về việc tổ chức kỳ thi học sinh giỏi']) {
      documents.push(await registerIncoming(clerk, subject));
    }
    const bgd = await t.login('bgd.vanthu');
    documents.push(await registerIncoming(bgd, 'Hướng dẫn nhiệm vụ năm học'));
    backupDir = path.join(tmp('edugov-backup-'), 'out');
    manifest = await backup({
      db: t.db,
      engine: t.database.handle.engine,
      store: new LocalBlobStore(path.join(sourceDir, 'files')),
      appVersion: 'test',
      dir: backupDir,
    });
  });

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    await t.close();
    fs.rmSync(sourceDir, { recursive: true, force: true });
    fs.rmSync(path.dirname(backupDir), { recursive: true, force: true });
  });

  it('writes every table with its rows and checksum, and every file', async () => {
    const byName = new Map(manifest.tables.map((tb) => [tb.name, tb]));
    expect(byName.get('incoming_documents')?.rows).toBe(3);
    expect(byName.get('users')!.rows).toBeGreaterThan(10);
    expect(byName.get('audit_log')!.rows).toBeGreaterThan(3);
    expect(byName.has('kysely_migration')).toBe(false);
    expect(manifest.blobs.length).toBe(3); // three different PDFs
    for (const blob of manifest.blobs) {
      const file = path.join(backupDir, 'files', blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256);
      expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(blob.sha256);
    }
    const live = await tableChecksums(t.db);
    for (const tb of manifest.tables) expect(live[tb.name]).toEqual({ rows: tb.rows, sha256: tb.sha256 });
  });

  it('restores into an empty database and folder an identical state that the app serves', async () => {
    const target = await emptyDatabase();
    cleanups.push(() => target.drop());
    const targetDir = tmp('edugov-restore-');
    cleanups.push(() => fs.rmSync(targetDir, { recursive: true, force: true }));

    const report = await restore({
      db: target.handle.db,
      store: new LocalBlobStore(path.join(targetDir, 'files')),
      dir: backupDir,
    });
    expect(report.blobsCopied).toBe(3);
    expect(report.migratedAfter).toEqual([]);

    // Same rows in every table (checksums of the source, computed independently of the backup files)…
    expect(await tableChecksums(target.handle.db)).toEqual(await tableChecksums(t.db));
    // …the same blobs, byte for byte…
    const restoredBlobs = await blobHashes(path.join(targetDir, 'files'));
    expect(restoredBlobs).toEqual(await blobHashes(path.join(sourceDir, 'files')));
    expect(Object.keys(restoredBlobs)).toHaveLength(3);
    // …and an intact audit chain of the same length.
    const audit = await verifyAuditChain(target.handle.db);
    const sourceAudit = await verifyAuditChain(t.db);
    expect(audit).toEqual({ ok: true, rows: sourceAudit.rows });

    // The restored installation works: the clerk logs in, sees the document and downloads its file.
    const config = loadConfig(
      { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      { engine: target.handle.engine, dataDir: targetDir },
    );
    const logger = createLogger(config);
    const jobs = await startJobs({
      db: target.handle.db,
      config,
      executeSql: target.handle.executeSql,
      jobs: ALL_JOBS,
      work: false,
      logger,
    });
    const app = await buildApp(
      { config, db: target.handle.db, engine: target.handle.engine, jobs, logger, listen: target.handle.listen },
      { serveWeb: false },
    );
    cleanups.push(async () => {
      await app.close();
      await jobs.stop();
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hn.vanthu', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = `edugov_session=${login.cookies.find((c) => c.name === 'edugov_session')!.value}`;
    const doc = documents[0]!;
    const detail = await app.inject({
      method: 'GET',
      url: `/api/v1/incoming-documents/${doc.id}`,
      headers: { cookie },
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().subject).toBe('Kế hoạch tuyển sinh lớp 10 năm học 2027–2028');
    expect(detail.json().arrivalNumber).toBe(doc.arrivalNumber);
    const file = await app.inject({ method: 'GET', url: doc.files[0]!.url, headers: { cookie } });
    expect(file.statusCode).toBe(200);
    const original = await t.app.inject({
      method: 'GET',
      url: doc.files[0]!.url,
      headers: { cookie: (await t.login('hn.vanthu')).cookie },
    });
    expect(file.rawPayload.equals(original.rawPayload)).toBe(true);
  });

  it('refuses a damaged backup before touching the target', async () => {
    const damagedDir = path.join(path.dirname(backupDir), 'damaged');
    fs.cpSync(backupDir, damagedDir, { recursive: true });
    const file = path.join(damagedDir, 'db', 'incoming_documents.jsonl');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('tuyển sinh', 'tuyen sinh'));
    const targetDir = tmp('edugov-restore-bad-');
    cleanups.push(() => fs.rmSync(targetDir, { recursive: true, force: true }));
    // The check comes first: even the (non-empty) source database is left exactly as it was.
    const before = await tableChecksums(t.db);
    await expect(
      restore({ db: t.db, store: new LocalBlobStore(path.join(targetDir, 'files')), dir: damagedDir }),
    ).rejects.toThrow(/incoming_documents\.jsonl does not match its SHA-256/);
    expect(await tableChecksums(t.db)).toEqual(before);
    expect(await blobHashes(path.join(targetDir, 'files'))).toEqual({});
    // A missing blob is refused the same way.
    const blob = manifest.blobs[0]!.sha256;
    fs.rmSync(path.join(damagedDir, 'files', blob.slice(0, 2), blob.slice(2, 4), blob));
    fs.copyFileSync(path.join(backupDir, 'db', 'incoming_documents.jsonl'), file);
    await expect(
      restore({ db: t.db, store: new LocalBlobStore(path.join(targetDir, 'files')), dir: damagedDir }),
    ).rejects.toThrow(new RegExp(`blob ${blob} is missing or damaged`));
  });

  it('refuses to restore over a database that has data, and to write into a non-empty folder', async () => {
    const before = await tableChecksums(t.db);
    await expect(
      restore({ db: t.db, store: new LocalBlobStore(path.join(sourceDir, 'files')), dir: backupDir }),
    ).rejects.toThrow(BackupError);
    expect(await tableChecksums(t.db)).toEqual(before);
    await expect(
      backup({
        db: t.db,
        engine: t.database.handle.engine,
        store: new LocalBlobStore(path.join(sourceDir, 'files')),
        appVersion: 'test',
        dir: backupDir,
      }),
    ).rejects.toThrow(/must be empty/);
  });
});
