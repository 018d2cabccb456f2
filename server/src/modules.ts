/** Every module of EduGov, in dependency order. Add a module here and nowhere else. */
import type { AppModule } from './platform/context.ts';
import { identityModule } from './modules/identity/index.ts';
import { calendarModule } from './modules/calendar/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { orgModule } from './modules/org/index.ts';
import { filesModule } from './modules/files/index.ts';
import { signaturesModule } from './modules/signatures/index.ts';
import { documentsModule } from './modules/documents/index.ts';
import { exchangeModule } from './modules/exchange/index.ts';

export const MODULES: readonly AppModule[] = [
  orgModule,
  identityModule,
  calendarModule,
  notificationsModule,
  filesModule,
  signaturesModule,
  documentsModule,
  exchangeModule,
];
