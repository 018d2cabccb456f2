/**
 * Builds the web app before the end-to-end tests, so they never test a stale build
 * (set E2E_SKIP_BUILD=1 to reuse web/dist). Nothing is built when Chromium is missing: the specs skip.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumMissing, ROOT } from './harness.ts';

export default function setup(): void {
  if (chromiumMissing() !== undefined) return;
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) return;
  const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build -w web failed');
}
