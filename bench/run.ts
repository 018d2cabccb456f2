/**
 * `npm run bench`: the performance proof. Generates (or reuses) the national dataset, starts the real server
 * in production mode, drives HTTP load with autocannon as logged-in people, and measures each scenario next
 * to a ceiling measured in the same run (raw SQL through `pg`, the use case called in-process, an empty
 * Fastify route, raw argon2id). Writes bench/results/<timestamp>.json and .md and prints one line per scenario.
 *
 *   npm run bench [-- --quick] [--pglite] [--size quick|full|<n>] [--duration <s>] [--no-build]
 *                 [--only id,id…] [--results <dir>]
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/edugov_bench_<size>), created
 * and filled when missing. PGlite (--pglite): the folder bench/.data/pglite-<size>.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { verify as argonVerify } from '@node-rs/argon2';
import { BENCH_PASSWORD, generate, SIZES } from './generate.ts';
import { httpLoad, inProcessLoad, RssSampler, type Stats } from './lib/load.ts';
import { openInProcess, type CapturedQuery, type InProcessDb } from './lib/ceiling.ts';
import { ROOT, runCommand, startEmptyServer, startServer, type Started } from './lib/server.ts';
import { measureSigning, type SigningMeasurements } from './lib/sign.ts';
import * as vocab from './lib/vocab.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { ALL_JOBS } from '../server/src/app.ts';
import { startJobs } from '../server/src/platform/jobs/jobs.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { demoActor } from '../server/src/modules/identity/index.ts';
import * as incoming from '../server/src/modules/documents/incoming/incoming.service.ts';
import { issueOutgoing } from '../server/src/modules/documents/outgoing/issuing/issuing.service.ts';
import { summarizeSupervision } from '../server/src/modules/documents/supervision/supervision.service.ts';
import { explainDueDate } from '../server/src/modules/calendar/calendar.service.ts';
import type { Actor } from '../server/src/platform/authz.ts';
import type * as Exchange from '../server/src/modules/exchange/index.ts';
import type * as ExchangeFixtures from '../server/src/modules/exchange/edxml/edxml.fixtures.ts';
import type { UseCaseContext } from '../server/src/platform/context.ts';

// ── Options ────────────────────────────────────────────────────────────────────────────────────────
const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    size: { type: 'string' },
    duration: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    results: { type: 'string' },
  },
});
const sizeName = opts.size ?? (opts.quick ? (opts.pglite ? 'pglite' : 'quick') : opts.pglite ? 'pglite' : 'full');
const documents = SIZES[sizeName] ?? Number(sizeName);
if (!Number.isInteger(documents) || documents < 1000) throw new Error('--size must be quick, full, pglite or a number');
const seconds = Number(opts.duration ?? (opts.quick ? 5 : 15));
const engine = opts.pglite ? 'pglite' : 'postgresql';
const databaseUrl = opts.pglite
  ? undefined
  : (process.env.BENCH_DATABASE_URL ??
    `postgres://postgres@127.0.0.1:5432/edugov_bench_${sizeName.replace(/\W/g, '_')}`);
const dataDir = path.join(ROOT, 'bench', '.data', opts.pglite ? `pglite-${sizeName}` : `files-${sizeName}`);
const only = opts.only ? new Set(opts.only.split(',').map((id) => id.trim())) : undefined;
const want = (id: string) => !only || only.has(id);
/** Scenarios that run in-process without a database or a server: `--only edxml,sign` starts neither. */
const STANDALONE = new Set(['edxml', 'sign']);
const needsDatabase = !only || [...only].some((id) => !STANDALONE.has(id));
const resultsDir = path.resolve(opts.results ?? path.join(ROOT, 'bench', 'results'));
const out = (line: string) => process.stdout.write(`${line}\n`);
const startedAt = new Date();

// ── Results ────────────────────────────────────────────────────────────────────────────────────────
interface Row {
  id: string;
  name: string;
  /** Headline figure and ceiling, already formatted, and the numbers behind them. */
  figure: string;
  ceiling: string;
  ratio: string;
  target: string;
  result: 'pass' | 'miss' | '—' | 'not yet built' | 'error';
  http?: Stats & { statuses?: Record<string, number> };
  /** The figure's own numbers when it is not an HTTP load (in-process scenarios). */
  figureStats?: Stats;
  ceilingStats?: Stats;
  ceilingHow?: string;
  details?: Record<string, unknown>;
  rssPeakMb?: number;
  notes?: string[];
}
const rows: Row[] = [];
const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
const perSecond = (v: number, unit = 'req/s') => `${v < 10 ? v.toFixed(1) : Math.round(v)} ${unit}`;
const latencyLine = (s: Stats) => `p50 ${ms(s.p50)} · p95 ${ms(s.p95)} · p99 ${ms(s.p99)} · ${perSecond(s.throughput)}`;

function record(row: Row): void {
  rows.push(row);
  const errors = row.http ? ` errors ${row.http.errors}` : '';
  const rss = row.rssPeakMb ? ` rss ${Math.round(row.rssPeakMb)} MB` : '';
  out(
    `[bench] ${row.name}: ${row.figure} | ceiling ${row.ceiling} | ratio ${row.ratio} | target ${row.target} → ${row.result}${errors}${rss}`,
  );
}

function failed(id: string, name: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  record({
    id,
    name,
    figure: 'error',
    ceiling: '—',
    ratio: '—',
    target: '—',
    result: 'error',
    notes: [message.slice(0, 500)],
  });
}

// ── Sessions ───────────────────────────────────────────────────────────────────────────────────────
interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

async function login(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string };
  const cookie = /edugov_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return { username, cookie: `edugov_session=${cookie}`, csrf: me.csrfToken };
}

const auth = (s: Session, write = false): Record<string, string> =>
  write ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : { cookie: s.cookie };

