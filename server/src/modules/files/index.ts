/**
 * The files module's public door: uploads and their blobs. Other modules attach files to their records
 * (`assertFilesAttachable`), and stream them through their own routes after their own permission check
 * (`sendFile`), or read them for processing (`openFileStream`, `readFileBytes`).
 */
import type { AppModule } from '../../platform/context.ts';
import { filesRoutes } from './files.routes.ts';
import { filesMigrations } from './migrations/index.ts';
import './files.tables.ts';

export const filesModule: AppModule = {
  name: 'files',
  migrations: filesMigrations,
  jobs: [],
  routes: filesRoutes,
};

export {
  assertFilesAttachable,
  findFilesByIds,
  openFileStream,
  readFileBytes,
  storeGeneratedFile,
  type FilesDeps,
  type GeneratedFile,
} from './files.service.ts';
export { sendFile, type SendFileOptions } from './files.send.ts';
export { presentFile } from './files.presenter.ts';
export { FileInfo } from './files.schemas.ts';
export { ACCEPTED_TYPES } from './files.names.ts';
export type { FileRow } from './files.repository.ts';
export type { BlobStore } from './files.store.ts';
