/** Routes /api/v1/notifications: one's own notifications, unread count, marking read, and the live stream. */
import type { AppDeps } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/authn.ts';
import { commonErrors } from '../../platform/http/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { presentNotification } from './notifications.presenter.ts';
import * as s from './notifications.schemas.ts';
import * as service from './notifications.service.ts';
import { notificationStreamRoute } from './notifications.stream.ts';

const tags = ['notifications'];
const security = [{ session: [] }];

export async function notificationsRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        security,
        summary: 'Your notifications, newest first (page on with `before` = `nextBefore`)',
        querystring: s.NotificationQuery,
        response: { 200: s.NotificationList, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const { rows, nextBefore } = await service.listNotifications(db, actor, {
        unreadOnly: q.unreadOnly ?? false,
        limit: q.limit ?? 20,
        before: q.before,
      });
      return { items: rows.map(presentNotification), nextBefore };
    },
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        tags,
        security,
        summary: 'How many of your notifications are unread',
        response: { 200: s.UnreadCount, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { count: await service.countUnread(db, actor) };
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        security,
        summary: 'Mark one of your notifications read',
        params: s.IdParams,
        response: { 200: s.Notification, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentNotification(await service.readNotification(db, actor, request.params.id));
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags,
        security,
        summary: 'Mark all your notifications read',
        response: { 200: s.ReadAllResult, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { updated: await service.readAllNotifications(db, actor) };
    },
  );

  await notificationStreamRoute(app, deps);
}