async function uploadPdf(url: string, s: Session): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('EduGov bench', { x: 50, y: 780, size: 14 });
  const bytes = await doc.save();
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'van-ban-den.pdf');
  const res = await fetch(`${url}/api/v1/files`, { method: 'POST', headers: auth(s, true), body: form });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

// ── Main ───────────────────────────────────────────────────────────────────────────────────────────
async function main(): Promise<void> {
  if (!needsDatabase) {
    out(`[bench] ${[...only!].join(', ')} only: in-process, no database and no server, ${seconds} s per scenario`);
  } else {
    out(
      `[bench] engine ${engine}, dataset ${sizeName} (${documents.toLocaleString('en')} documents), ${seconds} s per scenario`,
    );
  }
  const { counts, serverPeak, serverAtRest } = needsDatabase
    ? await databaseScenarios()
    : { counts: {}, serverPeak: undefined, serverAtRest: 0 };

  // 8. In-process scenarios (no route to drive yet): the edXML codec, PAdES signing and validation.
  if (want('edxml')) await edxml();
  if (want('sign')) await signing();

  if (serverPeak !== undefined) {
    record({
      id: 'server_rss',
      name: 'Server peak RSS',
      figure: `${Math.round(serverPeak)} MB`,
      ceiling: '—',
      ratio: '—',
      target: '≤ 300 MB',
      result: serverPeak <= 300 ? 'pass' : 'miss',
      rssPeakMb: serverPeak,
      details: { atRestMb: serverAtRest },
      notes: [
        `${Math.round(serverAtRest)} MB at rest once started (before any request); each scenario's own peak is in the JSON (rssPeakMb)`,
      ],
    });
  }
  writeResults(counts);
}

