/**
 * Migrations: every module (and the platform) exports a record of timestamp-named Kysely migrations.
 * They are frozen in time: they take Kysely<any> and never import application code.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type MigrationSet = Readonly<Record<string, Migration>>;

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly sets: readonly MigrationSet[]) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const all: Record<string, Migration> = {};
    for (const set of this.sets) {
      for (const [name, migration] of Object.entries(set)) {
        if (all[name]) throw new Error(`Duplicate migration name ${name}`);
        all[name] = migration;
      }
    }
    return all;
  }
}

export interface MigrationReport {
  readonly applied: string[];
}

export async function migrateToLatest(db: Kysely<never>, sets: readonly MigrationSet[]): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider(sets) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
