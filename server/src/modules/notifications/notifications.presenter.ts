import type { Selectable } from 'kysely';
import type { NotificationsTable } from './notifications.tables.ts';

export function presentNotification(n: Selectable<NotificationsTable>) {
  return {
    id: n.id,
    organizationId: n.organization_id,
    kind: n.kind,
    title: { vi: n.title_vi, en: n.title_en },
    body: n.body_vi !== null && n.body_en !== null ? { vi: n.body_vi, en: n.body_en } : null,
    link: n.link,
    createdAt: new Date(n.created_at).toISOString(),
    readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
  };
}

export type NotificationView = ReturnType<typeof presentNotification>;