/** Steps 1–7: the dataset, the real server under HTTP load with each ceiling, and audit:verify. */
async function databaseScenarios(): Promise<{
  counts: Record<string, number>;
  serverPeak: number;
  serverAtRest: number;
}> {
  if (databaseUrl) out(`[bench] database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
  fs.mkdirSync(dataDir, { recursive: true });

  // 1. Build what the production server serves (the web app) unless told not to.
  if (!opts['no-build'] && !fs.existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) {
    out('[bench] building the web app (npm run build -w web) …');
    const { spawnSync } = await import('node:child_process');
    const built = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build -w web failed');
  }

  // 2. The dataset (idempotent: reused when already there).
  const gen = await generate(
    { engine, databaseUrl, dataDir },
    { documents, seed: 20261127, issuePool: documents >= 500_000 ? 400 : 150, log: (l) => out(`[generate] ${l}`) },
  );
  if (!gen.skipped) out(`[bench] dataset generated in ${gen.seconds.toFixed(0)} s`);

  // 3. Who does what (read before the server takes the database; PGlite allows one process).
  const facts = await readFacts();

  // 4. HTTP phase: the real server in production mode.
  out('[bench] starting the server (NODE_ENV=production) …');
  const server = await startServer({ databaseUrl, dataDir });
  const rss = new RssSampler(server.pid);
  const serverAtRest = rss.current();
  let serverPeak = 0;
  const phase = async <T>(fn: () => Promise<T>): Promise<{ value: T; peak: number }> => {
    rss.start();
    const value = await fn();
    const peak = rss.stop();
    serverPeak = Math.max(serverPeak, peak);
    return { value, peak };
  };
  const http: Http = {};
  // On PostgreSQL each ceiling is measured right after its scenario, while the machine is in the same state;
  // on PGlite only one process may hold the database, so the ceilings come after the server has stopped.
  const inproc = databaseUrl ? await openInProcess({ databaseUrl, dataDir }) : undefined;
  let floor: Floor | undefined;
  const after = async (id: string) => {
    if (id === 'cached_read') {
      // The same route without a cookie (401): every plugin and hook of the server, but no session query.
      const anonymous = await httpLoad({
        url: server.url,
        connections: 10,
        duration: seconds,
        request: () => ({ path: '/api/v1/document-types' }),
        expectStatus: 401,
      });
      floor = { empty: await measureFloor(), anonymous };
    }
    if (inproc) await ceilingsAndRows(inproc, facts, { [id]: http[id]! }, floor);
  };
  try {
    const sessions = await loginAll(server.url, facts);
    await runHttpScenarios(server, sessions, facts, http, phase, after);
  } catch (error) {
    out(`[bench] server output:\n${server.output()}`);
    throw error;
  } finally {
    serverPeak = Math.max(serverPeak, rss.lifetimePeak());
    await server.stop();
    await inproc?.close();
  }
  if (!databaseUrl) {
    const later = await openInProcess({ databaseUrl, dataDir });
    try {
      await ceilingsAndRows(later, facts, http, floor);
    } finally {
      await later.close();
    }
  }

  // 7. audit:verify as shipped, against a raw read of the same rows.
  if (want('audit_verify')) await auditVerify();
  return { counts: gen.counts, serverPeak, serverAtRest };
}

type Http = Record<string, { stats: Stats & { statuses: Record<string, number> }; peak: number }>;

/** The HTTP floor, and the real server's own overhead without the database (a request without a session). */
interface Floor {
  readonly empty: Stats;
  readonly anonymous: Stats;
}

/** The HTTP floor: an empty Fastify route in its own process, loaded like the scenarios. */
async function measureFloor(): Promise<Stats> {
  const empty = await startEmptyServer();
  try {
    return await httpLoad({ url: empty.url, connections: 10, duration: seconds, request: () => ({ path: '/empty' }) });
  } finally {
    await empty.stop();
  }
}

// ── Facts about the dataset ──────────────────────────────────────────────────────────────────────────
interface Facts {
  specialists: string[];
  leaders: string[];
  clerk: string;
  ministryLeader: string;
  registerClerks: string[];
  detailIds: string[];
  issueIds: string[];
  year: number;
  supervisionYear: number;
}

async function readFacts(): Promise<Facts> {
  const db = await openInProcess({ databaseUrl, dataDir });
  try {
    const q = async (text: string, values: unknown[] = []) =>
      (await db.executeSql(text, values)).rows as Record<string, unknown>[];
    const ministry = String(
      (await q(`SELECT id FROM organizations WHERE kind = 'ministry' AND valid_to IS NULL`))[0]!.id,
    );
    // The ten busiest specialists of the Ministry (most open assignments): the fullest inboxes.
    const specialists = await q(
      `SELECT u.username FROM incoming_assignments a JOIN users u ON u.id = a.user_id
       JOIN memberships m ON m.user_id = u.id AND m.organization_id = $1 AND 'specialist' = ANY(m.roles)
       WHERE a.status = 'active' AND u.username LIKE 'b.%' GROUP BY u.username ORDER BY count(*) DESC, u.username LIMIT 10`,
      [ministry],
    );
    // Leaders of the ten departments with the most overdue documents.
    const leaders = await q(
      `SELECT min(u.username) AS username FROM incoming_documents d
       JOIN organizations o ON o.id = d.organization_id AND o.kind = 'provincial_department'
       JOIN memberships m ON m.organization_id = o.id AND 'leader' = ANY(m.roles)
       JOIN users u ON u.id = m.user_id AND u.username LIKE 'b.%'
       WHERE d.status IN ('assigned', 'in_progress') AND d.due_date < current_date
       GROUP BY o.id ORDER BY count(*) DESC LIMIT 10`,
    );
    const clerks = await q(
      `SELECT o.kind, min(u.username) AS username FROM memberships m JOIN users u ON u.id = m.user_id
       JOIN organizations o ON o.id = m.organization_id
       WHERE 'clerk' = ANY(m.roles) AND u.username LIKE 'b.%' AND o.kind IN ('ministry', 'provincial_department')
       GROUP BY o.kind, o.id ORDER BY (o.kind = 'ministry') DESC, min(u.username) LIMIT 11`,
    );
    const ministryLeader = await q(
      `SELECT u.username FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organization_id = $1 AND 'leader' = ANY(m.roles) AND u.username LIKE 'b.%' ORDER BY u.username LIMIT 1`,
      [ministry],
    );
    const detail = await q(
      `SELECT d.id FROM incoming_documents d WHERE d.organization_id = $1 AND d.status <> 'received'
       ORDER BY md5(d.id::text) LIMIT 2000`,
      [ministry],
    );
    const pool = await q(
      `SELECT id FROM outgoing_documents WHERE organization_id = $1 AND status = 'approved' ORDER BY id`,
      [ministry],
    );
    const year = new Date().getUTCFullYear();
    return {
      specialists: specialists.map((r) => String(r.username)),
      leaders: leaders.map((r) => String(r.username)),
      clerk: String(clerks[0]!.username),
      ministryLeader: String(ministryLeader[0]!.username),
      registerClerks: clerks.map((r) => String(r.username)),
      detailIds: detail.map((r) => String(r.id)),
      issueIds: pool.map((r) => String(r.id)),
      year,
      supervisionYear: year - 1,
    };
  } finally {
    await db.close();
  }
}

type Sessions = Record<'specialists' | 'leaders' | 'registerClerks', Session[]> & {
  clerk: Session;
  ministryLeader: Session;
};

async function loginAll(url: string, f: Facts): Promise<Sessions> {
  const many = async (names: string[]) => {
    const out: Session[] = [];
    for (const n of names) out.push(await login(url, n));
    return out;
  };
  return {
    specialists: await many(f.specialists),
    leaders: await many(f.leaders),
    registerClerks: await many(f.registerClerks),
    clerk: await login(url, f.clerk),
    ministryLeader: await login(url, f.ministryLeader),
  };
}

// ── HTTP scenarios ─────────────────────────────────────────────────────────────────────────────────
type Phase = <T>(fn: () => Promise<T>) => Promise<{ value: T; peak: number }>;

async function runHttpScenarios(
  server: Started,
  s: Sessions,
  f: Facts,
  http: Http,
  phase: Phase,
  after: (id: string) => Promise<void>,
): Promise<void> {
  const url = server.url;
  const read = async (
    id: string,
    connections: number,
    request: (i: number) => { path: string; headers: Record<string, string> },
  ) => {
    if (!want(id)) return;
    out(`[bench] http: ${id} …`);
    const { value, peak } = await phase(() => httpLoad({ url, connections, duration: seconds, request }));
    http[id] = { stats: value, peak };
    await after(id);
  };

  if (want('login')) {
    out('[bench] http: login …');
    const users = [...f.specialists, ...f.leaders, ...f.registerClerks];
    const { value, peak } = await phase(() =>
      httpLoad({
        url,
        connections: 8,
        duration: seconds,
        request: (i) => ({
          method: 'POST',
          path: '/api/auth/login',
          body: JSON.stringify({ username: users[i % users.length], password: BENCH_PASSWORD }),
        }),
      }),
    );
    http.login = { stats: value, peak };
    await after('login');
  }
  await read('cached_read', 10, (i) => ({
    path: '/api/v1/document-types',
    headers: auth(s.specialists[i % s.specialists.length]!),
  }));
  await read('inbox', 10, (i) => ({
    path: '/api/v1/incoming-documents?view=all&limit=20',
    headers: auth(s.specialists[i % s.specialists.length]!),
  }));
  await read('inbox_counts', 10, (i) => ({
    path: '/api/v1/incoming-documents/counts',
    headers: auth(s.specialists[i % s.specialists.length]!),
  }));
  await read('overdue', 10, (i) => ({
    path: '/api/v1/incoming-documents?view=overdue&limit=20',
    headers: auth(s.leaders[i % s.leaders.length]!),
  }));
  await read('search', 10, (i) => ({
    path: `/api/v1/incoming-documents?view=all&limit=20&q=${encodeURIComponent(vocab.SEARCH_PHRASES[i % vocab.SEARCH_PHRASES.length]!)}`,
    headers: auth(s.clerk),
  }));
  await read('detail', 10, (i) => ({
    path: `/api/v1/incoming-documents/${f.detailIds[(i * 7919) % f.detailIds.length]}`,
    headers: auth(s.clerk),
  }));
  await read('due_date', 10, (i) => ({
    path: `/api/v1/calendar/due-date?start=${encodeURIComponent(new Date(Date.UTC(f.year, 0, 1) + (i % 300) * 86_400_000).toISOString())}&workingDays=${5 + (i % 40)}`,
    headers: auth(s.specialists[i % s.specialists.length]!),
  }));
  await read('supervision', 4, () => ({
    path: `/api/v1/incoming-supervision?from=${f.supervisionYear}-01-01&to=${f.supervisionYear}-12-31&groupBy=unit`,
    headers: auth(s.ministryLeader),
  }));

  if (want('register')) {
    out('[bench] http: register incoming …');
    const files = new Map<string, string>();
    for (const c of s.registerClerks) files.set(c.username, await uploadPdf(url, c));
    const runId = Date.now().toString(36).toUpperCase();
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const { value, peak } = await phase(() =>
      httpLoad({
        url,
        connections: 20,
        duration: Math.max(seconds, 10),
        request: (i) => {
          const c = s.registerClerks[i % s.registerClerks.length]!;
          return {
            method: 'POST',
            path: '/api/v1/incoming-documents',
            headers: auth(c, true),
            body: JSON.stringify({
              source: 'paper',
              issuerName: 'Ủy ban nhân dân tỉnh Lâm Đồng',
              numberNotation: `${i + 1}/BENCH-${runId}`,
              documentDate: today,
              docType: 'official_letter',
              subject: `V/v kiểm thử hiệu năng đăng ký văn bản đến số ${i + 1}`,
              urgency: 'normal',
              confidentiality: 'normal',
              mainFileId: files.get(c.username),
            }),
          };
        },
      }),
    );
    http.register = { stats: value, peak };
    await after('register');
  }

  if (want('issue')) {
    out('[bench] http: issue outgoing …');
    const half = f.issueIds.slice(0, Math.floor(f.issueIds.length / 2));
    // For a while, or until the first half of the pool of approved drafts is issued (fetch, 4 at a time).
    const { value, peak } = await phase(async () => {
      const statuses: Record<string, number> = {};
      const stats = await inProcessLoad(
        async (i) => {
          const res = await fetch(`${url}/api/v1/outgoing-documents/${half[i]}/issue`, {
            method: 'POST',
            headers: { ...auth(s.clerk, true), 'content-type': 'application/json' },
            body: '{}',
          });
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (!res.ok) throw new Error(`issue: ${res.status}`);
        },
        { concurrency: 4, seconds: Math.max(seconds, 10), amount: half.length },
      );
      return { ...stats, statuses };
    });
    http.issue = { stats: value, peak };
    await after('issue');
  }
}

// ── Ceilings and rows ──────────────────────────────────────────────────────────────────────────────
async function ceilingsAndRows(inproc: InProcessDb, f: Facts, http: Http, floor: Floor | undefined): Promise<void> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    DEMO: 'false',
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
    DATA_DIR: dataDir,
  });
  const deps = { db: inproc.db, config };
  const actor = (username: string) => demoActor(inproc.db, username);
  const ctxOf = (a: Actor): UseCaseContext => ({
    actor: a,
    audit: {
      actorUserId: a.userId,
      actorName: a.fullName,
      organizationId: a.organizationId,
      requestId: 'bench-ceiling',
    },
  });

  /** Records the SQL of one call per actor/input and replays it raw with the same concurrency. */
  const sqlCeiling = async (
    calls: (() => Promise<unknown>)[],
    connections: number,
  ): Promise<{ stats: Stats; statements: number }> => {
    const captured: CapturedQuery[][] = [];
    for (const call of calls) captured.push(await inproc.capture(call));
    const stats = await inProcessLoad((i) => inproc.replay(captured[i % captured.length]!), {
      concurrency: connections,
      seconds: Math.min(seconds, 8),
    });
    return { stats, statements: captured[0]!.length };
  };

  const latencyRow = async (
    id: string,
    name: string,
    target: number | undefined,
    targetLabel: string,
    ceiling: () => Promise<{ stats: Stats; how: string }>,
  ) => {
    const h = http[id];
    if (!want(id)) return;
    if (!h) return; // not measured (or measured in another call)
    if (h.stats.requests === 0) {
      return record({
        id,
        name,
        figure: `no response completed within ${seconds} s (${JSON.stringify(h.stats.statuses)})`,
        ceiling: '—',
        ratio: '—',
        target: targetLabel,
        result: 'miss',
        http: h.stats,
        rssPeakMb: h.peak,
      });
    }
    try {
      const c = await ceiling();
      const ok = h.stats.errors === 0 && (target === undefined || h.stats.p95 <= target);
      record({
        id,
        name,
        figure: latencyLine(h.stats),
        ceiling: `p95 ${ms(c.stats.p95)} · ${perSecond(c.stats.throughput)} (${c.how})`,
        ratio: `${(h.stats.p95 / c.stats.p95).toFixed(1)}× p95`,
        target: targetLabel,
        result: target === undefined ? '—' : ok ? 'pass' : 'miss',
        http: h.stats,
        ceilingStats: c.stats,
        ceilingHow: c.how,
        rssPeakMb: h.peak,
      });
    } catch (error) {
      failed(id, name, error);
    }
  };

  // Login: argon2id verification is most of the work; its raw rate on this machine is the ceiling.
  if (want('login') && http.login) {
    const row = await inproc.executeSql(`SELECT password_hash FROM users WHERE username = $1`, [f.specialists[0]]);
    const hash = String((row.rows[0] as { password_hash: string }).password_hash);
    const c = await inProcessLoad(() => argonVerify(hash, BENCH_PASSWORD), {
      concurrency: 8,
      seconds: Math.min(seconds, 5),
    });
    const h = http.login.stats;
    record({
      id: 'login',
      name: 'Login (argon2id, session, audit)',
      figure: latencyLine(h).replace('req/s', 'logins/s'),
      ceiling: `${perSecond(c.throughput, 'verifies/s')} (raw argon2id verify, 8 concurrent)`,
      ratio: `${Math.round((100 * h.throughput) / c.throughput)} % of raw`,
      target: '—',
      result: h.errors === 0 ? '—' : 'miss',
      http: h,
      ceilingStats: c,
      ceilingHow: 'raw argon2id verify',
      rssPeakMb: http.login.peak,
    });
  }

  if (want('cached_read') && http.cached_read && floor) {
    const h = http.cached_read.stats;
    const a = floor.anonymous;
    const overhead = floor.empty.throughput / h.throughput;
    record({
      id: 'cached_read',
      name: 'Cached read (document types: session + static list)',
      figure: latencyLine(h),
      ceiling: `${latencyLine(floor.empty)} (empty Fastify route, own process)`,
      ratio: `${overhead.toFixed(1)}× slower (req/s)`,
      target: '≤ 2× the empty route',
      result: h.errors === 0 && overhead <= 2 ? 'pass' : 'miss',
      http: h,
      ceilingStats: floor.empty,
      ceilingHow: 'empty Fastify route',
      rssPeakMb: http.cached_read.peak,
      details: { withoutSession: a },
      notes: [
        `where it goes: the same route without a cookie (401, every plugin and hook of the server, no database) ${latencyLine(a)}, ${(floor.empty.throughput / a.throughput).toFixed(1)}× the empty route; finding the session (from the session cache: SESSION_CACHE_SECONDS, emptied by this process's writes and by NOTIFY from the others; one indexed query when not cached) makes the rest, ${(a.throughput / h.throughput).toFixed(1)}×`,
      ],
    });
  }

  const specialists = await Promise.all(f.specialists.map(actor));
  const leaders = await Promise.all(f.leaders.map(actor));
  const clerk = await actor(f.clerk);
  const page = { limit: 20, offset: 0 };
  await latencyRow('inbox', "Specialist's inbox: 20 newest with total", 50, 'p95 ≤ 50 ms', async () => {
    const r = await sqlCeiling(
      specialists.map((a) => () => incoming.listIncoming(deps, a, { view: 'all', ...page })),
      10,
    );
    return { stats: r.stats, how: `same ${r.statements} SQL statements raw through pg` };
  });
  await latencyRow('inbox_counts', "Specialist's inbox: counts of every view", 50, 'p95 ≤ 50 ms', async () => {
    const r = await sqlCeiling(
      specialists.map((a) => () => incoming.countIncoming(deps, a)),
      10,
    );
    return { stats: r.stats, how: `same ${r.statements} SQL statements raw through pg` };
  });
  await latencyRow('overdue', "Department leader's overdue view", 300, 'p95 ≤ 300 ms (leader dashboard)', async () => {
    const r = await sqlCeiling(
      leaders.map((a) => () => incoming.listIncoming(deps, a, { view: 'overdue', ...page })),
      10,
    );
    return { stats: r.stats, how: `same ${r.statements} SQL statements raw through pg` };
  });
  await latencyRow('search', 'Full-text search without diacritics (Ministry clerk)', 150, 'p95 ≤ 150 ms', async () => {
    const r = await sqlCeiling(
      vocab.SEARCH_PHRASES.map((q) => () => incoming.listIncoming(deps, clerk, { view: 'all', q, ...page })),
      10,
    );
    return { stats: r.stats, how: `same ${r.statements} SQL statements raw through pg` };
  });
  await latencyRow('detail', 'Document detail with trail', 30, 'p95 ≤ 30 ms', async () => {
    const r = await sqlCeiling(
      f.detailIds.slice(0, 200).map((id) => () => incoming.getIncomingDetail(inproc.db, clerk, id)),
      10,
    );
    return { stats: r.stats, how: `same ${r.statements} SQL statements raw through pg, one after another` };
  });
  await latencyRow('due_date', 'Due-date computation (working days)', undefined, '—', async () => {
    const stats = await inProcessLoad(
      (i) =>
        explainDueDate(inproc.db, new Date(Date.UTC(f.year, 0, 1) + (i % 300) * 86_400_000), 5 + (i % 40), undefined),
      { concurrency: 10, seconds: Math.min(seconds, 5) },
    );
    return { stats, how: 'calendar use case in-process' };
  });
  const ministryLeader = await actor(f.ministryLeader);
  await latencyRow(
    'supervision',
    `Supervision statistics, whole Ministry, year ${f.supervisionYear}`,
    300,
    'p95 ≤ 300 ms (leader dashboard)',
    async () => {
      const r = await sqlCeiling(
        [
          () =>
            summarizeSupervision(inproc.db, ministryLeader, {
              from: `${f.supervisionYear}-01-01`,
              to: `${f.supervisionYear}-12-31`,
              groupBy: 'unit',
            }),
        ],
        4,
      );
      return { stats: r.stats, how: `same ${r.statements} SQL statements raw through pg` };
    },
  );

  // Writes: the same use case called in-process (no HTTP) is the ceiling.
  const needJobs = (want('register') && http.register) || (want('issue') && http.issue);
  const jobs = needJobs
    ? await startJobs({
        db: inproc.db,
        config,
        executeSql: inproc.executeSql,
        jobs: ALL_JOBS,
        work: false,
        logger: createLogger(config),
      })
    : undefined;
  try {
    if (want('register') && http.register && jobs) {
      try {
        const clerks = await Promise.all(f.registerClerks.map(actor));
        const fileOf = new Map<string, string>();
        for (const a of clerks) {
          const file = await inproc.executeSql(
            `SELECT id FROM files WHERE uploaded_by = $1 ORDER BY created_at DESC LIMIT 1`,
            [a.userId],
          );
          fileOf.set(a.userId, String((file.rows[0] as { id: string }).id));
        }
        const runId = `C${Date.now().toString(36).toUpperCase()}`;
        const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
        const c = await inProcessLoad(
          (i) => {
            const a = clerks[i % clerks.length]!;
            return incoming.createIncoming({ db: inproc.db, jobs, config }, ctxOf(a), {
              source: 'paper',
              issuerName: 'Ủy ban nhân dân tỉnh Lâm Đồng',
              numberNotation: `${i + 1}/BENCH-${runId}`,
              documentDate: today,
              docType: 'official_letter',
              subject: `V/v kiểm thử hiệu năng đăng ký văn bản đến số ${i + 1}`,
              urgency: 'normal',
              confidentiality: 'normal',
              mainFileId: fileOf.get(a.userId)!,
            });
          },
          { concurrency: 10, seconds: Math.min(seconds, 8) },
        );
        const gaps = await numberingGaps(inproc, f.year);
        const h = http.register.stats;
        record({
          id: 'register',
          name: 'Register an incoming document (number + trail + audit)',
          figure: `${perSecond(h.throughput, 'docs/s')} sustained ${Math.round(h.seconds)} s · p95 ${ms(h.p95)} · ${gaps.checked} registers checked, ${gaps.gaps} gaps`,
          ceiling: `${perSecond(c.throughput, 'docs/s')} · p95 ${ms(c.p95)} (use case in-process, 10 concurrent)`,
          ratio: `${Math.round((100 * h.throughput) / c.throughput)} % of in-process`,
          target: '≥ 300/s, no gap in numbering',
          result: h.errors === 0 && h.throughput >= 300 && gaps.gaps === 0 ? 'pass' : 'miss',
          http: h,
          ceilingStats: c,
          ceilingHow: 'use case in-process',
          rssPeakMb: http.register.peak,
          notes: gaps.details,
        });
      } catch (error) {
        failed('register', 'Register an incoming document', error);
      }
    }
    if (want('issue') && http.issue && jobs) {
      try {
        const a = await actor(f.clerk);
        const rest = f.issueIds.slice(Math.floor(f.issueIds.length / 2));
        const c = await inProcessLoad((i) => issueOutgoing({ db: inproc.db, jobs, config }, ctxOf(a), rest[i]!, {}), {
          concurrency: 4,
          seconds: Math.max(seconds, 10),
          amount: rest.length,
        });
        const h = http.issue.stats;
        record({
          id: 'issue',
          name: 'Issue an outgoing document (number + PDF + 5 recipients)',
          figure: `${perSecond(h.throughput, 'docs/s')} · p50 ${ms(h.p50)} · p95 ${ms(h.p95)} (${h.requests} issued)`,
          ceiling: `${perSecond(c.throughput, 'docs/s')} · p95 ${ms(c.p95)} (use case in-process, 4 concurrent)`,
          ratio: `${Math.round((100 * h.throughput) / c.throughput)} % of in-process`,
          target: '—',
          result: h.errors === 0 ? '—' : 'miss',
          http: h,
          ceilingStats: c,
          ceilingHow: 'use case in-process',
          rssPeakMb: http.issue.peak,
          notes: [
            "not signed: the bench's organisations have no signing credential (signing is measured on its own, see the sign rows)",
          ],
        });
      } catch (error) {
        failed('issue', 'Issue an outgoing document', error);
      }
    }
  } finally {
    await jobs?.stop();
  }
}

