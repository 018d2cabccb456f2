import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, migrateAndSeedReference } from '../../bootstrap.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { Db } from '../db/schema.ts';
import { verifyAuditChain, writeAudit } from './audit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const context = { actorUserId: null, actorName: 'Kiểm thử', organizationId: null, requestId: 'test' };

async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
  try {
    await statement.execute(db);
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
  }
}

describe('the hash-chained audit trail', () => {
  it('is written in the same transaction as the change: a rolled-back change leaves no audit row', async () => {
    const before = await verifyAuditChain(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await writeAudit(trx, context, { action: 'test.thing_done', targetType: 'thing', targetId: '1', summary: {} });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const after = await verifyAuditChain(t.db);
    expect(after).toEqual(before);
  });

  it('chains concurrent writers without gaps', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction().execute((trx) =>
          writeAudit(trx, context, {
            action: 'test.thing_done',
            targetType: 'thing',
            targetId: String(i),
            summary: { i, text: 'Đã xử lý' },
          }),
        ),
      ),
    );
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(true);
    expect(result.rows).toBeGreaterThanOrEqual(20);
  });

  it('appends the rows of one transaction one after another, in the order they were written', async () => {
    const { rows: before } = await verifyAuditChain(t.db);
    await t.db
      .transaction()
      .setIsolationLevel('read committed')
      .execute(async (trx) => {
        for (const step of ['first', 'second', 'third']) {
          await writeAudit(trx, context, {
            action: 'test.step_done',
            targetType: 'thing',
            targetId: step,
            summary: {},
          });
        }
      });
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['seq', 'target_id'])
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      { seq: before + 1, target_id: 'first' },
      { seq: before + 2, target_id: 'second' },
      { seq: before + 3, target_id: 'third' },
    ]);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: before + 3 });
  });

  // PGlite runs one transaction at a time, so there is no second writer to keep waiting.
  it.runIf(process.env.DATABASE_URL)(
    'does not make other writers wait while the rest of a transaction runs',
    async () => {
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      let audited!: () => void;
      const slowHasAudited = new Promise<void>((resolve) => (audited = resolve));
      const slow = t.db.transaction().execute(async (trx) => {
        await writeAudit(trx, context, {
          action: 'test.slow_done',
          targetType: 'thing',
          targetId: 'slow',
          summary: {},
        });
        audited();
        await finished; // the rest of a long business transaction
      });
      await slowHasAudited;
      const quick = t.db
        .transaction()
        .execute((trx) =>
          writeAudit(trx, context, { action: 'test.quick_done', targetType: 'thing', targetId: 'quick', summary: {} }),
        )
        .then(() => 'committed');
      const waited = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5000));
      const outcome = await Promise.race([quick, waited]);
      finish();
      await Promise.all([slow, quick]);
      expect(outcome).toBe('committed');
      const order = await t.db
        .selectFrom('audit_log')
        .select('target_id')
        .where('action', 'in', ['test.slow_done', 'test.quick_done'])
        .orderBy('seq')
        .execute();
      expect(order.map((r) => r.target_id)).toEqual(['quick', 'slow']);
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    },
  );

  it('is append-only for the application', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('detects an altered row and names it', async () => {
    const rows = (await verifyAuditChain(t.db)).rows;
    const target = Math.max(1, rows - 5);
    await tamper(t.db, sql`UPDATE audit_log SET summary = '{"i": 999}'::jsonb WHERE seq = ${target}`);
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: false, firstBadSeq: target });
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 with the row count, then 1 naming the first tampered row', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-audit-'));
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: t.database.url ?? '', LOG_LEVEL: 'silent' };
    try {
      let expectedRows = 0;
      if (!t.database.url) {
        // The CLI opens the embedded database folder: build one with a few audit rows.
        const handle = await connect({ databaseUrl: undefined, dataDir });
        await migrateAndSeedReference(handle);
        for (let i = 0; i < 3; i++) {
          await handle.db.transaction().execute((trx) =>
            writeAudit(trx, context, {
              action: 'test.thing_done',
              targetType: 'thing',
              targetId: String(i),
              summary: {},
            }),
          );
        }
        expectedRows = (await verifyAuditChain(handle.db)).rows; // the seed's row and these three
        expect(expectedRows).toBe(4);
        await handle.close();
      } else {
        // The test database already has a tampered chain (previous test): verify a fresh copy's count instead.
        await tamper(t.db, sql`DELETE FROM audit_log`);
        await sql`UPDATE audit_chain SET last_seq = 0, last_hash = ${'0'.repeat(64)}`.execute(t.db);
        for (let i = 0; i < 3; i++) {
          await t.db.transaction().execute((trx) =>
            writeAudit(trx, context, {
              action: 'test.thing_done',
              targetType: 'thing',
              targetId: String(i),
              summary: {},
            }),
          );
        }
        expectedRows = 3;
      }
      const run = () =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/audit-verify.ts'], {
          env,
          encoding: 'utf8',
          cwd: path.resolve(import.meta.dirname, '../../..'),
        });
      const ok = run();
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`${expectedRows} rows`);

      if (!t.database.url) {
        const handle = await connect({ databaseUrl: undefined, dataDir });
        await tamper(handle.db, sql`UPDATE audit_log SET action = 'test.other' WHERE seq = 2`);
        await handle.close();
      } else {
        await tamper(t.db, sql`UPDATE audit_log SET action = 'test.other' WHERE seq = 2`);
      }
      const bad = run();
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/TAMPERED at row 2/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
