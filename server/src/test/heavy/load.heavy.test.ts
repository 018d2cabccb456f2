/**
 * Load (heavy, PostgreSQL): 200 simulated people for HEAVY_LOAD_SECONDS (default 300) on two app processes
 * behind a round-robin client, each logging in and then, with a think time between actions, doing what their
 * role does: clerks register documents (upload + register) and present them, leaders direct presented ones
 * to a specialist, everyone opens the inbox, a document, searches and reads the counts. Zero errors (no 5xx,
 * no timeout, no unexpected 4xx; a 409 when two leaders direct the same document at once is the expected
 * answer and counted apart); p50/p95/p99 printed per action.
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
  percentile,
  postgresServerUrl,
  sleep,
  type HeavyDatabase,
  type HttpResult,
} from './harness.ts';

const serverUrl = postgresServerUrl('load');
const USERS = Number(process.env.HEAVY_LOAD_USERS ?? 200);
const SECONDS = Number(process.env.HEAVY_LOAD_SECONDS ?? 300);
/** Mean pause between two actions of one person. */
const THINK_MS = Number(process.env.HEAVY_LOAD_THINK_MS ?? 3000);
/** Logins are spread over this long before everyone is busy. */
const RAMP_MS = 30_000;

const ACCOUNTS = [
  { username: 'hn.vanthu', role: 'clerk' },
  { username: 'bgd.vanthu', role: 'clerk' },
  { username: 'hn.lanhdao', role: 'leader' },
  { username: 'bgd.lanhdao', role: 'leader' },
  { username: 'hn.truongphong', role: 'head' },
  { username: 'bgd.truongvu', role: 'head' },
  { username: 'hn.chuyenvien', role: 'specialist' },
  { username: 'bgd.chuyenvien', role: 'specialist' },
] as const;
const WORDS = ['kế hoạch', 'tuyển sinh', 'hướng dẫn', 'thi', 'giáo dục', 'năm học', 'báo cáo'];
const VIEWS = { clerk: 'to_register', leader: 'to_process', head: 'to_process', specialist: 'in_progress' } as const;

interface Sample {
  readonly action: string;
  readonly status: number;
  readonly ms: number;
  readonly error?: string;
}