/** Every register numbered this year: its numbers must run 1..last without a hole, and match its counter. */
async function numberingGaps(
  inproc: InProcessDb,
  year: number,
): Promise<{ checked: number; gaps: number; details: string[] }> {
  const res = await inproc.executeSql(
    `SELECT d.register_id, count(*)::int AS n, count(DISTINCT d.arrival_number)::int AS distinct_n,
            max(d.arrival_number) AS max_n, min(c.last_number) AS counter
     FROM incoming_documents d JOIN register_counters c ON c.register_id = d.register_id AND c.year = d.arrival_year AND c.series = ''
     WHERE d.arrival_year = $1 AND d.register_id IN (
       SELECT DISTINCT register_id FROM incoming_documents WHERE number_notation LIKE '%/BENCH-%' AND arrival_year = $1)
     GROUP BY d.register_id`,
    [year],
  );
  const details: string[] = [];
  let gaps = 0;
  for (const r of res.rows as {
    register_id: string;
    n: number;
    distinct_n: number;
    max_n: number;
    counter: number;
  }[]) {
    if (r.n !== r.max_n || r.distinct_n !== r.n || Number(r.counter) !== r.max_n) {
      gaps++;
      details.push(
        `register ${r.register_id}: ${r.n} numbers, ${r.distinct_n} distinct, highest ${r.max_n}, counter ${r.counter}`,
      );
    }
  }
  return { checked: res.rows.length, gaps, details };
}

