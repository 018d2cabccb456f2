/**
 * The session cache: what it keeps, and how each kind of change reaches it — this process's own writes at
 * once (write watch), any other writer by NOTIFY from the trigger (here raw SQL sent past the query builder,
 * as another server process would), and nothing at all when the trigger is off (which shows the cache is
 * really used). The pure rules (age, expiry, day, races, capacity) are tested on the class itself.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashToken } from '../../platform/http/authn.ts';
import { createTestApp, type Client, type TestApp } from '../../test/test-app.ts';
import type { ListenFn } from '../../platform/db/database.ts';
import { createSessionResolver } from './auth.service.ts';
import { SessionCache, type SessionEntry } from './session-cache.ts';

describe('SessionCache', () => {
  let clock = 1_000_000;
  const cache = () => new SessionCache({ ttlMs: 30_000, maxEntries: 3, now: () => clock });
  const entry = (userId: string, overrides: Partial<SessionEntry> = {}): SessionEntry => ({
    resolved: { actor: { userId } as SessionEntry['resolved']['actor'], csrfToken: 'x' },
    userId,
    sessionId: `s-${userId}`,
    expiresAt: clock + 3_600_000,
    day: '2026-11-27',
    lastSeenAt: clock,
    ...overrides,
  });

  it('serves nothing until it is enabled, and starts empty when enabled again', () => {
    const c = cache();
    c.store('a', entry('u1'), c.mark());
    expect(c.get('a', '2026-11-27')).toBeUndefined();
    c.setEnabled(true);
    c.store('a', entry('u1'), c.mark());
    expect(c.get('a', '2026-11-27')?.userId).toBe('u1');
    c.setEnabled(false);
    expect(c.get('a', '2026-11-27')).toBeUndefined();
    c.setEnabled(true);
    expect(c.size).toBe(0);
  });

  it('drops an entry after its age limit, at its session expiry and on another day', () => {
    const c = cache();
    c.setEnabled(true);
    c.store('a', entry('u1'), c.mark());
    clock += 29_999;
    expect(c.get('a', '2026-11-27')).toBeDefined();
    clock += 1;
    expect(c.get('a', '2026-11-27')).toBeUndefined();
    c.store('b', entry('u2', { expiresAt: clock + 10 }), c.mark());
    clock += 10;
    expect(c.get('b', '2026-11-27')).toBeUndefined();
    c.store('c', entry('u3'), c.mark());
    expect(c.get('c', '2026-11-28')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('forgets one user without the others, and keeps nothing read before a change', () => {
    const c = cache();
    c.setEnabled(true);
    c.store('a1', entry('u1'), c.mark());
    c.store('a2', entry('u1'), c.mark());
    c.store('b', entry('u2'), c.mark());
    const before = c.mark(); // a lookup of u3 starts …
    c.forgetUser('u1'); // … something changes meanwhile …
    c.store('c', entry('u3'), before); // … so what it read is not kept
    expect(c.get('a1', '2026-11-27')).toBeUndefined();
    expect(c.get('a2', '2026-11-27')).toBeUndefined();
    expect(c.get('b', '2026-11-27')?.userId).toBe('u2');
    expect(c.get('c', '2026-11-27')).toBeUndefined();
  });

  it('keeps nothing while a write of this process may be uncommitted, and gives back the object it was given', () => {
    const c = cache();
    c.setEnabled(true);
    c.store('a', entry('u1'), c.mark());
    c.hold();
    expect(c.get('a', '2026-11-27')).toBeUndefined();
    c.store('b', entry('u2'), c.mark());
    expect(c.get('b', '2026-11-27')).toBeUndefined();
    c.release();
    const e = entry('u2');
    c.store('b', e, c.mark());
    expect(c.get('b', '2026-11-27')).toBe(e);
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const c = cache();
    c.setEnabled(true);
    for (const k of ['a', 'b', 'c', 'd']) c.store(k, entry(`u-${k}`), c.mark());
    expect(c.size).toBe(3);
    expect(c.get('a', '2026-11-27')).toBeUndefined();
    expect(c.get('d', '2026-11-27')).toBeDefined();
  });
});

describe('session cache in the server', () => {
  let t: TestApp;
  let specialist: Client;
  beforeAll(async () => {
    t = await createTestApp();
    specialist = await t.login('hn.chuyenvien');
  });
  afterAll(() => t.close());

  const me = (c: Client) => c.get('/api/auth/me');
  const tokenHash = (c: Client) => hashToken(c.cookie.replace(/^edugov_session=/, ''));
  /** A write sent as raw SQL on the pool: the write watch does not see it, as with another server process. */
  const otherProcess = (text: string, values: unknown[]) => t.database.handle.executeSql(text, values);
  const trigger = (on: boolean) =>
    otherProcess(`ALTER TABLE sessions ${on ? 'ENABLE' : 'DISABLE'} TRIGGER sessions_auth_changed`, []);

  it('is used: a revocation nobody announces is not seen until the entry ages out', async () => {
    const c = await t.login('hn.chuyenvien');
    expect((await me(c)).statusCode).toBe(200);
    await trigger(false);
    try {
      await otherProcess('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1', [tokenHash(c)]);
      expect((await me(c)).statusCode).toBe(200); // served from memory
    } finally {
      await trigger(true);
    }
    // Any later change of the user's sessions announces itself and ends the stale copy.
    await otherProcess('UPDATE sessions SET expires_at = expires_at WHERE token_hash = $1', [tokenHash(c)]);
    await vi.waitFor(async () => expect((await me(c)).statusCode).toBe(401), { timeout: 5_000, interval: 20 });
  });

  it("sees another process's revocation as soon as its NOTIFY arrives", async () => {
    const c = await t.login('hn.chuyenvien');
    expect((await me(c)).statusCode).toBe(200);
    await otherProcess('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1', [tokenHash(c)]);
    await vi.waitFor(async () => expect((await me(c)).statusCode).toBe(401), { timeout: 5_000, interval: 20 });
  });

  it("sees this process's own changes at once, with or without the trigger", async () => {
    const c = await t.login('hn.chuyenvien');
    expect((await me(c)).json().roles).toContain('specialist');
    await t.db
      .updateTable('memberships')
      .set({ roles: ['specialist', 'archivist'] })
      .where('user_id', '=', specialist.me.user.id)
      .execute();
    expect((await me(c)).json().roles).toContain('archivist');
    await trigger(false);
    try {
      await t.db
        .updateTable('sessions')
        .set({ revoked_at: new Date() })
        .where('token_hash', '=', tokenHash(c))
        .execute();
      expect((await me(c)).statusCode).toBe(401);
    } finally {
      await trigger(true);
      await t.db
        .updateTable('memberships')
        .set({ roles: ['specialist'] })
        .where('user_id', '=', specialist.me.user.id)
        .execute();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'keeps nothing read while its own revoking transaction is open, so the commit takes effect at once (PostgreSQL)',
    async () => {
      // PGlite has one connection: no request can run beside an open transaction there.
      const c = await t.login('hn.chuyenvien');
      expect((await me(c)).statusCode).toBe(200);
      await trigger(false); // no NOTIFY: only the write watch and the end of the transaction count
      try {
        await t.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('sessions')
            .set({ revoked_at: new Date() })
            .where('token_hash', '=', tokenHash(c))
            .execute();
          expect((await me(c)).statusCode).toBe(200); // not committed yet: still valid, and not kept
        });
        expect((await me(c)).statusCode).toBe(401);
      } finally {
        await trigger(true);
      }
    },
  );

  it('stops trusting a channel that does not echo its own pings', async () => {
    const c = await t.login('hn.chuyenvien');
    // A listener that never hears anything (a connection dropped in silence).
    const silent: ListenFn = async () => async () => undefined;
    const sessions = await createSessionResolver({ db: t.db, listen: silent }, { ttlMs: 3_000 });
    try {
      expect(await sessions.resolve(tokenHash(c))).toBeDefined();
      await otherProcess('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1', [tokenHash(c)]);
      expect(await sessions.resolve(tokenHash(c))).toBeDefined(); // cached: nothing was heard
      await new Promise((r) => setTimeout(r, 3_200)); // three ping periods without an echo
      expect(await sessions.resolve(tokenHash(c))).toBeUndefined(); // read from the database again
    } finally {
      await sessions.close();
    }
  });

  it('logout takes effect on the next request', async () => {
    const c = await t.login('hn.chuyenvien');
    expect((await me(c)).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await me(c)).statusCode).toBe(401);
  });
});
