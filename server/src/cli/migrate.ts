/** `npm run db:migrate`: applies pending migrations and the reference seed (PostgreSQL or PGlite). */
import { connect, migrateAndSeedReference } from '../bootstrap.ts';
import { loadConfig } from '../platform/config.ts';

const config = loadConfig();
const handle = await connect(config);
try {
  const applied = await migrateAndSeedReference(handle);
  process.stdout.write(
    applied.length
      ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}\n`
      : 'The database is up to date.\n',
  );
} finally {
  await handle.close();
}
