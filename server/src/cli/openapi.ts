/**
 * Writes the OpenAPI document the server generates from its route schemas to web/src/api/openapi.json
 * (the web client's types are generated from it). No database is opened: only route schemas are read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import type { JobQueue } from '../platform/jobs/jobs.ts';
import { createLogger } from '../platform/logger.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' }, { version: '0.1.0' });
const unused = new Proxy(
  {},
  {
    get: () => {
      throw new Error('not available while generating OpenAPI');
    },
  },
);
const app = await buildApp(
  { config, db: unused as never, engine: config.engine, jobs: unused as JobQueue, logger: createLogger(config) },
  { serveWeb: false },
);
const document = app.swagger();
await app.close();
const target = path.resolve(import.meta.dirname, '../../../web/src/api/openapi.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
