import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as exchange from './20261128T170000_exchange.ts';
import * as business from './20261128T180300_exchange_business.ts';

export const exchangeMigrations: MigrationSet = {
  '20261128T170000_exchange': exchange,
  '20261128T180300_exchange_business': business,
};
