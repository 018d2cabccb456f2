import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as files from './20261127T030000_files_files.ts';

export const filesMigrations: MigrationSet = {
  '20261127T030000_files_files': files,
};
