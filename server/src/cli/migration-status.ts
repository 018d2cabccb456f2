/** Which migrations the database has not applied yet. */
import { Migrator, type Kysely } from 'kysely';
import { ALL_MIGRATIONS } from '../bootstrap.ts';

export async function migrationsPending(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.assign({}, ...ALL_MIGRATIONS) },
  });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
