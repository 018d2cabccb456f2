/**
 * Shared pieces of the heavy suites (`npm run test:heavy`): a PostgreSQL database of their own, real app
 * processes (`node --import tsx src/main.ts`) on free ports, HTTP users that log in and keep a session, a
 * private PostgreSQL server that can be stopped and started, and small statistics helpers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, migrateAndSeedReference, seedDemo } from '../../bootstrap.ts';

export const SERVER_DIR = path.resolve(import.meta.dirname, '../../..');
export const HEAVY_PASSWORD = 'Heavy-Suite-Password-2026';
/**
 * The data folder of every app process of this test file: on PostgreSQL it holds only the uploaded files
 * (FILES_URL defaults to DATA_DIR/files), which all processes must share, as behind a real load balancer.
 */
export const HEAVY_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-heavy-data-'));
process.on('exit', () => fs.rmSync(HEAVY_DATA_DIR, { recursive: true, force: true }));

/**
 * The PostgreSQL server to use (DATABASE_URL). Without it the suite is skipped with the reason printed,
 * except under CI=true, where a missing PostgreSQL is a failure.
 */
export function postgresServerUrl(suite: string): string | undefined {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  if (process.env.CI === 'true') throw new Error(`${suite}: DATABASE_URL is required under CI=true`);
  process.stdout.write(`\n  SKIPPED ${suite}: set DATABASE_URL=postgres://… to run the heavy suites\n`);
  return undefined;
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface HeavyDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh database on the server, migrated, with the reference data and the demo people. */
export async function createHeavyDatabase(serverUrl: string): Promise<HeavyDatabase> {
  const name = `edugov_heavy_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const handle = await connect({ databaseUrl: url, dataDir: '' });
  try {
    await migrateAndSeedReference(handle);
    await seedDemo(handle, { env: 'test', demoPassword: HEAVY_PASSWORD });
  } finally {
    await handle.close();
  }
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One EduGov server process. */
export class AppProcess {
  child: ChildProcess | undefined;
  output = '';
  starts = 0;
  kills = 0;
  /** Started and answering (false while starting and after a kill). */
  ready = false;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and waits until /api/health answers 200. */
  async start(timeoutMs = 300_000): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        DEMO: 'false',
        LOG_LEVEL: 'error',
        DATA_DIR: HEAVY_DATA_DIR,
        WEB_DIST: path.join(os.tmpdir(), 'edugov-heavy-no-web'),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts += 1;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`app on port ${this.port} exited while starting:\n${this.output}`);
      try {
        const res = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) {
          this.ready = true;
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`app on port ${this.port} did not start within ${timeoutMs} ms:\n${this.output}`);
  }

  /** SIGKILL: no graceful shutdown, in-flight requests and transactions are cut. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.kills += 1;
    this.ready = false;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM (graceful), then SIGKILL after 15 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.ready = false;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

export interface HttpResult {
  readonly status: number;
  readonly ms: number;
  /** `undefined` when the request failed without a response (connection refused or reset, timeout). */
  readonly body: any;
  readonly error?: string;
}

/** A person using the app over HTTP with a session cookie and CSRF token, on whichever process `base()` picks. */
export class HttpUser {
  cookie = '';
  csrf = '';
  me: any;

  constructor(
    private readonly base: () => string,
    private readonly timeoutMs = 30_000,
  ) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    raw?: { type: string; data: Buffer },
  ): Promise<HttpResult> {
    const started = performance.now();
    try {
      const headers: Record<string, string> = {};
      if (this.cookie) headers.cookie = this.cookie;
      if (this.csrf) headers['x-csrf-token'] = this.csrf;
      let payload: string | Buffer | undefined;
      if (raw) {
        headers['content-type'] = raw.type;
        payload = raw.data;
      } else if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
      const res = await fetch(`${this.base()}${url}`, {
        method,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('edugov_session='));
      if (setCookie) this.cookie = setCookie.split(';')[0]!;
      let parsed: any = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status: res.status, ms: performance.now() - started, body: parsed };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { status: 0, ms: performance.now() - started, body: undefined, error: cause ?? (error as Error).name };
    }
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, body: unknown = {}) {
    return this.request('POST', url, body);
  }

  async upload(name: string, bytes: Uint8Array, type = 'application/pdf'): Promise<HttpResult> {
    const boundary = `----edugov-heavy-${randomBytes(8).toString('hex')}`;
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`;
    const data = Buffer.concat([Buffer.from(head, 'utf8'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return this.request('POST', '/api/v1/files', undefined, {
      type: `multipart/form-data; boundary=${boundary}`,
      data,
    });
  }

  async login(username: string, password = HEAVY_PASSWORD): Promise<HttpResult> {
    this.cookie = '';
    this.csrf = '';
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status === 200) {
      this.csrf = res.body.csrfToken;
      this.me = res.body;
    }
    return res;
  }
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `npm run audit:verify` as an operator would, against `databaseUrl`. */
export function auditVerifyCli(databaseUrl: string): { status: number; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/audit-verify.ts'], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}`.trim() };
}

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL server of the suite's own (initdb in a temporary folder, a free port), so it can be stopped
 * and started without disturbing anything else. Run as the `postgres` user when the tests run as root.
 */
export class PrivatePostgres {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-heavy-pg-'));
  port = 0;

  static available(): string | undefined {
    if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) return `no PostgreSQL binaries in ${PG_BIN} (set PG_BIN)`;
    if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) {
      return 'running as root and there is no postgres user to run PostgreSQL as';
    }
    return undefined;
  }

  private run(args: string[]): void {
    const asRoot = process.getuid?.() === 0;
    const command = asRoot ? 'runuser' : args[0]!;
    const argv = asRoot ? ['-u', 'postgres', '--', ...args] : args.slice(1);
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: os.tmpdir() });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async init(): Promise<void> {
    this.port = await freePort();
    if (process.getuid?.() === 0) spawnSync('chown', ['postgres', this.dir]);
    const data = path.join(this.dir, 'data');
    this.run([path.join(PG_BIN, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    fs.appendFileSync(
      path.join(data, 'postgresql.conf'),
      `\nport = ${this.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${this.dir}'\n` +
        'fsync = off\nmax_connections = 100\nshared_buffers = 64MB\n',
    );
    await this.start();
  }

  async start(): Promise<void> {
    this.run([
      path.join(PG_BIN, 'pg_ctl'),
      '-D',
      path.join(this.dir, 'data'),
      '-l',
      path.join(this.dir, 'log'),
      '-w',
      'start',
    ]);
  }

  /** `fast` disconnects every client and shuts down cleanly; `immediate` is a crash (recovery at next start). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    this.run([path.join(PG_BIN, 'pg_ctl'), '-D', path.join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      await this.stop('immediate');
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
