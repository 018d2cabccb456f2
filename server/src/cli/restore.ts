/**
 * `npm run restore -- <folder>`: restores a backup into an empty database (a new DATA_DIR for PGlite, or an
 * empty PostgreSQL database at DATABASE_URL) and the file store (FILES_URL), checking every checksum before
 * and after. See backup/backup.ts.
 */
import path from 'node:path';
import { connect } from '../bootstrap.ts';
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { loadConfig } from '../platform/config.ts';
import { createBlobStore } from '../modules/files/files.store.ts';
import { BackupError, describeManifest, restore } from './backup/backup.ts';
import { runCli } from './backup/cli.ts';

await runCli(async () => {
  const arg = process.argv[2];
  if (!arg) throw new BackupError('Cách dùng / usage: npm run restore -- <folder>');
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const store = createBlobStore(config);
  const handle = await connect(config);
  try {
    const started = Date.now();
    const report = await restore({ db: handle.db, store, dir });
    const audit = await verifyAuditChain(handle.db);
    process.stdout.write(
      `Đã khôi phục / restored from ${dir}: ${describeManifest(report.manifest)}; ` +
        `${report.blobsCopied} files copied into ${store.location}; every table matches its checksum` +
        (report.migratedAfter.length ? `; then applied ${report.migratedAfter.length} newer migration(s)` : '') +
        `; audit trail ${audit.ok ? `intact (${audit.rows} rows)` : `TAMPERED at row ${audit.firstBadSeq}`}` +
        ` in ${Date.now() - started} ms\n`,
    );
    if (!audit.ok) process.exitCode = 1;
  } finally {
    await handle.close();
  }
});
