/**
 * The test app: the real server (all plugins and modules) on a database of its own — in-memory PGlite
 * loaded from the template, or a fresh PostgreSQL database when DATABASE_URL is set — driven through
 * `app.inject` as logged-in demo users. Nothing of our own is mocked.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { ALL_JOBS, buildApp } from '../app.ts';
import { connect, migrateAndSeedReference, seedDemo } from '../bootstrap.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import type { Database, Db } from '../platform/db/schema.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { startJobs, type AnyJob, type JobQueue } from '../platform/jobs/jobs.ts';
import { createLogger } from '../platform/logger.ts';
import { TEST_PASSWORD } from './constants.ts';

export { TEST_PASSWORD };

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly url: string | undefined;
  drop(): Promise<void>;
}

/** A database of the test's own: a fresh PostgreSQL database, or in-memory PGlite from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = inject('pgliteTemplate');
    const blob = new Blob([fs.readFileSync(template)]);
    const handle = await connect({ databaseUrl: undefined, dataDir: '' }, { memory: true, pgliteLoadDataDir: blob });
    return { handle, url: undefined, drop: () => handle.close() };
  }
  const name = `edugov_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await connect({ databaseUrl: url.toString(), dataDir: '' });
  await migrateAndSeedReference(handle);
  await seedDemo(handle, { env: 'test', demoPassword: TEST_PASSWORD });
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  readonly app: HttpServer;
  readonly db: Db;
  readonly jobs: JobQueue;
  readonly config: Config;
  readonly database: TestDatabase;
  /** Logs in a demo user; returns a client that sends the session cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly me: {
    user: { id: string };
    organizationId: string;
    roles: string[];
    memberships: { id: string; organizationId: string }[];
  };
  get(url: string, headers?: Record<string, string>): Promise<Response>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POSTs one file as multipart/form-data (part `field`, default "file"), as a browser's FormData does. */
  upload(url: string, file: UploadFile, headers?: Record<string, string>): Promise<Response>;
}

export interface UploadFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly field?: string;
}

/** A multipart/form-data body with one file part; the name goes as raw UTF-8, like browsers send it. */
export function multipartBody(file: UploadFile): { contentType: string; payload: Buffer } {
  const boundary = `----edugov-test-${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
    `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload };
}

export interface Response {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: string;
  /** The body's bytes (for downloads). */
  readonly rawBody: Buffer;
  json<T = any>(): T;
}

export async function createTestApp(
  options: { jobs?: AnyJob[]; config?: Partial<Config>; serveWeb?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    { engine: database.handle.engine, ...options.config },
  );
  const logger = createLogger(config);
  const db = database.handle.db;
  const jobs = await startJobs({
    db,
    config,
    executeSql: database.handle.executeSql,
    jobs: [...ALL_JOBS, ...(options.jobs ?? [])],
    work: true,
    logger,
    pollingIntervalSeconds: 0.5,
  });
  const app = await buildApp(
    { config, db, engine: database.handle.engine, jobs, logger, listen: database.handle.listen },
    { serveWeb: options.serveWeb ?? false },
  );

  const client = (cookie: string, csrfToken: string, me: Client['me']): Client => {
    const send = async (
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) =>
      wrap(
        await app.inject({
          method,
          url,
          headers: {
            cookie,
            'x-csrf-token': csrfToken,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
        }),
      );
    return {
      cookie,
      csrfToken,
      me,
      get: (url, headers) => send('GET', url, undefined, headers),
      post: (url, body, headers) => send('POST', url, body ?? {}, headers),
      patch: (url, body, headers) => send('PATCH', url, body ?? {}, headers),
      async upload(url, file, headers = {}) {
        const { contentType, payload } = multipartBody(file);
        const res = await app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': contentType, ...headers },
          payload,
        });
        return wrap(res);
      },
    };
  };

  return {
    app,
    db,
    jobs,
    config,
    database,
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'edugov_session');
      if (!setCookie) throw new Error('no session cookie');
      const me = res.json();
      return client(`edugov_session=${setCookie.value}`, me.csrfToken, me);
    },
    async close() {
      await app.close();
      await jobs.stop();
      await database.drop();
    },
  };
}

function wrap(res: {
  statusCode: number;
  headers: Response['headers'];
  body: string;
  rawPayload: Buffer;
  json: () => any;
}): Response {
  return {
    statusCode: res.statusCode,
    headers: res.headers,
    body: res.body,
    rawBody: res.rawPayload,
    json: () => res.json(),
  };
}

/** Rows of a table (for asserting that a rejected request changed nothing). */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