// ── audit:verify ───────────────────────────────────────────────────────────────────────────────────
async function auditVerify(): Promise<void> {
  out('[bench] audit:verify …');
  try {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    const run = await runCommand(['server/src/cli/audit-verify.ts'], env);
    const rowsVerified = Number(/(\d+) rows/.exec(run.output)?.[1] ?? 0);
    const intact = run.code === 0 && /intact/.test(run.output);
    // Ceiling: the same rows read raw through pg in the same batches, without hashing.
    const inproc = await openInProcess({ databaseUrl, dataDir });
    let raw: { rows: number; seconds: number };
    try {
      const began = performance.now();
      let seq = 0;
      let n = 0;
      for (;;) {
        const batch = await inproc.executeSql(`SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 5000`, [seq]);
        n += batch.rows.length;
        if (batch.rows.length < 5000) break;
        seq = Number((batch.rows.at(-1) as { seq: number }).seq);
      }
      raw = { rows: n, seconds: (performance.now() - began) / 1000 };
    } finally {
      await inproc.close();
    }
    const rate = rowsVerified / run.seconds;
    const rawRate = raw.rows / raw.seconds;
    record({
      id: 'audit_verify',
      name: `audit:verify (${rowsVerified.toLocaleString('en')} rows)`,
      figure: `${Math.round(rate).toLocaleString('en')} rows/s · ${run.seconds.toFixed(1)} s (process start included) · ${intact ? 'intact' : 'NOT intact'}`,
      ceiling: `${Math.round(rawRate).toLocaleString('en')} rows/s (raw keyset read through pg, no hashing)`,
      ratio: `${Math.round((100 * rate) / rawRate)} % of raw read`,
      target: 'chain intact',
      result: intact ? 'pass' : 'miss',
      notes: intact ? [] : [run.output.slice(-500)],
    });
  } catch (error) {
    failed('audit_verify', 'audit:verify', error);
  }
}

