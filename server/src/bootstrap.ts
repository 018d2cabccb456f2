/**
 * Opening the database for the app, the CLIs and the tests: connect (PGlite with its folder lock, or
 * PostgreSQL), migrate, seed the reference data, and in demo mode the demo people.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from './platform/config.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { platformMigrations } from './platform/migrations/index.ts';
import { DEMO_ACCOUNTS, hashPassword, seedDemoPeople } from './modules/identity/index.ts';
import { writeAudit, type AuditContext } from './platform/audit/audit.ts';
import { seedDemoStructure, seedReferenceOrganizations } from './modules/org/index.ts';
import { MODULES } from './modules.ts';

/** Start-up work done by the system itself, not by a person. */
const SYSTEM: AuditContext = { actorUserId: null, actorName: 'EduGov', organizationId: null, requestId: null };

export const ALL_MIGRATIONS = [platformMigrations, ...MODULES.map((m) => m.migrations)];

export async function connect(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  extra: { pgliteLoadDataDir?: Blob; memory?: boolean } = {},
): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  if (extra.memory) {
    return openDatabase({
      pgliteDir: 'memory://',
      ...(extra.pgliteLoadDataDir ? { pgliteLoadDataDir: extra.pgliteLoadDataDir } : {}),
    });
  }
  return openDatabase({ pgliteDir: path.join(config.dataDir, 'db'), lockDir: config.dataDir });
}

export async function migrateAndSeedReference(handle: DatabaseHandle): Promise<string[]> {
  const { applied } = await migrateToLatest(handle.db as never, ALL_MIGRATIONS);
  await handle.db.transaction().execute(async (trx) => {
    const { inserted } = await seedReferenceOrganizations(trx);
    if (inserted > 0) {
      await writeAudit(trx, SYSTEM, {
        action: 'system.reference_data_seeded',
        targetType: 'organization',
        targetId: null,
        summary: { organizationsInserted: inserted },
      });
    }
  });
  return applied;
}

export interface DemoSeedResult {
  readonly password: string;
  readonly generated: boolean;
}

/** Demo people with a known password. Refuses to run in production. */
export async function seedDemo(
  handle: DatabaseHandle,
  config: Pick<Config, 'env' | 'demoPassword'>,
): Promise<DemoSeedResult> {
  if (config.env === 'production') throw new Error('Demo data is never seeded with NODE_ENV=production');
  const generated = config.demoPassword === undefined;
  const password =
    config.demoPassword ?? `Demo-${randomBytes(6).toString('base64url')}-${Math.floor(Math.random() * 90 + 10)}`;
  const passwordHash = await hashPassword(password);
  await handle.db.transaction().execute(async (trx) => {
    const ids = await seedDemoStructure(trx);
    await seedDemoPeople(trx, ids, passwordHash);
    await writeAudit(trx, SYSTEM, {
      action: 'system.demo_people_seeded',
      targetType: 'user',
      targetId: null,
      summary: { accounts: DEMO_ACCOUNTS.length, passwordGenerated: generated },
    });
  });
  return { password, generated };
}
