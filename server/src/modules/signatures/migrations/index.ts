import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as signatures from './20261128T140000_signatures.ts';

export const signaturesMigrations: MigrationSet = {
  '20261128T140000_signatures': signatures,
};
