/**
 * The notifications module's public door. Other modules call `notify(trx, jobs, notices)` inside the
 * transaction of their use case: the bell, the e-mail and the live push happen only if it commits.
 */
import type { AppModule } from '../../platform/context.ts';
import { notificationsMigrations } from './migrations/index.ts';
import { sendEmailJob } from './notifications.mail.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import './notifications.tables.ts';

export const notificationsModule: AppModule = {
  name: 'notifications',
  migrations: notificationsMigrations,
  jobs: [sendEmailJob],
  routes: notificationsRoutes,
};

export { notify, type Bilingual, type Notice } from './notifications.service.ts';
export type { NotificationView } from './notifications.presenter.ts';
