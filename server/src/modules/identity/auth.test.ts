import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, TEST_PASSWORD, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { loginMaxFailures: 5, loginLockMinutes: 15 } });
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('login, session cookie and /api/auth/me', () => {
  it('logs in with argon2id-hashed passwords and sets a hardened session cookie', async () => {
    const res = await login('bgd.vanthu', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'edugov_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    const me = res.json();
    expect(me.user.username).toBe('bgd.vanthu');
    expect(me.roles).toEqual(['clerk']);
    expect(me.memberships[0].organizationName).toBe('Bộ Giáo dục và Đào tạo');
    const hash = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'bgd.vanthu')
      .executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `edugov_session=${cookie.value}` },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().user.username).toBe('bgd.vanthu');
  });

  it('issues a new session id at every login', async () => {
    const a = (await login('bgd.luutru', TEST_PASSWORD)).cookies.find((c) => c.name === 'edugov_session')!.value;
    const b = (await login('bgd.luutru', TEST_PASSWORD)).cookies.find((c) => c.name === 'edugov_session')!.value;
    expect(a).not.toBe(b);
    const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(a); // only hashes are stored
  });

  it('sets Secure on the cookie when configured for HTTPS', async () => {
    const secure = await createTestApp({ config: { cookieSecure: true } });
    try {
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: TEST_PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'edugov_session')!.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('answers 401 without a session, with the message in the request language', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(vi.statusCode).toBe(401);
    expect(vi.json().error).toMatchObject({ code: 'auth.unauthenticated', message: 'Bạn cần đăng nhập' });
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.json().error.message).toBe('You need to log in');
  });

  it('gives the same answer for a wrong password and an unknown user (no enumeration)', async () => {
    const wrong = await login('bgd.lanhdao', 'Sai-mat-khau-123');
    const unknown = await login('khong.ton.tai', 'Sai-mat-khau-123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks a username after 5 failures, even for the right password, and audits the lock', async () => {
    for (let i = 0; i < 5; i++) expect((await login('hn.lanhdao', `Sai-mat-khau-${i}00`)).statusCode).toBe(401);
    const locked = await login('hn.lanhdao', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('auth.locked');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'identity.login_locked')
      .execute();
    expect(audit).toHaveLength(1);
    // an unknown username locks the same way: nothing tells the two apart
    for (let i = 0; i < 5; i++) await login('ai.do', `Sai-mat-khau-${i}00`);
    expect((await login('ai.do', TEST_PASSWORD)).json().error.code).toBe('auth.locked');
  });

  it('throttles one client address that sprays many usernames, without locking out other addresses', async () => {
    const strict = await createTestApp({ config: { loginMaxFailures: 2, loginLockMinutes: 15 } });
    try {
      const from = (remoteAddress: string, username: string, password: string) =>
        strict.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
      for (let i = 0; i < 20; i++)
        expect((await from('10.9.9.9', `nguoi.${i}`, 'Sai-mat-khau-1')).statusCode).toBe(401);
      expect((await from('10.9.9.9', 'admin', TEST_PASSWORD)).json().error.code).toBe('auth.locked');
      expect((await from('10.1.1.1', 'admin', TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('logout revokes the session', async () => {
    const c = await t.login('bgd.truongvu');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const after = await c.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
  });

  it('a password change revokes the other sessions, enforces the policy and keeps the current one', async () => {
    const laptop = await t.login('bgd.chuyenvien');
    const phone = await t.login('bgd.chuyenvien');
    const weak = await laptop.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'ngan' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('auth.weak_password');
    const wrong = await laptop.post('/api/auth/password', {
      currentPassword: 'Khong-dung-123',
      newPassword: 'Mat-khau-moi-2026',
    });
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    const ok = await laptop.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Mat-khau-moi-2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('bgd.chuyenvien', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('bgd.chuyenvien', 'Mat-khau-moi-2026')).statusCode).toBe(200);
  });
});

describe('CSRF protection', () => {
  it('rejects a state-changing request without the token, and changes nothing', async () => {
    const c = await t.login('admin');
    const before = await countRows(t.db, 'organizations');
    const body = { name: 'Phòng thử', abbreviation: 'PT', kind: 'division', validFrom: '2026-01-01' };
    const url = `/api/v1/organizations/${c.me.organizationId}/units`;
    const noToken = await c.post(url, body, { 'x-csrf-token': '' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('auth.csrf');
    const wrongToken = await c.post(url, body, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrongToken.statusCode).toBe(403);
    expect(await countRows(t.db, 'units')).toBeGreaterThan(0);
    const unitsBefore = await countRows(t.db, 'units');
    const ok = await c.post(url, body);
    expect(ok.statusCode).toBe(201);
    expect(await countRows(t.db, 'units')).toBe(unitsBefore + 1);
    expect(await countRows(t.db, 'organizations')).toBe(before);
  });

  it('refuses a cross-site form post to login (only JSON is accepted)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `username=admin&password=${TEST_PASSWORD}`,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('request.unsupported_media_type');
  });
});

describe('organisation switcher', () => {
  it('switches the acting organisation between memberships and refuses someone else’s membership', async () => {
    const c = await t.login('admin');
    expect(c.me.memberships.length).toBe(2);
    const other = c.me.memberships.find((m) => m.organizationId !== c.me.organizationId)!;
    const res = await c.post('/api/auth/active-membership', { membershipId: other.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().organizationId).toBe(other.organizationId);
    expect(res.json().roles).toEqual(['org_admin']);
    const stranger = await t.login('hn.vanthu');
    const steal = await stranger.post('/api/auth/active-membership', { membershipId: other.id });
    expect(steal.statusCode).toBe(404);
  });
});