function pending(id: string, name: string, target: string, note: string): void {
  record({
    id,
    name,
    figure: 'not yet built',
    ceiling: '—',
    ratio: '—',
    target,
    result: 'not yet built',
    notes: [note],
  });
}

/** Repeats `fn` for at least `minSeconds` (and 3 times) after a warm-up call; MB/s of `bytes` per call. */
function rate(
  bytes: number,
  fn: () => unknown,
  minSeconds: number,
): { mbPerSecond: number; calls: number; msPerCall: number } {
  const warm = performance.now();
  fn(); // warm-up; when one call already takes the whole budget, it is the measurement
  const once = (performance.now() - warm) / 1000;
  if (once >= minSeconds) return { mbPerSecond: bytes / 2 ** 20 / once, calls: 1, msPerCall: once * 1000 };
  const began = performance.now();
  let calls = 0;
  while (calls < 3 || performance.now() - began < minSeconds * 1000) {
    fn();
    calls++;
  }
  const seconds = (performance.now() - began) / 1000;
  return { mbPerSecond: (bytes * calls) / 2 ** 20 / seconds, calls, msPerCall: (1000 * seconds) / calls };
}

/** edXML (issue 6): the codec's own parse and build of a 1 MB and a 20 MB package, against fast-xml-parser alone. */
async function edxml(): Promise<void> {
  let codec: typeof Exchange;
  let fixtures: typeof ExchangeFixtures;
  try {
    codec = await import('../server/src/modules/exchange/index.ts');
    fixtures = await import('../server/src/modules/exchange/edxml/edxml.fixtures.ts');
  } catch (error) {
    for (const id of ['edxml_parse_1mb', 'edxml_parse_20mb', 'edxml_build_1mb', 'edxml_build_20mb']) {
      pending(
        id,
        `edXML ${id.split('_').slice(1).join(' ')}`,
        '—',
        `exchange (issue 6) not importable: ${String(error)}`,
      );
    }
    return;
  }
  // The server's own fast-xml-parser (the root node_modules holds an older major version for another package).
  const serverRequire = createRequire(path.join(ROOT, 'server', 'package.json'));
  const { XMLBuilder, XMLParser } = serverRequire('fast-xml-parser') as {
    XMLParser: new (options: object) => { parse(xml: string): unknown };
    XMLBuilder: new (options: object) => { build(tree: unknown): string };
  };
  const rawOptions = { ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, htmlEntities: true };
  for (const mb of [1, 20]) {
    try {
      // The attachment is base64 in the package: 3 bytes become 4.
      const seed = Buffer.alloc(Math.floor(mb * 2 ** 20 * 0.75) - 6000, 7);
      const model = fixtures.samplePackage({ seed });
      const xml = codec.buildEdxml(model);
      const bytes = Buffer.byteLength(xml);
      const parsed = codec.parseEdxml(xml);
      if (!parsed.ok)
        throw new Error(`parseEdxml refused its own package: ${JSON.stringify(parsed.errors).slice(0, 300)}`);
      const minSeconds = opts.quick ? 1.5 : 4;
      const parse = rate(bytes, () => codec.parseEdxml(xml), minSeconds);
      const rawParser = new XMLParser(rawOptions);
      const rawParse = rate(bytes, () => rawParser.parse(xml), minSeconds);
      const build = rate(bytes, () => codec.buildEdxml(model), minSeconds);
      const tree = rawParser.parse(xml) as unknown;
      const rawBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
      const rawBuild = rate(bytes, () => rawBuilder.build(tree), minSeconds);
      const size = `${(bytes / 2 ** 20).toFixed(1)} MB`;
      const parseRatio = parse.mbPerSecond / rawParse.mbPerSecond;
      record({
        id: `edxml_parse_${mb}mb`,
        name: `edXML parse + validate, ${size} package`,
        figure: `${parse.mbPerSecond.toFixed(1)} MB/s (${ms(parse.msPerCall)} per package)`,
        ceiling: `${rawParse.mbPerSecond.toFixed(1)} MB/s (fast-xml-parser alone, same text)`,
        ratio: `${Math.round(100 * parseRatio)} % of raw`,
        target: '≥ 50 % of the raw parser',
        result: parseRatio >= 0.5 ? 'pass' : 'miss',
      });
      record({
        id: `edxml_build_${mb}mb`,
        name: `edXML build, ${size} package`,
        figure: `${build.mbPerSecond.toFixed(1)} MB/s (${ms(build.msPerCall)} per package)`,
        ceiling: `${rawBuild.mbPerSecond.toFixed(1)} MB/s (fast-xml-parser XMLBuilder of the parsed tree)`,
        ratio: `${Math.round((100 * build.mbPerSecond) / rawBuild.mbPerSecond)} % of raw`,
        target: '—',
        result: '—',
      });
    } catch (error) {
      failed(`edxml_${mb}mb`, `edXML ${mb} MB`, error);
    }
  }
}

