import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as users from './20261127T020000_identity_users.ts';

export const identityMigrations: MigrationSet = {
  '20261127T020000_identity_users': users,
};
