import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

const serverDir = path.resolve(import.meta.dirname, '../../..');

describe('the embedded database folder lock', () => {
  it('refuses a second lock on the same folder and takes over a stale one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-lock-'));
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
    fs.writeFileSync(path.join(dir, 'edugov.lock'), '999999999'); // a process that no longer exists
    const again = lockDataDir(dir);
    again.release();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a second EduGov process on the same data folder refuses to start with a clear message', async () => {
    // PGlite-specific: both processes use the embedded database, whatever DATABASE_URL the suite runs on.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-two-'));
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: '0',
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    };
    const first = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`first server did not start:\n${out}`)), 90_000);
        const onData = (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('EduGov 0.')) {
            clearTimeout(timer);
            resolve();
          }
        };
        first.stdout.on('data', onData);
        first.stderr.on('data', onData);
        first.on('exit', (code) => reject(new Error(`first server exited ${code}:\n${out}`)));
      });
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: serverDir,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(`in use by process ${first.pid}`);
      expect(second.stderr).toContain('DATABASE_URL');
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
      expect(fs.existsSync(path.join(dataDir, 'edugov.lock'))).toBe(false); // released on graceful shutdown
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
