import type { DefaultTimestamp, Generated, Timestamp } from '../../platform/db/schema.ts';

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  organization_id: string;
  /** What happened, `module.event` (`incoming.assigned`). */
  kind: string;
  title_vi: string;
  title_en: string;
  body_vi: string | null;
  body_en: string | null;
  /** App-relative path to open (`/e-office/incoming/<id>`). */
  link: string;
  created_at: DefaultTimestamp;
  read_at: Timestamp | null;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    notifications: NotificationsTable;
  }
}
