import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as exchange from './20261128T170000_exchange.ts';

export const exchangeMigrations: MigrationSet = {
  '20261128T170000_exchange': exchange,
};
