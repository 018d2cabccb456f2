import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as overrides from './20261128T040000_calendar_overrides.ts';

export const calendarMigrations: MigrationSet = {
  '20261128T040000_calendar_overrides': overrides,
};
