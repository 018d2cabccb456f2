/**
 * Receiving an upload at the HTTP edge: the one multipart part named `file` is streamed to a temporary
 * file while it is hashed and counted (a large file is never held in memory), then its type is detected
 * from the bytes. Whatever is refused — too large, empty, an unaccepted type — leaves no temporary file.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromFile } from 'file-type';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { isAcceptedType, sanitizeFileName } from './files.names.ts';
import { HashingStream } from './files.store.ts';

export interface ReceivedUpload {
  /** The bytes, in a temporary file that the caller removes with `discardUpload`. */
  readonly tempPath: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly mediaType: string;
  readonly name: string;
}

/** Where uploads wait while they are checked: `DATA_DIR/tmp/uploads` (not /tmp, which may be a small tmpfs). */
export function uploadTempDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'tmp', 'uploads');
}

export async function discardUpload(upload: Pick<ReceivedUpload, 'tempPath'>): Promise<void> {
  await fsp.rm(upload.tempPath, { force: true });
}

export async function receiveUpload(request: FastifyRequest, tempDir: string): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new AppError('files.missing', { reason: 'send multipart/form-data' });
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError('files.missing', { reason: 'one part named "file"' });
  }

  await fsp.mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, `${randomUUID()}.upload`);
  try {
    const hashing = new HashingStream();
    try {
      await pipeline(part.file, hashing, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('files.too_large');
      throw error;
    }
    if (part.file.truncated) throw new AppError('files.too_large');
    if (hashing.sizeBytes === 0) throw new AppError('files.empty');
    const mediaType = (await fileTypeFromFile(tempPath))?.mime;
    if (!isAcceptedType(mediaType)) throw new AppError('files.unsupported_type', { detected: mediaType ?? null });
    return {
      tempPath,
      sha256: hashing.digest(),
      sizeBytes: hashing.sizeBytes,
      mediaType,
      name: sanitizeFileName(part.filename, mediaType),
    };
  } catch (error) {
    await fsp.rm(tempPath, { force: true });
    throw error;
  }
}

/** Removes temporary uploads left by a process that stopped mid-upload (older than a day). */
export async function sweepStaleUploads(tempDir: string, olderThanMs = 24 * 3600 * 1000): Promise<number> {
  let names: string[];
  try {
    names = await fsp.readdir(tempDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(tempDir, name);
    const stat = await fsp.stat(file).catch(() => undefined);
    if (stat?.isFile() && Date.now() - stat.mtimeMs > olderThanMs) {
      await fsp.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