/**
 * PAdES signing and validation (issue 5) of a two-page official PDF, in-process (bench/lib/sign.ts), against
 * the crypto floor of the same work (node:crypto SHA-256 + RSA on the same bytes and keys).
 */
async function signing(): Promise<void> {
  out('[bench] sign: PAdES signing and validation of the official PDF (in-process) …');
  let m: SigningMeasurements;
  try {
    m = await measureSigning({
      seconds,
      log: (l) => out(`[bench] ${l}`),
      ...(process.env.BENCH_SIGN_SAMPLE ? { samplePath: process.env.BENCH_SIGN_SAMPLE } : {}),
    });
  } catch (error) {
    failed('sign', 'Sign the official PDF (person, then organisation)', error);
    return;
  }
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  const slower = (floor: number, figure: number) => `${(floor / figure).toFixed(floor / figure < 10 ? 1 : 0)}× slower`;
  const pdf = `${m.pdf.pages}-page Công văn, ${kb(m.pdf.bytes)}`;
  record({
    id: 'sign',
    name: 'Sign the official PDF: leader, then organisation (Decree 30 appearance, PAdES B-B)',
    figure: `${perSecond(m.sign.throughput, 'signatures/s')} · p50 ${ms(m.sign.p50)} · p95 ${ms(m.sign.p95)} per signature (${m.documents} documents × 2, ${pdf})`,
    ceiling: `${perSecond(m.signFloor.throughput, 'signatures/s')} · p95 ${ms(m.signFloor.p95)} (node:crypto: SHA-256 of the same signed bytes + RSA-${m.keyBits} sign)`,
    ratio: `${slower(m.signFloor.throughput, m.sign.throughput)} (signatures/s)`,
    target: '—',
    result: '—',
    figureStats: m.sign,
    ceilingStats: m.signFloor,
    ceilingHow:
      'crypto floor: SHA-256 of the bytes each signature covers and one RSA private-key operation, node:crypto',
    details: {
      pdf: m.pdf,
      keyBits: m.keyBits,
      person: m.signPerson,
      organization: m.signOrganization,
      renderMs: m.renderMs,
      pkcs12OpenMs: m.pkcs12OpenMs,
    },
    notes: [
      `leader p50 ${ms(m.signPerson.p50)} / p95 ${ms(m.signPerson.p95)} (signer block found on the page, signature image), ` +
        `organisation p50 ${ms(m.signOrganization.p50)} / p95 ${ms(m.signOrganization.p95)} (seal image, subset font, name and time)`,
      `not in the figure: rendering the PDF ${ms(m.renderMs)}, opening a PKCS#12 with its PIN ${ms(m.pkcs12OpenMs)} (the service does it per signature), the database and audit row`,
      'one signature after another on one core (RSA signing is synchronous in node:crypto); no timestamp (no TSA configured)',
    ],
  });
  record({
    id: 'sign_validate',
    name: 'Validate the signed PDF (2 signatures: digest, signature, chain, trust)',
    figure: `${perSecond(m.validate.throughput, 'validations/s')} · p50 ${ms(m.validate.p50)} · p95 ${ms(m.validate.p95)} (${kb(m.pdf.signedBytes)} PDF)`,
    ceiling: `${perSecond(m.validateFloor.throughput, 'validations/s')} · p95 ${ms(m.validateFloor.p95)} (node:crypto: SHA-256 of the file and both byte ranges, 2 RSA + 2 certificate verifications)`,
    ratio: `${slower(m.validateFloor.throughput, m.validate.throughput)} (validations/s)`,
    target: '—',
    result: '—',
    figureStats: m.validate,
    ceilingStats: m.validateFloor,
    ceilingHow: 'crypto floor of the same checks, node:crypto',
  });
}

