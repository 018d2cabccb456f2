/**
 * [SECURITY] Authentication and sessions (ASVS V2, V3), extending identity/auth.test.ts (which covers argon2id,
 * lockout, throttling, no enumeration, logout and own password change): CSRF on every state-changing route
 * of the OpenAPI document, a token of another session refused, no session fixation, expired and revoked
 * sessions refused, an administrator's password reset and a disabled account ending every session, the
 * cookie's flags behind an HTTPS proxy, and the same answer for unknown and locked usernames.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../factories.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-app.ts';
import {
  apiRoutes,
  changedTables,
  exampleOf,
  exampleParams,
  exampleQuery,
  fillPath,
  isStateChanging,
  tableChecksums,
  report,
} from './security-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { loginMaxFailures: 3, loginLockMinutes: 15 } });
}, 240_000);
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
const sessionOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'edugov_session')?.value;
const me = (token: string) =>
  t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `edugov_session=${token}` } });

describe('CSRF on every state-changing route', () => {
  it('refuses each one without the token, with a wrong token and with the token of another session', async () => {
    const admin = await t.login('admin');
    const other = await t.login('admin'); // the same person's other session: its token must not work here
    const routes = apiRoutes(t.app).filter(isStateChanging);
    const exempt = routes.filter((r) => r.path === '/api/auth/login'); // no session yet: JSON only (auth.test.ts)
    const checked = routes.filter((r) => !exempt.includes(r));
    expect(checked.length).toBeGreaterThan(40);
    const before = await tableChecksums(t.db);
    const wrong: string[] = [];
    let attempts = 0;
    for (const route of checked) {
      const params = exampleParams(route);
      const url = fillPath(route.path, params) + exampleQuery(route);
      const payload = route.jsonBody ? JSON.stringify(exampleOf(route.jsonBody)) : undefined;
      for (const token of [undefined, 'x'.repeat(43), other.csrfToken]) {
        attempts++;
        const res = await t.app.inject({
          method: route.method,
          url,
          headers: {
            cookie: admin.cookie,
            ...(token !== undefined ? { 'x-csrf-token': token } : {}),
            ...(payload !== undefined
              ? { 'content-type': 'application/json' }
              : route.multipart
                ? { 'content-type': 'multipart/form-data; boundary=x' }
                : {}),
          },
          payload: payload ?? (route.multipart ? '--x--\r\n' : undefined),
        });
        if (res.statusCode !== 403 || res.json().error.code !== 'auth.csrf') {
          wrong.push(
            `${route.method} ${route.path} token=${token?.slice(0, 6)} → ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    report(`csrf: ${checked.length} state-changing routes, ${attempts} forged requests, ${wrong.length} accepted`);
    expect(wrong).toEqual([]);
    expect(changedTables(before, await tableChecksums(t.db))).toEqual([]);
    // and the real token still works
    expect((await admin.post('/api/v1/notifications/read-all')).statusCode).toBeLessThan(300);
  }, 240_000);
});

describe('sessions', () => {
  it('never adopts a session id chosen by an attacker (no fixation)', async () => {
    const planted = 'A'.repeat(43);
    const res = await login('hn.luutru', TEST_PASSWORD, { cookie: `edugov_session=${planted}` });
    expect(res.statusCode).toBe(200);
    const issued = sessionOf(res)!;
    expect(issued).not.toBe(planted);
    expect(issued.length).toBeGreaterThanOrEqual(32);
    expect((await me(planted)).statusCode).toBe(401);
    expect((await me(issued)).statusCode).toBe(200);
  });

  it('refuses an expired session and a revoked one', async () => {
    const token = sessionOf(await login('hn.truongphong', TEST_PASSWORD))!;
    expect((await me(token)).statusCode).toBe(200);
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'hn.truongphong')
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const expired = await me(token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('auth.unauthenticated');

    const second = sessionOf(await login('hn.truongphong', TEST_PASSWORD))!;
    await t.db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect((await me(second)).statusCode).toBe(401);
  });

  it('logout clears the cookie, and the old cookie and CSRF token change nothing afterwards', async () => {
    const c = await t.login('hn.luutru');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken },
    });
    expect(out.statusCode).toBe(200);
    const cleared = out.cookies.find((k) => k.name === 'edugov_session')!;
    expect(cleared.value).toBe('');
    expect(cleared.httpOnly).toBe(true);
    const before = await tableChecksums(t.db);
    const replay = await c.post('/api/v1/notifications/read-all');
    expect(replay.statusCode).toBe(401);
    expect(changedTables(before, await tableChecksums(t.db))).toEqual([]);
  });

  it('an administrator’s password reset and disabling an account end every session of that person', async () => {
    const userId = await createPerson(t.db, {
      username: 'hn.dat.lai',
      fullName: 'Người được đặt lại mật khẩu',
      org: 'so-ha-noi',
      unit: 'so-ha-noi-gdpt',
      roles: ['specialist'],
    });
    const hnAdmin = await t.login('hn.quantri');
    const a = await t.login('hn.dat.lai');
    const b = await t.login('hn.dat.lai');
    const reset = await hnAdmin.post(`/api/v1/users/${userId}/password`, { newPassword: 'Mat-khau-dat-lai-2026' });
    expect(reset.statusCode, reset.body).toBeLessThan(300);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('hn.dat.lai', TEST_PASSWORD)).statusCode).toBe(401);

    const c = await t.login('hn.dat.lai', 'Mat-khau-dat-lai-2026');
    const detail = await hnAdmin.get(`/api/v1/users/${userId}`);
    const disable = await hnAdmin.patch(`/api/v1/users/${userId}`, {
      version: detail.json().version,
      status: 'disabled',
    });
    expect(disable.statusCode, disable.body).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const again = await login('hn.dat.lai', 'Mat-khau-dat-lai-2026');
    expect(again.statusCode).toBe(401);
    // a disabled account gets the same answer as a wrong password: nothing tells them apart
    expect(again.json()).toEqual((await login('khong.co.ai', 'Mat-khau-dat-lai-2026')).json());
  });

  it('gives a locked username and an unknown one the same answer', async () => {
    const started = Date.now();
    for (let i = 0; i < 3; i++) await login('hn.vanthu', `Sai-mat-khau-${i}00`);
    for (let i = 0; i < 3; i++) await login('khong.ton.tai.2', `Sai-mat-khau-${i}00`);
    const locked = await login('hn.vanthu', 'Sai-mat-khau-999');
    const unknown = await login('khong.ton.tai.2', 'Sai-mat-khau-999');
    const apart = Math.ceil((Date.now() - started) / 1000);
    expect(locked.statusCode).toBe(unknown.statusCode);
    const { details: a, ...lockedRest } = locked.json().error;
    const { details: b, ...unknownRest } = unknown.json().error;
    expect(lockedRest).toEqual(unknownRest);
    // the seconds to wait differ only by the time between the two locks
    expect(Math.abs(a.retryAfterSeconds - b.retryAfterSeconds)).toBeLessThanOrEqual(apart + 1);
  });
});

describe('the session cookie behind an HTTPS reverse proxy', () => {
  it('is Secure, HttpOnly, SameSite=Lax and Path=/ when the request came over HTTPS', async () => {
    const proxied = await createTestApp({ config: { trustProxy: true, cookieSecure: false } });
    try {
      const https = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
        remoteAddress: '10.0.0.2',
      });
      const cookie = https.cookies.find((c) => c.name === 'edugov_session')!;
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.maxAge).toBeGreaterThan(0);
      const plain = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: TEST_PASSWORD },
      });
      // plain HTTP in development: not Secure, or the browser would drop it
      expect(plain.cookies.find((c) => c.name === 'edugov_session')!.secure).toBeFalsy();
    } finally {
      await proxied.close();
    }
  }, 240_000);
});
