import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as notifications from './20261127T040000_notifications.ts';

export const notificationsMigrations: MigrationSet = {
  '20261127T040000_notifications': notifications,
};
