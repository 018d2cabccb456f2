import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createLogger } from '../logger.ts';
import { defineJob, startJobs } from './jobs.ts';

const handled: string[] = [];
let attemptsOfFailing = 0;

const recordJob = defineJob<{ note: string }>({
  name: 'test.record_note',
  retryLimit: 0,
  handler: async ({ note }) => {
    handled.push(note);
  },
});
const failingJob = defineJob<{ note: string }>({
  name: 'test.always_fail',
  retryLimit: 2,
  retryDelaySeconds: 1,
  retryBackoff: true,
  handler: async () => {
    attemptsOfFailing++;
    throw new Error('Máy chủ đích không trả lời');
  },
});

/** Every 3 seconds; records when it ran and whether its handler got the database. */
const ticks: { at: number; users: number }[] = [];
const tickJob = defineJob({
  name: 'test.tick',
  everyMinutes: 0.05,
  retryLimit: 0,
  handler: async (_payload, { db }) => {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    ticks.push({ at: Date.now(), users: Number(row.n) });
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ jobs: [recordJob, failingJob, tickJob] });
});
afterAll(() => t.close());

describe('background jobs', () => {
  it('delivers a job enqueued in a committed transaction, and never one whose transaction rolled back', async () => {
    await t.db.transaction().execute((trx) => t.jobs.enqueue(trx, recordJob, { note: 'committed' }));
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.jobs.enqueue(trx, recordJob, { note: 'rolled back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await vi.waitFor(() => expect(handled).toContain('committed'), { timeout: 20_000, interval: 200 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(handled).not.toContain('rolled back');
  });

  it('retries with backoff, then shows the failed job to system administrators only', async () => {
    await t.db.transaction().execute((trx) => t.jobs.enqueue(trx, failingJob, { note: 'gửi gói tin' }));
    const admin = await t.login('admin');
    await vi.waitFor(
      async () => {
        const res = await admin.get('/api/v1/admin/jobs/failed');
        expect(res.json().items.map((j: { name: string }) => j.name)).toContain('test.always_fail');
      },
      { timeout: 40_000, interval: 500 },
    );
    expect(attemptsOfFailing).toBe(3); // the first try and two retries
    const failed = (await admin.get('/api/v1/admin/jobs/failed')).json().items[0];
    expect(failed.payload).toEqual({ note: 'gửi gói tin' });
    expect(failed.attempts).toBe(3);
    const clerk = await t.login('bgd.vanthu');
    expect((await clerk.get('/api/v1/admin/jobs/failed')).statusCode).toBe(403);

    // Retrying runs it again (and it fails again), with an audit row; an unknown job is a 404.
    const audited = () =>
      t.db.selectFrom('audit_log').select('target_id').where('action', '=', 'system.job_retried').execute();
    expect((await admin.post(`/api/v1/admin/jobs/test.always_fail/${failed.id}/retry`)).statusCode).toBe(200);
    expect((await audited()).map((r) => r.target_id)).toEqual([failed.id]);
    await vi.waitFor(() => expect(attemptsOfFailing).toBeGreaterThan(3), { timeout: 20_000, interval: 200 });
    const unknown = await admin.post('/api/v1/admin/jobs/test.always_fail/00000000-0000-4000-8000-000000000000/retry');
    expect(unknown.statusCode).toBe(404);
    expect(await audited()).toHaveLength(1);
  });

  it('refuses job names that are not module.imperative', () => {
    expect(() => defineJob({ name: 'NoModule', handler: async () => {} })).toThrow();
  });

  it('runs a recurring job once per period, however many processes work the queue', async () => {
    // A second process on the same database, offering the same recurring job.
    const second = await startJobs({
      db: t.db,
      config: t.config,
      executeSql: t.database.handle.executeSql,
      jobs: [tickJob],
      work: true,
      logger: createLogger(t.config),
      pollingIntervalSeconds: 0.5,
    });
    const before = ticks.length;
    try {
      await vi.waitFor(() => expect(ticks.length).toBeGreaterThanOrEqual(before + 3), {
        timeout: 30_000,
        interval: 200,
      });
    } finally {
      const started = Date.now();
      await second.stop();
      expect(Date.now() - started).toBeLessThan(12_000);
    }
    const slots = await sql<{ slot: Date; n: number }>`
      SELECT singleton_on AS slot, count(*)::int AS n FROM pgboss.job WHERE name = 'test.tick' GROUP BY 1
    `.execute(t.db);
    // One job per 3-second slot, never two, and each ran once.
    expect(slots.rows.every((r) => r.n === 1)).toBe(true);
    expect(slots.rows.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(slots.rows.length);
    const times = slots.rows.map((r) => new Date(r.slot).getTime()).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect((times[i]! - times[i - 1]!) % 3000).toBe(0);
    expect(ticks.every((tick) => tick.users > 0)).toBe(true);
  });

  it('stops without an unhandled error when a handler outlives the stop and finishes after it', async () => {
    // pg-boss records a job's outcome after its handler returns, without awaiting it. A handler that ends after
    // stop() must not make that statement fail where nobody catches it (the process would log an unhandled
    // rejection, or the pool would already be closed under it).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const slowJob = defineJob({
      name: 'test.outlive_stop',
      retryLimit: 0,
      handler: async () => {
        started = true;
        await gate;
      },
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const slow = await startJobs({
        db: t.db,
        config: t.config,
        executeSql: t.database.handle.executeSql,
        jobs: [slowJob],
        work: true,
        logger: createLogger(t.config),
        pollingIntervalSeconds: 0.5,
        stopWaitMs: 300,
      });
      await t.db.transaction().execute((trx) => slow.enqueue(trx, slowJob, {}));
      await vi.waitFor(() => expect(started).toBe(true), { timeout: 20_000, interval: 100 });
      await slow.stop();
      release();
      await new Promise((r) => setTimeout(r, 1000));
      expect(unhandled).toEqual([]);
      // pg-boss's stop marked the job it had to abandon as failed; the late outcome changed nothing after it.
      const job = await sql<{ state: string }>`
        SELECT state FROM pgboss.job WHERE name = 'test.outlive_stop'
      `.execute(t.db);
      expect(job.rows.map((r) => r.state)).toEqual(['failed']);
    } finally {
      release();
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('refuses recurring periods pg-boss cannot keep apart', () => {
    expect(() => defineJob({ name: 'test.too_often', everyMinutes: 0.001, handler: async () => {} })).toThrow();
    expect(() => defineJob({ name: 'test.too_rare', everyMinutes: 24 * 60, handler: async () => {} })).toThrow();
  });
});
