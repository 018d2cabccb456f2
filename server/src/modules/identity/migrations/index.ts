import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as users from './20261127T020000_identity_users.ts';
import * as authChanged from './20261128T190100_identity_auth_changed.ts';

export const identityMigrations: MigrationSet = {
  '20261127T020000_identity_users': users,
  '20261128T190100_identity_auth_changed': authChanged,
};
