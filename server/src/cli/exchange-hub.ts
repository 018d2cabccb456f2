/**
 * `npm run exchange:hub -- --systems systems.json [--agencies agencies.json] [--data DIR] [--port 8790]
 * [--host 127.0.0.1] [--max-bytes N]`: EduGov's reference axis hub (store-and-forward, STANDARDS §2.8).
 *
 *   systems.json   [{"systemId": "...", "secretKey": "≥ 16 characters", "organizations": ["000.00.00.G03"]}]
 *   agencies.json  [{"code": "000.00.00.G03", "name": "Bộ Giáo dục và Đào tạo", "parentCode": null}]
 *   --data DIR     messages and their index survive restarts there; without it they live in memory
 *   --max-bytes    largest message (default EDXML_MAX_BYTES)
 *
 * Logs one JSON line per request (method, path, status, SystemId) — never secrets or message bodies.
 * Paths are relative to the directory npm was run from. Exit 3 on usage or file errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readHubAgencies, readHubSystems, startHub } from '../modules/exchange/index.ts';
import { loadConfig } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';

const USAGE = `Cách dùng / usage:
  npm run exchange:hub -- --systems <systems.json> [--agencies <agencies.json>] [--data <dir>]
                          [--port 8790] [--host 127.0.0.1] [--max-bytes <n>]
`;

const cwd = process.env.INIT_CWD ?? process.cwd();

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (e) {
    throw new Error(`Không đọc được / cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
}

function whole(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      systems: { type: 'string' },
      agencies: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'max-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.systems) {
    process.stdout.write(USAGE);
    process.exitCode = values.help ? 0 : 3;
    return;
  }
  const config = loadConfig();
  const logger = createLogger(config);
  const hub = await startHub({
    systems: readHubSystems(readJson(values.systems)),
    agencies: values.agencies ? readHubAgencies(readJson(values.agencies)) : [],
    dataDir: values.data ? path.resolve(cwd, values.data) : undefined,
    maxBytes: whole('max-bytes', values['max-bytes'], config.edxmlMaxBytes, 1),
    port: whole('port', values.port, 8790, 0),
    host: values.host ?? '127.0.0.1',
    log: (entry) => logger.info(entry, 'axis request'),
  });
  logger.info({ url: hub.url, data: values.data ?? '(memory)' }, 'EduGov axis hub listening');
  const stop = () => {
    void hub.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 3;
});
