import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as organizations from './20261127T010000_org_organizations.ts';
import * as axis from './20261128T180100_org_axis.ts';

export const orgMigrations: MigrationSet = {
  '20261127T010000_org_organizations': organizations,
  '20261128T180100_org_axis': axis,
};
