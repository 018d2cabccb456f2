/**
 * Housekeeping of sign-in data: sessions ended more than 30 days ago and failed-login counters whose window
 * has passed are deleted; live sessions, recently ended ones and counters that still lock stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { purgeSignInData } from './identity.jobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const DAY = 86_400_000;

describe('sign-in housekeeping', () => {
  it('deletes long-ended sessions and stale counters, keeps the rest', async () => {
    const client = await t.login('bgd.vanthu');
    const live = await t.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', client.me.user.id)
      .executeTakeFirstOrThrow();
    const now = new Date();
    const copy = (token: string, fields: { expires_at: Date; revoked_at?: Date | null }) => ({
      token_hash: token,
      user_id: live.user_id,
      active_membership_id: live.active_membership_id,
      csrf_token: 'x',
      created_at: new Date(now.getTime() - 60 * DAY),
      last_seen_at: new Date(now.getTime() - 40 * DAY),
      revoked_at: null,
      ...fields,
    });
    await t.db
      .insertInto('sessions')
      .values([
        copy('old-expired', { expires_at: new Date(now.getTime() - 31 * DAY) }),
        copy('old-revoked', {
          expires_at: new Date(now.getTime() + DAY),
          revoked_at: new Date(now.getTime() - 31 * DAY),
        }),
        copy('recently-expired', { expires_at: new Date(now.getTime() - 2 * DAY) }),
      ])
      .execute();
    await t.db
      .insertInto('login_throttle')
      .values([
        { key: 'user:stale', failures: 3, first_failure_at: new Date(now.getTime() - DAY), locked_until: null },
        {
          key: 'user:lock-ended',
          failures: 5,
          first_failure_at: new Date(now.getTime() - DAY),
          locked_until: new Date(now.getTime() - DAY + 15 * 60_000),
        },
        { key: 'user:counting', failures: 2, first_failure_at: new Date(now.getTime() - 60_000), locked_until: null },
        {
          key: 'user:locked',
          failures: 5,
          first_failure_at: new Date(now.getTime() - 20 * 60_000),
          locked_until: new Date(now.getTime() + 10 * 60_000),
        },
      ])
      .execute();

    expect(await purgeSignInData(t.db, t.config, now)).toEqual({ sessions: 2, throttles: 2 });
    const tokens = (await t.db.selectFrom('sessions').select('token_hash').execute()).map((s) => s.token_hash);
    expect(tokens).toContain(live.token_hash);
    expect(tokens).toContain('recently-expired');
    expect(tokens).not.toContain('old-expired');
    expect(tokens).not.toContain('old-revoked');
    const keys = (await t.db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key).sort();
    expect(keys).toEqual(['user:counting', 'user:locked']);
    // The live session still works.
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });
});
