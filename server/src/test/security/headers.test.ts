/**
 * [SECURITY] Headers and errors (ASVS V7, V14.4): CSP with frame-ancestors, X-Frame-Options, nosniff and
 * Referrer-Policy on the API, the static web app and downloads; HSTS only when the request came over HTTPS
 * (X-Forwarded-Proto is believed only with TRUST_PROXY); an unexpected failure (here: a table gone from
 * under the app) answers 500 with the request id and no stack, SQL or table names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadPdf } from '../../modules/documents/incoming/incoming.fixtures.ts';
import { createTestApp, type Client, type TestApp } from '../test-app.ts';

let t: TestApp;
let clerk: Client;
let dist: string;
let dataDir: string;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-web-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-headers-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>EduGov</title>');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  t = await createTestApp({ serveWeb: true, config: { webDist: dist, dataDir, trustProxy: true } });
  clerk = await t.login('hn.vanthu');
}, 240_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function expectHardened(res: { headers: Record<string, unknown> }, label: string) {
  const h = res.headers;
  expect(h['x-content-type-options'], label).toBe('nosniff');
  expect(h['x-frame-options'], label).toBe('DENY');
  expect(h['referrer-policy'], label).toBe('same-origin');
  const csp = String(h['content-security-policy']);
  // the app's pages get default-src 'self'; downloads a stricter sandbox with default-src 'none'
  expect(csp, label).toMatch(/default-src '(self|none)'/);
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).not.toContain('unsafe-eval');
  expect(csp, label).not.toMatch(/script-src[^;]*unsafe-inline/);
}

describe('security headers', () => {
  it('are sent on the API, the web app, its assets and downloads, with HSTS only over HTTPS', async () => {
    const fileId = await uploadPdf(clerk, 'Tải xuống.pdf');
    const targets = [
      { label: 'api', url: '/api/health', cookie: undefined },
      { label: 'spa page', url: '/e-office/incoming', cookie: undefined },
      { label: 'asset', url: '/assets/app-abc123.js', cookie: undefined },
      { label: 'download', url: `/api/v1/files/${fileId}/content`, cookie: clerk.cookie },
      { label: 'inline preview', url: `/api/v1/files/${fileId}/content?inline=true`, cookie: clerk.cookie },
      { label: 'api 404', url: '/api/v1/khong-co', cookie: undefined },
    ];
    for (const target of targets) {
      const headers = target.cookie ? { cookie: target.cookie } : {};
      const plain = await t.app.inject({ method: 'GET', url: target.url, headers });
      expect(plain.statusCode, `${target.label}: ${plain.body.slice(0, 100)}`).toBeLessThan(500);
      expectHardened(plain, target.label);
      expect(plain.headers['strict-transport-security'], target.label).toBeUndefined();
      const https = await t.app.inject({
        method: 'GET',
        url: target.url,
        headers: { ...headers, 'x-forwarded-proto': 'https' },
        remoteAddress: '10.0.0.2',
      });
      expectHardened(https, `${target.label} over https`);
      expect(String(https.headers['strict-transport-security']), target.label).toMatch(/max-age=\d{7,}/);
    }
    // the API docs UI needs inline scripts (no CSP there) but may not be framed either
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.headers['x-frame-options']).toBe('DENY');
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/files/${fileId}/content`,
      headers: { cookie: clerk.cookie },
    });
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(String(download.headers['content-security-policy'])).toContain('sandbox');
    expect(download.headers['cache-control']).toContain('no-store');
  }, 300_000);

  it('does not believe X-Forwarded-Proto without TRUST_PROXY', async () => {
    const direct = await createTestApp({ config: { trustProxy: false } });
    try {
      const res = await direct.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expectHardened(res, 'direct');
    } finally {
      await direct.close();
    }
  }, 240_000);
});

describe('unexpected failures', () => {
  it('answer 500 with the request id and no stack, SQL or table names', async () => {
    await sql`alter table notifications rename to notifications_moved_away`.execute(t.db);
    try {
      const res = await clerk.get('/api/v1/notifications', { 'x-request-id': 'req-kiem-thu-0001' });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.error.code).toBe('server.internal');
      expect(body.error.message).toBe('Lỗi hệ thống');
      expect(body.error.details.requestId).toBe('req-kiem-thu-0001');
      expect(res.headers['x-request-id']).toBe('req-kiem-thu-0001');
      for (const needle of ['notifications', 'relation', 'select', 'from ', ' at ', '.ts', 'node_modules', 'stack']) {
        expect(res.body.toLowerCase(), needle).not.toContain(needle.toLowerCase());
      }
      expect(res.body).not.toMatch(/[A-Z][a-z]+Error\b/); // no exception class names
      expectHardened(res, '500');
    } finally {
      await sql`alter table notifications_moved_away rename to notifications`.execute(t.db);
    }
    expect((await clerk.get('/api/v1/notifications')).statusCode).toBe(200);
  });
});
