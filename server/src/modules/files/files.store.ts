/**
 * Blob stores: the bytes of every file, addressed by their SHA-256 (equal uploads share one blob).
 * - Local folder (default `DATA_DIR/files`, or `FILES_URL=file:///abs/path`): `ab/cd/<sha256>`, written to a
 *   temporary file in the same folder, fsync'ed, then renamed into place, so a blob is whole or absent.
 * - S3-compatible (`FILES_URL=s3://bucket/prefix` with S3_*): path-style SigV4 requests through aws4fetch.
 *   The payload hash sent with a PUT is the blob's key, so the store itself refuses bytes that do not match.
 * One store per configuration (`blobStoreFor(config)`); nothing is created on disk until the first write.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import { AwsClient } from 'aws4fetch';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';

export type BlobContent = Uint8Array | Readable;

export interface BlobStore {
  /** Stores the bytes under their SHA-256; `sizeBytes` is required to stream a Readable to S3. */
  put(sha256: string, content: BlobContent, sizeBytes?: number): Promise<void>;
  /** The bytes; throws BlobNotFoundError when there is no such blob. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Removes the blob; removing a missing blob is not an error. */
  delete(sha256: string): Promise<void>;
  /** Where the blobs are, for logs (never credentials). */
  readonly location: string;
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`No blob ${sha256}`);
    this.name = 'BlobNotFoundError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

function blobKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** A pass-through stream that computes the SHA-256 and size of what flows through it. */
export class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  sizeBytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void) {
    this.hash.update(chunk);
    this.sizeBytes += chunk.length;
    done(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

export class LocalBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  get location(): string {
    return this.root;
  }

  pathOf(sha256: string): string {
    return path.join(this.root, ...blobKey(sha256).split('/'));
  }

  async put(sha256: string, content: BlobContent): Promise<void> {
    const target = this.pathOf(sha256);
    const dir = path.dirname(target);
    await fsp.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.tmp-${randomUUID()}`);
    try {
      const hashing = new HashingStream();
      const source = content instanceof Uint8Array ? Readable.from([content]) : content;
      await pipeline(source, hashing, fs.createWriteStream(temp, { flags: 'wx', mode: 0o640 }));
      if (hashing.digest() !== sha256) throw new Error(`The bytes written do not hash to ${sha256}`);
      const handle = await fsp.open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(temp, target);
      await syncDirectory(dir);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    try {
      const handle = await fsp.open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await fsp.rm(this.pathOf(sha256), { force: true });
  }
}

/** Makes a rename durable: fsync the folder that holds the new name (a no-op where folders cannot be opened). */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot fsync a folder; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}

export interface S3Location {
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  /** '' or a key prefix ending with '/'. */
  readonly prefix: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export class S3BlobStore implements BlobStore {
  /** Reads and deletes are retried on 5xx; a streamed PUT cannot be replayed, so it is tried once. */
  private readonly client: AwsClient;
  private readonly putClient: AwsClient;

  constructor(private readonly s3: S3Location) {
    const credentials = { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
    this.client = new AwsClient({ ...credentials, service: 's3', region: s3.region, retries: 3 });
    this.putClient = new AwsClient({ ...credentials, service: 's3', region: s3.region, retries: 0 });
  }

  get location(): string {
    return `s3://${this.s3.bucket}/${this.s3.prefix}`;
  }

  private url(sha256: string): string {
    const key = `${this.s3.prefix}${blobKey(sha256)}`.split('/').map(encodeURIComponent).join('/');
    return `${this.s3.endpoint}/${encodeURIComponent(this.s3.bucket)}/${key}`;
  }

  private async send(client: AwsClient, url: string, init: RequestInit & { duplex?: 'half' }): Promise<Response> {
    try {
      return await client.fetch(url, init);
    } catch (cause) {
      throw new AppError('files.storage_unavailable', { cause: (cause as Error).message });
    }
  }

  async put(sha256: string, content: BlobContent, sizeBytes?: number): Promise<void> {
    let body: Uint8Array | WebReadableStream;
    let length: number;
    if (content instanceof Uint8Array) {
      body = content;
      length = content.byteLength;
    } else if (sizeBytes !== undefined) {
      body = Readable.toWeb(content);
      length = sizeBytes;
    } else {
      const chunks: Buffer[] = [];
      for await (const chunk of content) chunks.push(chunk as Buffer);
      body = Buffer.concat(chunks);
      length = body.byteLength;
    }
    const res = await this.send(this.putClient, this.url(sha256), {
      method: 'PUT',
      body: body as NonNullable<RequestInit['body']>,
      duplex: 'half',
      headers: {
        'content-length': String(length),
        'content-type': 'application/octet-stream',
        // The payload's SHA-256 is the key: S3 rejects a body that does not match it.
        'x-amz-content-sha256': sha256,
      },
    });
    await res.body?.cancel();
    if (!res.ok) throw new AppError('files.storage_unavailable', { status: res.status });
  }

  async get(sha256: string): Promise<Readable> {
    const res = await this.send(this.client, this.url(sha256), { method: 'GET' });
    if (res.status === 404) {
      await res.body?.cancel();
      throw new BlobNotFoundError(sha256);
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new AppError('files.storage_unavailable', { status: res.status });
    }
    return Readable.fromWeb(res.body as WebReadableStream);
  }

  async has(sha256: string): Promise<boolean> {
    const res = await this.send(this.client, this.url(sha256), { method: 'HEAD' });
    await res.body?.cancel();
    if (res.status === 404) return false;
    if (!res.ok) throw new AppError('files.storage_unavailable', { status: res.status });
    return true;
  }

  async delete(sha256: string): Promise<void> {
    const res = await this.send(this.client, this.url(sha256), { method: 'DELETE' });
    await res.body?.cancel();
    if (!res.ok && res.status !== 404) throw new AppError('files.storage_unavailable', { status: res.status });
  }
}

/** The store that the configuration names. Throws at start-up when an S3 store lacks its credentials. */
export function createBlobStore(config: Pick<Config, 'dataDir' | 'filesUrl' | 's3'>): BlobStore {
  const url = config.filesUrl;
  if (url === undefined) return new LocalBlobStore(path.join(config.dataDir, 'files'));
  if (url.startsWith('file://')) return new LocalBlobStore(fileURLToPath(url));
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new Error('FILES_URL must be s3://bucket[/prefix] or file:///absolute/path');
  const { accessKeyId, secretAccessKey, region } = config.s3;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('FILES_URL=s3://… needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  }
  const prefix = match[2]!.replace(/^\/+|\/+$/g, '');
  return new S3BlobStore({
    endpoint: (config.s3.endpoint ?? `https://s3.${region}.amazonaws.com`).replace(/\/+$/, ''),
    region,
    bucket: match[1]!,
    prefix: prefix ? `${prefix}/` : '',
    accessKeyId,
    secretAccessKey,
  });
}

const stores = new WeakMap<Config, BlobStore>();

/** The one store of an app's configuration, created on first use. */
export function blobStoreFor(config: Config): BlobStore {
  let store = stores.get(config);
  if (!store) {
    store = createBlobStore(config);
    stores.set(config, store);
  }
  return store;
}
