/**
 * Runs once before the server tests: on PGlite it builds a migrated, seeded database and saves it as a
 * template that every test file loads (initdb + migrations once instead of once per file).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateAndSeedReference, seedDemo } from '../bootstrap.ts';
import { openDatabase } from '../platform/db/database.ts';
import { TEST_PASSWORD } from './constants.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const engine = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
  process.stdout.write(
    `\n  server tests on ${engine}${engine === 'postgresql' ? ` (${redact(process.env.DATABASE_URL!)})` : ''}\n`,
  );
  if (engine === 'postgresql') return () => {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-template-'));
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  await migrateAndSeedReference(handle);
  await seedDemo(handle, { env: 'test', demoPassword: TEST_PASSWORD });
  const dump = await handle.dumpDataDir!();
  const file = path.join(dir, 'template.tar.gz');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