describe.skipIf(!serverUrl)(`load: ${USERS} simulated people for ${SECONDS} s`, () => {
  let database: HeavyDatabase;
  const apps: AppProcess[] = [];
  let specialistOf: Record<string, string>;

  beforeAll(async () => {
    database = await createHeavyDatabase(serverUrl!);
    apps.push(new AppProcess(await freePort(), { DATABASE_URL: database.url, JOBS: 'true' }));
    apps.push(new AppProcess(await freePort(), { DATABASE_URL: database.url, JOBS: 'false' }));
    await Promise.all(apps.map((a) => a.start()));
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const rows = (
      await db.query<{ username: string; id: string }>(
        "SELECT username, id FROM users WHERE username IN ('hn.chuyenvien', 'bgd.chuyenvien')",
      )
    ).rows;
    await db.end();
    const ids = Object.fromEntries(rows.map((r) => [r.username, r.id]));
    specialistOf = { 'hn.lanhdao': ids['hn.chuyenvien']!, 'bgd.lanhdao': ids['bgd.chuyenvien']! };
  }, 300_000);

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await database?.drop();
  }, 120_000);

  it('serves everyone without an error and reports the 95th percentile', async () => {
    let next = 0;
    const base = () => apps[next++ % apps.length]!.baseUrl;
    const samples: Sample[] = [];
    const record = (action: string, r: HttpResult, expected: number[] = [200]) => {
      const ok = expected.includes(r.status);
      samples.push({
        action,
        status: r.status,
        ms: r.ms,
        ...(ok ? {} : { error: `${r.status} ${r.error ?? JSON.stringify(r.body)?.slice(0, 200)}` }),
      });
      return ok;
    };
    let conflicts = 0;
    let counter = 0;
    const pdf = await pdfBytes('Tai lieu kiem thu tai');
    const started = Date.now();
    const stopAt = started + SECONDS * 1000 + RAMP_MS; // logins are staggered over the ramp
    const think = () => sleep(THINK_MS * (0.5 + Math.random()));

    const person = async (index: number) => {
      const account = ACCOUNTS[index % ACCOUNTS.length]!;
      // Arrivals spread over the ramp, as at the start of a working day.
      await sleep(Math.random() * RAMP_MS);
      const user = new HttpUser(base, 30_000);
      if (!record('login', await user.login(account.username))) return;
      let seen: { id: string }[] = [];
      const endAt = Math.min(stopAt, Date.now() + SECONDS * 1000);
      while (Date.now() < endAt) {
        await think();
        const dice = Math.random();
        if (dice < 0.02) {
          record('login', await user.login(account.username));
        } else if (dice < 0.3) {
          const r = await user.get(`/api/v1/incoming-documents?view=${VIEWS[account.role]}`);
          if (record('inbox', r)) seen = r.body.items ?? [];
        } else if (dice < 0.5 && seen.length > 0) {
          const doc = seen[Math.floor(Math.random() * seen.length)]!;
          record('detail', await user.get(`/api/v1/incoming-documents/${doc.id}`));
        } else if (dice < 0.62) {
          const q = encodeURIComponent(WORDS[Math.floor(Math.random() * WORDS.length)]!);
          record('search', await user.get(`/api/v1/incoming-documents?q=${q}`));
        } else if (dice < 0.7) {
          record('counts', await user.get('/api/v1/incoming-documents/counts'));
        } else if (account.role === 'clerk' && dice < 0.85) {
          const key = `LT-${++counter}`;
          const upload = await user.upload(`${key}.pdf`, pdf);
          if (!record('upload', upload, [200, 201])) continue;
          const r = await user.post('/api/v1/incoming-documents', {
            issuerName: 'Ủy ban nhân dân tỉnh',
            numberNotation: key,
            documentDate: '2026-11-20',
            docType: 'official_letter',
            subject: `${WORDS[counter % WORDS.length]} — văn bản kiểm thử tải ${key}`,
            urgency: 'normal',
            confidentiality: 'normal',
            pageCount: 1,
            source: 'paper',
            mainFileId: upload.body.id,
          });
          if (!record('register', r, [201])) continue;
          const p = await user.post(`/api/v1/incoming-documents/${r.body.id}/present`, {});
          record('present', p, [200, 201]);
        } else if (account.role === 'leader' && dice < 0.85) {
          const list = await user.get('/api/v1/incoming-documents?view=to_process');
          if (!record('inbox', list)) continue;
          const presented = (list.body.items ?? []).filter((d: { status: string }) => d.status === 'presented');
          if (presented.length === 0) continue;
          const doc = presented[Math.floor(Math.random() * presented.length)];
          const r = await user.post(`/api/v1/incoming-documents/${doc.id}/direct`, {
            lead: { userId: specialistOf[account.username] },
            workingDays: 5,
            instructions: 'Đề nghị chuyên viên nghiên cứu, tham mưu.',
          });
          if (r.status === 409) conflicts += 1; // another leader session directed it first
          record('direct', r, [200, 201, 409]);
        } else {
          const r = await user.get(`/api/v1/incoming-documents?view=${VIEWS[account.role]}`);
          if (record('inbox', r)) seen = r.body.items ?? [];
        }
      }
    };
    await Promise.all(Array.from({ length: USERS }, (_, i) => person(i)));
    const elapsed = (Date.now() - started) / 1000;

    const errors = samples.filter((s) => s.error);
    const actions = [...new Set(samples.map((s) => s.action))].sort();
    const line = (name: string, list: Sample[]) => {
      const ms = list.map((s) => s.ms);
      return (
        `    ${name.padEnd(9)} ${String(list.length).padStart(6)}  p50 ${Math.round(percentile(ms, 50))} ms  ` +
        `p95 ${Math.round(percentile(ms, 95))} ms  p99 ${Math.round(percentile(ms, 99))} ms`
      );
    };
    process.stdout.write(
      `\n  load: ${USERS} people, ${SECONDS} s each (${Math.round(elapsed)} s in all), think time ~${THINK_MS} ms, ` +
        `${apps.length} processes: ${samples.length} requests (${(samples.length / elapsed).toFixed(1)}/s), ` +
        `${errors.length} errors, ${conflicts} expected 409s\n` +
        `${actions
          .map((a) =>
            line(
              a,
              samples.filter((s) => s.action === a),
            ),
          )
          .join('\n')}\n` +
        `${line('all', samples)}\n` +
        (errors.length
          ? `    first errors: ${errors
              .slice(0, 10)
              .map((e) => `${e.action} ${e.error}`)
              .join(' | ')}\n`
          : ''),
    );
    expect(samples.filter((s) => s.action === 'register').length).toBeGreaterThan(0);
    expect(errors.map((e) => `${e.action} ${e.error}`)).toEqual([]);

    const audit = auditVerifyCli(database.url);
    process.stdout.write(`    audit:verify → ${audit.output}\n`);
    expect(audit.status).toBe(0);
  }, 1_200_000);
});
