/**
 * `npm run backup -- <folder>`: writes the database (PGlite under DATA_DIR or PostgreSQL at DATABASE_URL)
 * and the uploaded files (FILES_URL) into an empty folder. See backup/backup.ts for the format.
 * On PGlite stop the app first (one process per data folder); on PostgreSQL it may keep running.
 */
import path from 'node:path';
import { connect } from '../bootstrap.ts';
import { loadConfig } from '../platform/config.ts';
import { createBlobStore } from '../modules/files/files.store.ts';
import { backup, BackupError, describeManifest } from './backup/backup.ts';
import { runCli } from './backup/cli.ts';

await runCli(async () => {
  const arg = process.argv[2];
  if (!arg) throw new BackupError('Cách dùng / usage: npm run backup -- <folder>');
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const store = createBlobStore(config);
  const handle = await connect(config);
  try {
    const started = Date.now();
    const manifest = await backup({
      db: handle.db,
      engine: handle.engine,
      store,
      appVersion: config.version,
      dir,
    });
    process.stdout.write(
      `Đã sao lưu / backed up to ${dir}: ${describeManifest(manifest)} in ${Date.now() - started} ms\n`,
    );
  } finally {
    await handle.close();
  }
});