// ── Output ─────────────────────────────────────────────────────────────────────────────────────────
function writeResults(counts: Record<string, number>): void {
  const stamp = startedAt
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
  const dir = resultsDir;
  fs.mkdirSync(dir, { recursive: true });
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
  };
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    // In-process scenarios only (`--only edxml,sign`): no database, no dataset.
    engine: needsDatabase ? engine : null,
    size: needsDatabase ? sizeName : null,
    documents: needsDatabase ? documents : null,
    only: only ? [...only] : null,
    secondsPerScenario: seconds,
    dataset: counts,
    machine,
    scenarios: rows,
  };
  fs.writeFileSync(path.join(dir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const md = [
    `# EduGov bench — ${startedAt.toISOString()}`,
    '',
    (needsDatabase
      ? `Engine ${engine}, dataset \`${sizeName}\` (${documents.toLocaleString('en')} documents), ${seconds} s per read scenario, `
      : `In-process scenarios only (${[...only!].join(', ')}: no database, no server), ${seconds} s per scenario, `) +
      `${machine.cpus} cores (${machine.cpuModel ?? 'unknown'}), load average at the end ${machine.loadAverageAtEnd.join(' / ')}, Node ${machine.node}.`,
    '',
    '| scenario | figure | ceiling (same run) | ratio | target | result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${esc(r.name)} | ${esc(r.figure)} | ${esc(r.ceiling)} | ${esc(r.ratio)} | ${esc(r.target)} | ${r.result} |`,
    ),
    '',
  ];
  const notes = rows.filter((r) => r.notes?.length);
  if (notes.length) md.push('Notes:', '', ...notes.map((r) => `- ${r.name}: ${r.notes!.join('; ')}`), '');
  fs.writeFileSync(path.join(dir, `${stamp}.md`), md.join('\n'));
  out(
    `[bench] results: ${path.relative(ROOT, path.join(dir, stamp)).startsWith('..') ? path.join(dir, stamp) : path.relative(ROOT, path.join(dir, stamp))}.json and .md (${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s)`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
