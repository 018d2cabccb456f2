import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database in ./data with demo data', () => {
    const config = loadConfig({});
    expect(config.engine).toBe('pglite');
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(loadConfig({ INIT_CWD: '/srv/edugov' }).dataDir).toBe('/srv/edugov/data');
    expect(loadConfig({ INIT_CWD: '/srv/edugov', DATA_DIR: '/var/lib/edugov' }).dataDir).toBe('/var/lib/edugov');
    expect(config.demo).toBe(true);
    expect(config.port).toBe(3000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('switches to PostgreSQL with DATABASE_URL, without demo data unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' });
    expect(config.engine).toBe('postgresql');
    expect(config.demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', DEMO: 'true' }).demo).toBe(true);
  });

  it('lists every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DEMO_PASSWORD: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/LOG_LEVEL/);
    expect(problems).toMatch(/DEMO_PASSWORD/);
  });

  it('stops the server at boot with a clear message and a non-zero exit', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, PORT: '99999', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain('PORT must be a whole number from 0 to 65535');
  });
});

describe('password policy', () => {
  it.each([
    ['short1', 'too short'],
    ['onlyletterslongenough', 'no digit'],
    ['123456789012345', 'no letter'],
    ['nguyenvana-2026-xyz', 'contains the username'],
  ])('rejects %s (%s)', (password) => {
    expect(checkPasswordPolicy(password, 'nguyenvana')).toBeDefined();
  });
  it('accepts a long passphrase with Vietnamese letters and digits', () => {
    expect(checkPasswordPolicy('Mật khẩu mạnh 2026', 'nguyenvana')).toBeUndefined();
  });
});
