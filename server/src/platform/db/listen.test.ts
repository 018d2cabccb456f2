import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-app.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const send = (payload: string) => sql`SELECT pg_notify('test_channel', ${payload})`.execute(database.handle.db);

describe('listen (LISTEN/NOTIFY on both engines)', () => {
  it('hears a notification only when its transaction commits, until unsubscribed', async () => {
    const heard: string[] = [];
    const unlisten = await database.handle.listen('test_channel', (p) => heard.push(p));
    await expect(
      database.handle.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_notify('test_channel', 'rolled back')`.execute(trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await database.handle.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_notify('test_channel', 'committed')`.execute(trx);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([]); // not before the commit
    });
    await vi.waitFor(() => expect(heard).toEqual(['committed']), { timeout: 5000, interval: 50 });
    await unlisten();
    await send('after');
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual(['committed']);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('listens again after its connection is cut (PostgreSQL)', async () => {
    const heard: string[] = [];
    await database.handle.listen('test_channel', (p) => heard.push(p));
    const cut = await sql`
        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'
      `.execute(database.handle.db);
    expect(cut.rows).toHaveLength(1);
    await vi.waitFor(
      async () => {
        await send('again');
        expect(heard).toContain('again');
      },
      { timeout: 15_000, interval: 500 },
    );
  });

  it('refuses channel names that are not plain identifiers', async () => {
    await expect(database.handle.listen('x; DROP TABLE users', () => {})).rejects.toThrow();
  });
});
