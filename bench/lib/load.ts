/**
 * Load drivers and measurements: HTTP load through autocannon (latency of every response recorded, so the
 * percentiles are exact), the same kind of load on an in-process function (the ceilings), and the resident
 * memory of the server process sampled from /proc.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

export interface Stats {
  readonly requests: number;
  readonly seconds: number;
  readonly throughput: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly errors: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(latencies: number[], seconds: number, errors: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
  };
}

export interface HttpRequest {
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface HttpLoad {
  readonly url: string;
  readonly connections: number;
  /** Seconds; or `amount` requests. */
  readonly duration?: number;
  readonly amount?: number;
  /** Makes request number i (called for every request sent). */
  readonly request: (i: number) => HttpRequest;
  /** Called with each response body when set (e.g. to collect created ids). */
  readonly onBody?: (status: number, body: string) => void;
  /** The status that counts as an answer (default: any 2xx), e.g. 401 to load the path of a request without a session. */
  readonly expectStatus?: number;
}

/** Drives HTTP load and records the latency of every 2xx (or expected) response; anything else counts as an error. */
export async function httpLoad(load: HttpLoad): Promise<Stats & { statuses: Record<string, number> }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let i = 0;
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        ...(load.amount ? { amount: load.amount } : { duration: load.duration ?? 10 }),
        timeout: 30,
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => {
              const r = load.request(i++);
              return {
                ...req,
                method: r.method ?? 'GET',
                path: r.path,
                headers: { ...(r.headers ?? {}), ...(r.body ? { 'content-type': 'application/json' } : {}) },
                body: r.body,
              };
            },
            ...(load.onBody
              ? {
                  onResponse: (status: number, body: string) => {
                    load.onBody!(status, body);
                  },
                }
              : {}),
          },
        ],
      },
      (error: Error | null, res: autocannon.Result) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      const answered =
        load.expectStatus === undefined ? statusCode >= 200 && statusCode < 300 : statusCode === load.expectStatus;
      if (answered) latencies.push(responseTime);
      else errors++;
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  errors += result.errors + result.timeouts;
  return { ...summarize(latencies, Math.min(seconds, result.duration || seconds), errors), statuses };
}

/** Runs `fn` with `concurrency` callers for `seconds` (or `amount` calls in all), timing each call. */
export async function inProcessLoad(
  fn: (i: number) => Promise<unknown>,
  options: { concurrency: number; seconds?: number; amount?: number },
): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  let firstError: unknown;
  const started = performance.now();
  const until = started + (options.seconds ?? 1e9) * 1000;
  const worker = async () => {
    for (;;) {
      if ((options.amount !== undefined && i >= options.amount) || performance.now() >= until) return;
      const n = i++;
      const t = performance.now();
      try {
        await fn(n);
        latencies.push(performance.now() - t);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if (firstError && latencies.length === 0) throw firstError;
  return summarize(latencies, (performance.now() - started) / 1000, errors);
}

/** Samples the resident set size of a process every 100 ms; `peak` is the largest seen (MB). */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peakMb = 0;

  constructor(private readonly pid: number) {}

  current(): number {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    } catch {
      return 0;
    }
  }

  /** The process's own high-water mark (VmHWM) since it started. */
  lifetimePeak(): number {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  }

  start(): void {
    this.peakMb = this.current();
    this.timer = setInterval(() => {
      this.peakMb = Math.max(this.peakMb, this.current());
    }, 100);
    this.timer.unref();
  }

  stop(): number {
    clearInterval(this.timer);
    this.peakMb = Math.max(this.peakMb, this.current());
    return this.peakMb;
  }
}
