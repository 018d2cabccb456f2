/**
 * Background jobs on pg-boss (PostgreSQL and PGlite alike) behind a small typed interface:
 * define a job once (name, retry policy, handler), `enqueue(trx, job, payload)` inside the caller's
 * transaction (the job exists only if the transaction commits), and failed jobs stay visible to admins.
 * A job with `everyMinutes` also runs on that period: each working process offers it once per time slot
 * and pg-boss keeps one job per slot (`singletonSeconds`), however many processes offer it.
 */
import { CompiledQuery, sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db, DbOrTrx, Trx } from '../db/schema.ts';

/** What a handler gets besides its payload. */
export interface JobContext {
  readonly jobId: string;
  /** 1 for the first try. */
  readonly attempt: number;
  readonly db: Db;
  readonly config: Config;
  /** The queue, to enqueue follow-up work inside the handler's own transaction. */
  readonly jobs: JobQueue;
  readonly logger: Logger;
}

export interface JobDefinition<P extends object> {
  /** `module.imperative`, e.g. `exchange.send_package`. */
  readonly name: string;
  readonly retryLimit: number;
  /** Seconds before the first retry; doubled on each retry when `retryBackoff`. */
  readonly retryDelaySeconds: number;
  readonly retryBackoff: boolean;
  /**
   * Run it every this many minutes (fractions allowed, at least one second, at most 720) while a process
   * works the queue; the payload is then `{}`. Slots are aligned on the database clock, so processes agree.
   */
  readonly everyMinutes?: number;
  /** Whether the job exists under this configuration (e.g. e-mail needs SMTP_URL); default: always. */
  readonly enabled?: (config: Config) => boolean;
  readonly handler: (payload: P, context: JobContext) => Promise<void>;
}

/** Any job definition, whatever its payload (for lists of jobs). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJob = JobDefinition<any>;

/** pg-boss refuses singleton slots longer than its archive delay for completed jobs (12 hours by default). */
const MAX_PERIOD_SECONDS = 12 * 60 * 60;

export function defineJob<P extends object>(
  job: Pick<JobDefinition<P>, 'name' | 'handler'> & Partial<JobDefinition<P>>,
): JobDefinition<P> {
  if (!/^[a-z_]+\.[a-z_]+$/.test(job.name)) throw new Error(`Job names are module.imperative: ${job.name}`);
  if (job.everyMinutes !== undefined) {
    const seconds = job.everyMinutes * 60;
    if (!(seconds >= 1 && seconds <= MAX_PERIOD_SECONDS)) {
      throw new Error(`Job ${job.name}: everyMinutes must be from 1/60 to ${MAX_PERIOD_SECONDS / 60}`);
    }
  }
  return { retryLimit: 3, retryDelaySeconds: 30, retryBackoff: true, ...job };
}

export interface FailedJob {
  readonly id: string;
  readonly name: string;
  readonly payload: unknown;
  readonly attempts: number;
  readonly error: unknown;
  readonly createdAt: Date;
  readonly failedAt: Date | null;
}

export interface JobQueue {
  /** Whether the job is registered and enabled under this process's configuration. */
  isEnabled(job: AnyJob): boolean;
  /** Inserts the job inside `trx`: it is delivered only if that transaction commits. */
  enqueue<P extends object>(trx: Trx, job: JobDefinition<P>, payload: P): Promise<string>;
  listFailed(db: DbOrTrx, limit: number): Promise<FailedJob[]>;
  /** Retries a failed job now, inside `trx` (so the caller's audit row commits with it); false if no such job. */
  retry(trx: Trx, name: string, id: string): Promise<boolean>;
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  readonly db: Db;
  readonly config: Config;
  readonly executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  readonly jobs: readonly AnyJob[];
  /** Whether this process also works the queue (false: it only enqueues). */
  readonly work: boolean;
  readonly logger: Logger;
  readonly pollingIntervalSeconds?: number;
  /**
   * How long `stop` waits for work in flight (default 10 s): pg-boss's wait for its workers and then for its
   * own statements; handlers that outlive pg-boss's wait get three times as long.
   */
  readonly stopWaitMs?: number;
}

/** pg-boss's database adapter over an open Kysely transaction. */
function inTransaction(trx: Trx): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}

