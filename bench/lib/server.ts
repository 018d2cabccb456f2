/** Starting and stopping processes for the bench: the real server (production mode) and the empty-route floor. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Started {
  readonly process: ChildProcess;
  readonly url: string;
  readonly pid: number;
  /** What the process printed (stderr and stdout), for error reports. */
  output(): string;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The process exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${url}:\n${output()}`);
}

/** `BENCH_CPU_PROF=<dir>`: each process started writes a V8 CPU profile there when it exits (open it in Chrome DevTools). */
const profiling = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
  : [];

function launch(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => text };
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** The EduGov server as deployed: NODE_ENV=production, no demo data, the background worker off. */
export async function startServer(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  extraEnv?: Record<string, string>;
}): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: options.dataDir,
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    JOBS: 'false',
    COOKIE_SECURE: 'false',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    // BENCH_SERVER_NODE_OPTIONS: V8 or Node flags for the server alone (memory experiments).
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
    ...options.extraEnv,
  };
  const { child, output } = launch(['server/src/main.ts'], env);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child, output, 180_000);
  return { process: child, url, pid: child.pid!, output, stop: stopper(child) };
}

export async function startEmptyServer(): Promise<Started> {
  const port = await freePort();
  const { child, output } = launch(['bench/empty-server.ts', String(port)], {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/empty`, child, output, 60_000);
  return { process: child, url, pid: child.pid!, output, stop: stopper(child) };
}

/** Runs a command to its end; resolves with its output and wall time. */
export function runCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string; seconds: number }> {
  const started = performance.now();
  const { child, output } = launch(args, env);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, output: output(), seconds: (performance.now() - started) / 1000 }));
  });
}
