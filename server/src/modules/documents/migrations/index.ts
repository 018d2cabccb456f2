import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as incoming from './20261128T030000_documents_incoming.ts';

export const documentsMigrations: MigrationSet = {
  '20261128T030000_documents_incoming': incoming,
};
