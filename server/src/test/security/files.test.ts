/**
 * [SECURITY] Hostile uploads (ASVS V12): an oversize file, a program renamed .pdf, an empty file and a
 * polyglot are refused with a clean 4xx and leave nothing behind (no row, no blob, no temporary file, no
 * audit row); path-traversal, NUL and 10 000-character names are neutralised (the bytes are a real PDF, so
 * they are kept under their content hash, named without folders) and nothing is written outside the store;
 * a 48 MiB upload streamed over a real socket is refused without the server's memory growing with it.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdf, EXE } from '../../modules/files/files.fixtures.ts';
import { createTestApp, multipartBody, type Client, type TestApp } from '../test-app.ts';
import { report } from './security-kit.ts';

const LIMIT = 256 * 1024;
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
let t: TestApp;
let clerk: Client;
let dataDir: string;
let pdf: Buffer;

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function footprint(db = t.db) {
  const rows = await db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const audits = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', 'like', 'files.%')
    .executeTakeFirstOrThrow();
  return {
    rows: Number(rows.n),
    audits: Number(audits.n),
    everything: listFiles(dataDir).filter((f) => !f.startsWith('db')),
  };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-hostile-files-'));
  t = await createTestApp({ config: { dataDir, uploadMaxBytes: LIMIT } });
  clerk = await t.login('hn.vanthu');
  pdf = await buildPdf('Tep that');
}, 240_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('hostile uploads are refused and leave nothing behind', () => {
  const cases: [string, () => { name: string; bytes: Uint8Array; contentType?: string }, number, string][] = [
    [
      'a file over the limit',
      () => ({ name: 'lon.pdf', bytes: Buffer.concat([pdf, Buffer.alloc(LIMIT)]) }),
      413,
      'files.too_large',
    ],
    [
      'a program renamed .pdf',
      () => ({ name: 'cong-van.pdf', bytes: EXE, contentType: 'application/pdf' }),
      415,
      'files.unsupported_type',
    ],
    [
      'an empty file',
      () => ({ name: 'trong.pdf', bytes: new Uint8Array(0), contentType: 'application/pdf' }),
      400,
      'files.empty',
    ],
    [
      'HTML disguised as a PDF',
      () => ({
        name: 'x.pdf',
        bytes: Buffer.from('<html><script>alert(1)</script></html>'),
        contentType: 'application/pdf',
      }),
      415,
      'files.unsupported_type',
    ],
    [
      'an SVG with a script',
      () => ({
        name: 'logo.svg',
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        contentType: 'image/svg+xml',
      }),
      415,
      'files.unsupported_type',
    ],
  ];
  it.each(cases)('%s', async (_label, file, status, code) => {
    const before = await footprint();
    const res = await clerk.upload('/api/v1/files', file());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await footprint()).toEqual(before);
  });
});

describe('hostile names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.pdf', 'cmd.pdf'],
    ['/etc/cron.d/evil.pdf', 'evil.pdf'],
    ['ten\u0000an.pdf', 'tenan.pdf'],
    ['..', 'tệp.pdf'],
  ])('%j is stored without folders or control characters, inside the store', async (name, expected) => {
    const outside = () => fs.readdirSync(path.dirname(dataDir)).filter((f) => /passwd|evil|cmd/.test(f));
    const before = outside();
    const res = await clerk.upload('/api/v1/files', { name, bytes: pdf, contentType: 'application/pdf' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe(expected);
    for (const f of listFiles(path.join(dataDir, 'files'))) expect(f).toMatch(/^[0-9a-f/]+$/);
    // nothing appeared next to the data folder, and inside it only content-addressed blobs
    expect(outside()).toEqual(before);
    expect(listFiles(dataDir).filter((f) => /passwd|evil|cmd/.test(f))).toEqual([]);
    const download = await clerk.get(`/api/v1/files/${res.json().id}/content`);
    expect(String(download.headers['content-disposition'])).not.toMatch(/\.\.|\/|\\/);
    expect(String(download.headers['content-disposition'])).not.toContain(String.fromCharCode(0));
  });

  it('cuts a 10 000-character name to 255 characters', async () => {
    const res = await clerk.upload('/api/v1/files', { name: `${'Đ'.repeat(10_000)}.pdf`, bytes: pdf });
    expect(res.statusCode).toBe(201);
    expect(Array.from(res.json().name as string).length).toBe(255);
    expect(res.json().name).toMatch(/\.pdf$/);
  });
});

describe('memory stays bounded', () => {
  it('refuses a 48 MiB upload streamed over a socket without holding it in memory', async () => {
    const big = await createTestApp({ config: { dataDir, uploadMaxBytes: 64 * 1024 * 1024 } });
    try {
      const c = await big.login('hn.vanthu');
      const address = await big.app.listen({ port: 0, host: '127.0.0.1' });
      const { contentType, payload } = multipartBody({ name: 'chuong-trinh.pdf', bytes: new Uint8Array(0) });
      const boundaryAt = payload.indexOf('\r\n--', payload.length - 60);
      const head = Buffer.concat([payload.subarray(0, boundaryAt), EXE]);
      const tail = payload.subarray(boundaryAt);
      const size = 48 * 1024 * 1024;
      const chunk = Buffer.alloc(256 * 1024, 0x41);
      const before = await footprint(big.db);
      // Live memory (after a full collection) is what must stay bounded; garbage awaiting collection is not.
      gc();
      const base = process.memoryUsage();
      let peak = 0;
      const sampler = setInterval(() => {
        gc();
        const m = process.memoryUsage();
        peak = Math.max(peak, m.heapUsed + m.arrayBuffers - (base.heapUsed + base.arrayBuffers));
      }, 1000);
      const body = Readable.from(
        (function* () {
          yield head;
          for (let sent = 0; sent < size; sent += chunk.length) yield chunk;
          yield tail;
        })(),
      );
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(`${address}/api/v1/files`, {
          method: 'POST',
          headers: { 'content-type': contentType, cookie: c.cookie, 'x-csrf-token': c.csrfToken },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        body.pipe(req);
      });
      clearInterval(sampler);
      expect(status).toBe(415);
      report(
        `files: 48 MiB hostile upload refused with ${status}, peak memory growth ${(peak / 2 ** 20).toFixed(1)} MiB`,
      );
      expect(peak).toBeLessThan(16 * 1024 * 1024);
      expect(await footprint(big.db)).toEqual(before);
    } finally {
      await big.close();
    }
  }, 600_000);
});
