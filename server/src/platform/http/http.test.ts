import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type Client, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ config: { bodyLimitBytes: 64 * 1024 } });
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('health, OpenAPI and docs', () => {
  it('GET /api/health names the database engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('serves the OpenAPI document generated from the route schemas, and a browsable UI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/v1/organizations', '/api/v1/users/{id}']),
    );
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

describe('bad input gets a 4xx with a code, never a 500, and changes nothing', () => {
  const url = () => `/api/v1/organizations/${admin.me.organizationId}/units`;
  const valid = { name: 'Phòng thử', abbreviation: 'PT', kind: 'division', validFrom: '2026-01-01' };
  const raw = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: url(),
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/json',
        ...headers,
      },
      payload,
    });

  it.each([
    ['malformed JSON', '{"name": "Phòng', 400, 'request.malformed_json'],
    ['an unknown field', JSON.stringify({ ...valid, isAdmin: true }), 400, 'request.invalid'],
    ['a wrong type', JSON.stringify({ ...valid, name: 42 }), 400, 'request.invalid'],
    ['a missing field', JSON.stringify({ name: 'x' }), 400, 'request.invalid'],
    ['an impossible date', JSON.stringify({ ...valid, validFrom: '2026-02-30' }), 400, 'request.invalid'],
    ['an empty body', '', 400, 'request.malformed_json'],
    ['an oversize body', JSON.stringify({ ...valid, name: 'x'.repeat(70 * 1024) }), 413, 'request.too_large'],
  ])('%s', async (_label, payload, status, code) => {
    const before = await countRows(t.db, 'units');
    const auditBefore = await countRows(t.db, 'audit_log');
    const res = await raw(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toEqual(expect.any(String));
    expect(await countRows(t.db, 'units')).toBe(before);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore);
  });

  it('a bad path parameter and a bad query are 400, an unknown route a JSON 404', async () => {
    expect((await admin.get('/api/v1/organizations/not-a-uuid')).json().error.code).toBe('request.invalid');
    expect((await admin.get('/api/v1/organizations?at=yesterday')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/organizations?limit=999999')).statusCode).toBe(400);
    const missing = await admin.get('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('request.not_found');
    const unknownId = await admin.get('/api/v1/organizations/00000000-0000-4000-8000-000000000000');
    expect(unknownId.statusCode).toBe(404);
    expect(unknownId.json().error.code).toBe('record.not_found');
  });

  it('normalises Vietnamese input to NFC', async () => {
    const decomposed = 'Phòng Khảo thí'.normalize('NFD');
    const res = await admin.post(url(), { ...valid, name: decomposed, abbreviation: 'KT' });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Phòng Khảo thí'.normalize('NFC'));
    expect(res.json().name).not.toBe(decomposed);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });
});

describe('the web app', () => {
  it('serves index.html for app routes, hashed assets as immutable, and JSON 404s under /api', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>EduGov</title>');
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    const web = await createTestApp({ serveWeb: true, config: { webDist: dist } });
    try {
      const home = await web.app.inject({ method: 'GET', url: '/' });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('<title>EduGov</title>');
      const page = await web.app.inject({ method: 'GET', url: '/admin/organizations?at=2025-06-30' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<title>EduGov</title>');
      const asset = await web.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      // a file added after start (a rebuilt web app) is served without a restart; a missing asset is a 404
      fs.writeFileSync(path.join(dist, 'assets', 'app-def456.js'), 'console.log(2)');
      expect((await web.app.inject({ method: 'GET', url: '/assets/app-def456.js' })).body).toBe('console.log(2)');
      expect((await web.app.inject({ method: 'GET', url: '/assets/app-gone.js' })).statusCode).toBe(404);
      const api = await web.app.inject({ method: 'GET', url: '/api/v1/unknown' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('request.not_found');
    } finally {
      await web.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
