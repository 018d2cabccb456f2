/**
 * The write watch reports each write statement of this process (table, kind, updated columns) after it ran,
 * also inside transactions and WITH clauses, and says nothing of reads or of statements that failed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { onWrite, type TableWrite } from './write-watch.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('write watch', () => {
  it('reports inserts, upserts, updates with their columns and deletes, and nothing for reads or failed statements', async () => {
    // Only the tables this test writes: the app's own background jobs may write others meanwhile.
    const seen: TableWrite[] = [];
    const mine = new Set(['users', 'positions']);
    const stop = onWrite(t.db, (w) => {
      if (mine.has(w.table)) seen.push(w);
    });
    expect(stop).toBeTypeOf('function');
    const user = await t.db.selectFrom('users').select(['id', 'full_name']).limit(1).executeTakeFirstOrThrow();
    const org = await t.db.selectFrom('organizations').select('id').limit(1).executeTakeFirstOrThrow();
    try {
      expect(seen).toEqual([]);
      await t.db.transaction().execute(async (trx) => {
        await trx.updateTable('users as u').set({ full_name: user.full_name }).where('u.id', '=', user.id).execute();
        await trx.updateTable('users').set('full_name', user.full_name).where('id', '=', user.id).execute();
        const p = await trx
          .insertInto('positions')
          .values({ organization_id: org.id, name: 'Thử ghi', rank: 99 })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('positions')
          .values({ id: p.id, organization_id: org.id, name: 'Thử ghi', rank: 98 })
          .onConflict((oc) => oc.column('id').doUpdateSet({ rank: 98 }))
          .execute();
        await trx.deleteFrom('positions').where('id', '=', p.id).execute();
      });
      await t.db
        .with('gone', (db) => db.deleteFrom('positions').where('name', '=', 'không có').returning('id'))
        .selectFrom('gone')
        .selectAll()
        .execute();
      await expect(
        t.db
          .updateTable('users')
          .set({ full_name: null as unknown as string })
          .where('id', '=', user.id)
          .execute(),
      ).rejects.toThrow();
      await sql`UPDATE users SET full_name = full_name WHERE false`.execute(t.db); // raw text: not parsed
      expect(seen).toEqual([
        { table: 'users', kind: 'update', columns: ['full_name'] },
        { table: 'users', kind: 'update', columns: [] }, // set(column, value): not read, so "any column"
        { table: 'positions', kind: 'insert', columns: [] },
        { table: 'positions', kind: 'upsert', columns: ['rank'] },
        { table: 'positions', kind: 'delete', columns: [] },
        { table: 'positions', kind: 'delete', columns: [] },
      ]);
    } finally {
      stop?.();
    }
    await t.db.deleteFrom('positions').where('name', '=', 'không có').execute();
    expect(seen).toHaveLength(6); // unsubscribed
  });
});
