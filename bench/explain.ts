/**
 * Profiling help: prints EXPLAIN (ANALYZE, BUFFERS) of the SQL a scenario's use case sends, as captured by the
 * bench. `DATABASE_URL=… node --import tsx bench/explain.ts <inbox|inbox_counts|overdue|search|detail|supervision> <username>`
 */
import { loadConfig } from '../server/src/platform/config.ts';
import { demoActor } from '../server/src/modules/identity/index.ts';
import * as incoming from '../server/src/modules/documents/incoming/incoming.service.ts';
import { summarizeSupervision } from '../server/src/modules/documents/supervision/supervision.service.ts';
import { openInProcess } from './lib/ceiling.ts';

const [scenario, username, extra] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL;
if (!scenario || !username || !databaseUrl) throw new Error('usage: explain.ts <scenario> <username> [id|q|year]');
const inproc = await openInProcess({ databaseUrl, dataDir: '' });
try {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const deps = { db: inproc.db, config };
  const actor = await demoActor(inproc.db, username);
  const page = { limit: 20, offset: 0 };
  const calls: Record<string, () => Promise<unknown>> = {
    inbox: () => incoming.listIncoming(deps, actor, { view: 'all', ...page }),
    inbox_counts: () => incoming.countIncoming(deps, actor),
    overdue: () => incoming.listIncoming(deps, actor, { view: 'overdue', ...page }),
    search: () => incoming.listIncoming(deps, actor, { view: 'all', q: extra ?? 'tuyen sinh lop 10', ...page }),
    detail: () => incoming.getIncomingDetail(inproc.db, actor, extra!),
    supervision: () =>
      summarizeSupervision(inproc.db, actor, {
        from: `${extra ?? 2025}-01-01`,
        to: `${extra ?? 2025}-12-31`,
        groupBy: 'unit',
      }),
  };
  const call = calls[scenario];
  if (!call) throw new Error(`unknown scenario ${scenario}`);
  const queries = await inproc.capture(call);
  for (const q of queries) {
    process.stdout.write(`\n── ${q.sql.replace(/\s+/g, ' ').slice(0, 300)}\n`);
    if (!/^\s*select/i.test(q.sql)) continue;
    const plan = await inproc.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[]);
    for (const row of plan.rows as { 'QUERY PLAN': string }[]) process.stdout.write(`${row['QUERY PLAN']}\n`);
  }
} finally {
  await inproc.close();
}
