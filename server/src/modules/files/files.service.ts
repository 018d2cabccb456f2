/**
 * Use cases for files. The blob is written before the row that points to it, so a row never names missing
 * bytes; if the row is then not written (a failed or rolled-back transaction) the blob stays behind unreferenced
 * — it may already be shared by a concurrent upload of the same bytes, so it is never deleted here.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { writeAudit } from '../../platform/audit/audit.ts';
import { authorize, type Actor } from '../../platform/authz.ts';
import type { AppDeps, UseCaseContext } from '../../platform/context.ts';
import type { DbOrTrx } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { sanitizeFileName } from './files.names.ts';
import { filesPolicy } from './files.policy.ts';
import * as repo from './files.repository.ts';
import type { FileRow } from './files.repository.ts';
import { BlobNotFoundError, blobStoreFor, type BlobContent } from './files.store.ts';
import type { ReceivedUpload } from './files.upload.ts';

/** What the files functions need from the composition root (AppDeps has it). */
export type FilesDeps = Pick<AppDeps, 'config' | 'db'>;

async function putBlobOnce(deps: Pick<AppDeps, 'config'>, sha256: string, content: () => BlobContent, size: number) {
  const store = blobStoreFor(deps.config);
  if (!(await store.has(sha256))) await store.put(sha256, content(), size);
}

/** Records a checked upload: its blob (shared with equal uploads) and a row of the actor's organisation. */
export async function storeUpload(deps: FilesDeps, ctx: UseCaseContext, upload: ReceivedUpload): Promise<FileRow> {
  authorize(filesPolicy.canUpload(ctx.actor));
  await putBlobOnce(deps, upload.sha256, () => fs.createReadStream(upload.tempPath), upload.sizeBytes);
  return deps.db.transaction().execute(async (trx) => {
    const file = await repo.insertFile(trx, {
      sha256: upload.sha256,
      size_bytes: upload.sizeBytes,
      media_type: upload.mediaType,
      original_name: upload.name,
      organization_id: ctx.actor.organizationId,
      uploaded_by: ctx.actor.userId,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'files.uploaded',
      targetType: 'file',
      targetId: file.id,
      summary: {
        name: file.original_name,
        sizeBytes: file.size_bytes,
        mediaType: file.media_type,
        sha256: file.sha256,
      },
    });
    return file;
  });
}

/** A file the actor may read through the files routes, or 404 (whether it exists elsewhere is not revealed). */
export async function getReadableFile(db: DbOrTrx, actor: Actor, id: string): Promise<FileRow> {
  const file = await repo.findFileById(db, id);
  if (!file || !filesPolicy.canReadDirectly(actor, file)) throw new AppError('files.not_found', { id });
  return file;
}

/** Files by id, in the order asked (unknown ids are left out). */
export async function findFilesByIds(db: DbOrTrx, ids: readonly string[]): Promise<FileRow[]> {
  const rows = new Map((await repo.findFilesByIds(db, ids)).map((f) => [f.id, f]));
  return [...new Set(ids)].flatMap((id) => rows.get(id) ?? []);
}

/**
 * The files, in the order asked, if each exists and belongs to the actor's organisation; otherwise
 * `documents.file_not_found` (400) listing the ids that cannot be attached.
 */
export async function assertFilesAttachable(db: DbOrTrx, actor: Actor, ids: readonly string[]): Promise<FileRow[]> {
  const found = await findFilesByIds(db, ids);
  const attachable = found.filter((f) => filesPolicy.canAttach(actor, f));
  const ok = new Set(attachable.map((f) => f.id));
  const missing = [...new Set(ids)].filter((id) => !ok.has(id));
  if (missing.length > 0) throw new AppError('documents.file_not_found', { ids: missing });
  return attachable;
}

export interface GeneratedFile {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly mediaType: string;
  readonly organizationId: string;
  /** The person on whose behalf it was made; null for files made by the system itself. */
  readonly uploadedBy: string | null;
}

/**
 * Stores a file the server made (a report, a receipt) in the caller's transaction. The caller writes its
 * own audit row for the action that produced it.
 */
export async function storeGeneratedFile(
  deps: Pick<AppDeps, 'config'>,
  trx: DbOrTrx,
  input: GeneratedFile,
): Promise<FileRow> {
  if (input.bytes.byteLength === 0) throw new AppError('files.empty');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await putBlobOnce(deps, sha256, () => input.bytes, input.bytes.byteLength);
  return repo.insertFile(trx, {
    sha256,
    size_bytes: input.bytes.byteLength,
    media_type: input.mediaType,
    original_name: sanitizeFileName(input.name, input.mediaType),
    organization_id: input.organizationId,
    uploaded_by: input.uploadedBy,
  });
}

/** The bytes of a file as a stream (the caller has checked that the actor may read it). */
export async function openFileStream(deps: Pick<AppDeps, 'config'>, file: Pick<FileRow, 'sha256'>): Promise<Readable> {
  try {
    return await blobStoreFor(deps.config).get(file.sha256);
  } catch (error) {
    // The row exists but its bytes are not in the store (a restore without files, a wrong FILES_URL):
    // a clear 503 for the user, never a 500; the operator sees the missing hash in the log.
    if (error instanceof BlobNotFoundError) throw new AppError('files.storage_unavailable', { missing: file.sha256 });
    throw error;
  }
}

/** The bytes of a file in memory (for server-side processing of modest files); `files.not_found` if no row. */
export async function readFileBytes(deps: FilesDeps, id: string): Promise<Buffer> {
  const file = await repo.findFileById(deps.db, id);
  if (!file) throw new AppError('files.not_found', { id });
  return buffer(await openFileStream(deps, file));
}
