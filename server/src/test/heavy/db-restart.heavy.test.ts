/**
 * Database restart (heavy): a private PostgreSQL server (initdb in a temporary folder) is stopped during load
 * — once with `-m fast` (clean shutdown) and once with `-m immediate` (a crash, recovery at start) — and
 * started again. The app process is never restarted. During the outage every request is answered quickly
 * with 503 (no hang, no 500, nothing silently lost); afterwards the app serves again by itself; every
 * registration answered 201 is in the database exactly once with gap-free arrival numbers; the audit chain
 * verifies.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../../modules/documents/incoming/incoming.fixtures.ts';
import {
  AppProcess,
  auditVerifyCli,
  createHeavyDatabase,
  freePort,
  HttpUser,
  PrivatePostgres,
  sleep,
  type HeavyDatabase,
} from './harness.ts';

function privatePostgresOrSkip(): boolean {
  const missing = PrivatePostgres.available();
  if (!missing) return true;
  if (process.env.CI === 'true') throw new Error(`database restart: ${missing}`);
  process.stdout.write(`\n  SKIPPED database restart: ${missing}\n`);
  return false;
}

const runnable = privatePostgresOrSkip();
const OUTAGE_MS = 6000;

interface Sample {
  readonly phase: 'before' | 'outage' | 'recovering' | 'after';
  readonly kind: 'read' | 'register';
  readonly status: number;
  readonly ms: number;
  readonly key?: string;
}

describe.skipIf(!runnable)('database restart during load', () => {
  const server = new PrivatePostgres();
  let database: HeavyDatabase;
  let app: AppProcess;

  beforeAll(async () => {
    await server.init();
    database = await createHeavyDatabase(server.url);
    app = new AppProcess(await freePort(), { DATABASE_URL: database.url, JOBS: 'true', LOG_LEVEL: 'warn' });
    await app.start();
  }, 300_000);

  afterAll(async () => {
    await app?.stop();
    await server.destroy();
  }, 120_000);

  it('answers 503 during the outage and recovers without restarting the app (fast and immediate stops)', async () => {
    const clerk = new HttpUser(() => app.baseUrl, 15_000);
    const leader = new HttpUser(() => app.baseUrl, 15_000);
    expect((await clerk.login('hn.vanthu')).status).toBe(200);
    expect((await leader.login('hn.lanhdao')).status).toBe(200);
    const pid = app.child!.pid;

    const samples: Sample[] = [];
    let phase: Sample['phase'] = 'before';
    let stop = false;
    let counter = 0;
    const reader = async (user: HttpUser) => {
      while (!stop) {
        const p = phase;
        const r = await user.get(
          counter % 2 ? '/api/v1/incoming-documents?view=to_process' : '/api/v1/incoming-documents?q=restart',
        );
        samples.push({ phase: p, kind: 'read', status: r.status, ms: r.ms });
        await sleep(50);
      }
    };
    const writer = async () => {
      while (!stop) {
        const p = phase;
        const key = `DR-${++counter}`;
        const upload = await clerk.upload(`${key}.pdf`, await pdfBytes(key));
        if (upload.status !== 201 && upload.status !== 200) {
          samples.push({ phase: p, kind: 'register', status: upload.status, ms: upload.ms });
          await sleep(100);
          continue;
        }
        const r = await clerk.post('/api/v1/incoming-documents', {
          issuerName: 'Bộ Giáo dục và Đào tạo',
          numberNotation: key,
          documentDate: '2026-11-20',
          docType: 'official_letter',
          subject: `Kiểm thử khởi động lại cơ sở dữ liệu ${key}`,
          urgency: 'normal',
          confidentiality: 'normal',
          pageCount: 1,
          source: 'paper',
          mainFileId: upload.body.id,
        });
        samples.push({ phase: p, kind: 'register', status: r.status, ms: r.ms, key });
      }
    };
    const load = Promise.all([reader(clerk), reader(leader), reader(leader), writer(), writer()]);

    const rounds: { mode: 'fast' | 'immediate'; recoveredMs: number }[] = [];
    for (const mode of ['fast', 'immediate'] as const) {
      phase = 'before';
      await sleep(4000);
      await server.stop(mode);
      phase = 'outage';
      await sleep(OUTAGE_MS);
      phase = 'recovering';
      const restarted = Date.now();
      await server.start();
      // The app finds the database again by itself: the first good answer.
      let recoveredMs = -1;
      for (let i = 0; i < 120; i++) {
        const r = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
        if (r?.status === 200) {
          recoveredMs = Date.now() - restarted;
          break;
        }
        await sleep(250);
      }
      rounds.push({ mode, recoveredMs });
      await sleep(2000);
      phase = 'after';
      await sleep(5000);
    }
    stop = true;
    await load;

    const by = (p: Sample['phase']) => samples.filter((s) => s.phase === p);
    const count = (list: Sample[]) => {
      const c: Record<string, number> = {};
      for (const s of list) c[s.status] = (c[s.status] ?? 0) + 1;
      return c;
    };
    const outage = by('outage');
    const after = by('after');
    const maxOutageMs = Math.max(0, ...outage.map((s) => s.ms));

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    let docs: { number_notation: string; arrival_number: number }[];
    try {
      docs = (
        await db.query(
          "SELECT number_notation, arrival_number FROM incoming_documents WHERE number_notation LIKE 'DR-%'",
        )
      ).rows;
    } finally {
      await db.end();
    }
    const byKey = new Map<string, number>();
    for (const d of docs) byKey.set(d.number_notation, (byKey.get(d.number_notation) ?? 0) + 1);
    const created = samples.filter((s) => s.kind === 'register' && s.status === 201);
    const lost = created.filter((s) => byKey.get(s.key!) !== 1).map((s) => s.key);
    const arrival = docs.map((d) => d.arrival_number).sort((a, b) => a - b);

    process.stdout.write(
      `\n  database restart: ${samples.length} requests; recovered ${rounds.map((r) => `${r.mode} ${r.recoveredMs} ms after start`).join(', ')}\n` +
        `    before: ${JSON.stringify(count(by('before')))}  outage (${OUTAGE_MS} ms ×2): ${JSON.stringify(count(outage))} slowest ${Math.round(maxOutageMs)} ms\n` +
        `    recovering: ${JSON.stringify(count(by('recovering')))}  after: ${JSON.stringify(count(after))}\n` +
        `    registrations: ${created.length} answered 201, ${docs.length} in the database, lost ${lost.length}, arrival numbers 1..${arrival.length}\n`,
    );

    if (!app.running) process.stdout.write(`    THE APP EXITED:\n${app.output.slice(-8000)}\n`);
    // The app never restarted.
    expect(app.running).toBe(true);
    expect(app.child!.pid).toBe(pid);
    expect(app.starts).toBe(1);
    expect(rounds.every((r) => r.recoveredMs >= 0)).toBe(true);
    // During the outage: 503 (or a request that finished just before), never a 500 or a hang.
    expect(outage.length).toBeGreaterThan(10);
    expect(outage.filter((s) => s.status !== 503 && !(s.status >= 200 && s.status < 300))).toEqual([]);
    expect(outage.filter((s) => s.status === 503).length).toBeGreaterThan(0);
    expect(maxOutageMs).toBeLessThan(15_000); // the client's timeout: nothing hangs
    // After: everything works again.
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((s) => s.status < 200 || s.status >= 300)).toEqual([]);
    expect(samples.filter((s) => s.status === 500 || s.status === 0)).toEqual([]);
    // Nothing answered 201 was lost or doubled; numbering has no gap.
    expect(lost).toEqual([]);
    expect(arrival.every((n, i) => n === i + 1)).toBe(true);

    const audit = auditVerifyCli(database.url);
    process.stdout.write(`    audit:verify → ${audit.output}\n`);
    expect(audit.status).toBe(0);
  }, 600_000);
});
