import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestApp } from '../../test/test-app.ts';
import { buildPdf } from './files.fixtures.ts';
import { BlobNotFoundError, createBlobStore, LocalBlobStore, S3BlobStore, type BlobStore } from './files.store.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = Buffer.from('Quyết định số 42/QĐ-SGDĐT — bản chính\n'.repeat(100));
const digest = sha256(bytes);

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The same round trip for every store: put (bytes, then a stream), has, get, delete. */
async function roundTrip(store: BlobStore) {
  expect(await store.has(digest)).toBe(false);
  await expect(store.get(digest)).rejects.toBeInstanceOf(BlobNotFoundError);
  await store.put(digest, bytes);
  expect(await store.has(digest)).toBe(true);
  expect((await buffer(await store.get(digest))).equals(bytes)).toBe(true);
  // Putting the same blob again (a concurrent equal upload) is harmless.
  await store.put(digest, Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]), bytes.length);
  expect((await buffer(await store.get(digest))).equals(bytes)).toBe(true);
  await store.delete(digest);
  expect(await store.has(digest)).toBe(false);
  await store.delete(digest); // deleting a missing blob is not an error
}

describe('the local folder store', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-blobs-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores content-addressed blobs at ab/cd/<sha256> and leaves no temporary file', async () => {
    const store = new LocalBlobStore(root);
    await roundTrip(store);
    await store.put(digest, bytes);
    expect(listFiles(root)).toEqual([path.join(digest.slice(0, 2), digest.slice(2, 4), digest)]);
  });

  it('refuses bytes that do not hash to the key, keeping nothing', async () => {
    const store = new LocalBlobStore(path.join(root, 'other'));
    await expect(store.put(digest, Buffer.from('something else'))).rejects.toThrow(/do not hash/);
    expect(listFiles(path.join(root, 'other'))).toEqual([]);
    expect(await store.has(digest)).toBe(false);
  });

  it('is DATA_DIR/files by default, or the folder of a file:/// URL', () => {
    const base = loadConfig({ NODE_ENV: 'test', DATA_DIR: root });
    expect((createBlobStore(base) as LocalBlobStore).root).toBe(path.join(root, 'files'));
    const elsewhere = loadConfig({ NODE_ENV: 'test', DATA_DIR: root, FILES_URL: 'file:///srv/edugov/t%E1%BB%87p' });
    expect((createBlobStore(elsewhere) as LocalBlobStore).root).toBe('/srv/edugov/tệp');
  });

  it('will not start an S3 store without credentials', () => {
    const config = loadConfig({ NODE_ENV: 'test', FILES_URL: 's3://edugov/files' });
    expect(() => createBlobStore(config)).toThrow(/S3_ACCESS_KEY_ID/);
  });
});

describe('the S3 store, against s3rver (an S3-compatible server)', () => {
  let server: S3rver;
  let directory: string;
  let endpoint: string;
  const env = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'test',
    FILES_URL: 's3://edugov/so-gd/tep',
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER', // s3rver's built-in account
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    ...extra,
  });
  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-s3rver-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: 'edugov' }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('puts, reads, finds and deletes blobs under the prefix', async () => {
    const store = createBlobStore(loadConfig(env()));
    expect(store).toBeInstanceOf(S3BlobStore);
    expect(store.location).toBe('s3://edugov/so-gd/tep/');
    await roundTrip(store);
    await store.put(digest, bytes);
    // s3rver keeps each object as a file named after its key.
    const key = `so-gd/tep/${digest.slice(0, 2)}/${digest.slice(2, 4)}/${digest}`;
    expect(listFiles(path.join(directory, 'edugov')).some((f) => f.startsWith(path.join(...key.split('/'))))).toBe(
      true,
    );
  });

  it('answers files.storage_unavailable when the store refuses the credentials or cannot be reached', async () => {
    const wrongKey = createBlobStore(loadConfig(env({ S3_ACCESS_KEY_ID: 'NOT-A-KEY' })));
    const refused = await wrongKey.put(digest, bytes).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('files.storage_unavailable');
    const down = createBlobStore(loadConfig(env({ S3_ENDPOINT: 'http://127.0.0.1:1' })));
    const unreachable = await down.has(digest).catch((e: unknown) => e);
    expect((unreachable as AppError).code).toBe('files.storage_unavailable');
  });

  it('serves uploads and downloads of the app end to end, keeping nothing in the local folder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-files-s3-'));
    const t = await createTestApp({ config: { ...s3Config(), dataDir } });
    try {
      const clerk = await t.login('hn.vanthu');
      const pdf = await buildPdf('Ban chinh luu tren S3');
      const up = await clerk.upload('/api/v1/files', { name: 'Tờ trình.pdf', bytes: pdf });
      expect(up.statusCode, up.body).toBe(201);
      const down = await clerk.get(`/api/v1/files/${up.json().id}/content`);
      expect(down.statusCode).toBe(200);
      expect(down.rawBody.equals(pdf)).toBe(true);
      const s3Key = path.join('so-gd', 'tep', up.json().sha256.slice(0, 2));
      expect(listFiles(path.join(directory, 'edugov')).some((f) => f.startsWith(s3Key))).toBe(true);
      expect(listFiles(dataDir)).toEqual([]);
    } finally {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  function s3Config() {
    const c = loadConfig(env());
    return { filesUrl: c.filesUrl, s3: c.s3 };
  }
});