export async function startJobs(options: StartJobsOptions): Promise<JobQueue> {
  /**
   * pg-boss's own statements in flight. It records a job's outcome (complete/fail) after the handler returns,
   * without awaiting it: `stop` waits for these too, so the caller's pool is not closed under them.
   */
  const statements = new Set<Promise<unknown>>();
  /**
   * Set once `stop` is done: the caller may close its pool now. A late bookkeeping statement of pg-boss (a
   * job's outcome) is then dropped, not sent to a closed pool: that job keeps the state pg-boss's stop gave it
   * and is retried as after a crash. A dropped statement never answers: an empty answer would break pg-boss's
   * reading of it (`complete` reads a count from the first row) into an unhandled rejection.
   */
  let stopped = false;
  const stopWaitMs = options.stopWaitMs ?? 10_000;
  const boss = new PgBoss({
    db: {
      executeSql: (text, values) => {
        if (stopped) return new Promise<never>(() => undefined);
        const statement = options.executeSql(text, values);
        statements.add(statement);
        statement.then(
          () => statements.delete(statement),
          () => statements.delete(statement),
        );
        return statement;
      },
    },
    archiveFailedAfterSeconds: 60 * 60 * 24 * 30,
    // pg-boss's own cron clock is not used: recurring jobs are offered by `offerEvery` below.
    schedule: false,
  });
  boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
  await boss.start();
  const known = new Map<string, AnyJob>();
  const timers: NodeJS.Timeout[] = [];
  const offering = new Set<Promise<unknown>>();
  /** Handlers still running: pg-boss stops waiting for them after its timeout, but they still use the pool. */
  const running = new Set<Promise<unknown>>();
  let stopping = false;

  /** Offers the job for the current slot now and then several times per slot; duplicates are refused. */
  const offerEvery = (job: AnyJob, everyMinutes: number) => {
    const singletonSeconds = Math.round(everyMinutes * 60);
    const offer = () => {
      if (stopping) return;
      const sent = boss
        .send(job.name, {}, { singletonSeconds, singletonKey: 'every' })
        .catch((error: unknown) =>
          options.logger.warn({ err: error, job: job.name }, 'could not offer a recurring job'),
        )
        .finally(() => offering.delete(sent));
      offering.add(sent);
    };
    offer();
    // A quarter of the period (at most a minute) so no slot is missed whatever the timer drift.
    const timer = setInterval(offer, Math.min(singletonSeconds * 250, 60_000));
    timer.unref();
    timers.push(timer);
  };

  const queue: JobQueue = {
    isEnabled: (job) => known.has(job.name),
    async enqueue(trx, job, payload) {
      if (!known.has(job.name)) throw new Error(`Job ${job.name} is not registered`);
      const id = await boss.send(job.name, payload, { db: inTransaction(trx) });
      if (!id) throw new Error(`Job ${job.name} was not created`);
      return id;
    },
    async listFailed(db, limit) {
      const rows = await sql<{
        id: string;
        name: string;
        data: unknown;
        retry_count: number;
        output: unknown;
        created_on: Date;
        completed_on: Date | null;
      }>`
        SELECT id, name, data, retry_count, output, created_on, completed_on FROM pgboss.job WHERE state = 'failed'
        UNION ALL
        SELECT id, name, data, retry_count, output, created_on, completed_on FROM pgboss.archive WHERE state = 'failed'
        ORDER BY completed_on DESC NULLS LAST
        LIMIT ${limit}
      `.execute(db);
      return rows.rows.map((r) => ({
        id: r.id,
        name: r.name,
        payload: r.data,
        attempts: r.retry_count + 1,
        error: r.output,
        createdAt: r.created_on,
        failedAt: r.completed_on,
      }));
    },
    async retry(trx, name, id) {
      if (!known.has(name)) return false;
      const result = (await boss.retry(name, id, { db: inTransaction(trx) })) as unknown as { affected?: number };
      return (result?.affected ?? 0) > 0;
    },
    async stop() {
      stopping = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(offering);
      await boss.stop({ graceful: true, wait: true, timeout: stopWaitMs });
      // A handler that outlived pg-boss's wait still queries, and pg-boss records its outcome without awaiting
      // it: the caller must not close the pool before both are done (else an unhandled rejection).
      await Promise.race([Promise.allSettled([...running]), sleep(3 * stopWaitMs, undefined, { ref: false })]);
      // The outcome of a handler that just finished is written a tick later: let it start, then let it end.
      await sleep(100);
      // Until none is left (one may start while others end), for at most stopWaitMs; later ones are dropped.
      const until = Date.now() + stopWaitMs;
      while (statements.size > 0 && Date.now() < until) {
        await Promise.race([Promise.allSettled([...statements]), sleep(100, undefined, { ref: false })]);
      }
      stopped = true;
    },
  };

  for (const job of options.jobs) {
    if (job.enabled && !job.enabled(options.config)) continue;
    known.set(job.name, job);
    // Processes starting together on a new database create the same queues at once, and pg-boss's
    // create_queue can then deadlock (40P01); the loser tries again and finds the queue made.
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(job.name, {
          name: job.name,
          retryLimit: job.retryLimit,
          retryDelay: job.retryDelaySeconds,
          retryBackoff: job.retryBackoff,
        });
        break;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
      }
    }
    if (options.work) {
      await boss.work<object>(
        job.name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true },
        async ([item]) => {
          if (!item) return;
          const attempt = item.retryCount + 1;
          const log = options.logger.child({ job: job.name, jobId: item.id, attempt });
          const run = job.handler(item.data, {
            jobId: item.id,
            attempt,
            db: options.db,
            config: options.config,
            jobs: queue,
            logger: log,
          });
          running.add(run);
          try {
            await run;
            log.info('job done');
          } catch (error) {
            log.warn({ err: error }, 'job failed');
            throw error;
          } finally {
            running.delete(run);
          }
        },
      );
      if (job.everyMinutes !== undefined) offerEvery(job, job.everyMinutes);
    }
  }

  return queue;
}
