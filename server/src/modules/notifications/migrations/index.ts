import type { MigrationSet } from '../../../platform/db/migrate.ts';
import * as notifications from './20261201T000000_notifications.ts';

export const notificationsMigrations: MigrationSet = {
  '20261201T000000_notifications': notifications,
};
