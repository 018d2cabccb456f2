import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as organizations from './20261127T010000_org_organizations.ts';

export const orgMigrations: MigrationSet = {
  '20261127T010000_org_organizations': organizations,
};
