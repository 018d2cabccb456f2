import type { MigrationSet } from '../db/migrate.ts';
import * as m20261127000000 from './20261127T000000_platform_extensions.ts';
import * as m20261127000100 from './20261127T000100_platform_audit.ts';

export const platformMigrations: MigrationSet = {
  '20261127T000000_platform_extensions': m20261127000000,
  '20261127T000100_platform_audit': m20261127000100,
};
