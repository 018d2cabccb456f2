/**
 * GET /api/v1/notifications/stream: Server-Sent Events of the signed-in user's new notifications
 * (`event: notification`, data = the notification JSON). A comment every 25 s keeps proxies from closing
 * it; after 15 minutes the server ends it and the browser reconnects. The session is checked again before
 * every delivery and heartbeat: after logout, a password change or a disabled account the stream ends at once.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/authn.ts';
import { commonErrors, ErrorResponse, Type } from '../../platform/http/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { isSessionActive } from '../identity/index.ts';
import { LiveNotifications } from './notifications.live.ts';

const HEARTBEAT_MS = 25_000;
const MAX_AGE_MS = 15 * 60_000;
const RETRY_MS = 5_000;

export async function notificationStreamRoute(app: HttpServer, deps: AppDeps): Promise<void> {
  const live = deps.listen ? new LiveNotifications(deps.db, deps.listen, deps.logger) : undefined;
  const open = new Set<PassThrough>();
  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
  });
  app.addHook('onClose', async () => {
    await live?.stop();
  });

  app.get(
    '/api/v1/notifications/stream',
    {
      schema: {
        tags: ['notifications'],
        security: [{ session: [] }],
        summary: 'Live: your new notifications as Server-Sent Events (event `notification`, data = Notification)',
        response: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: Type.Unsafe<Readable>({ type: 'string' }) } },
          },
          ...commonErrors,
          503: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!live) throw new AppError('database.unavailable');
      const stream = new PassThrough();
      const send = (text: string) => {
        if (!stream.writableEnded) stream.write(text);
      };
      /** Sends only while the session that opened the stream is still in force; otherwise ends the stream. */
      const sendIfSignedIn = async (text: string) => {
        if (await isSessionActive(deps.db, actor.sessionId).catch(() => false)) send(text);
        else if (!stream.writableEnded) stream.end();
      };
      const unsubscribe = await live.subscribe(actor.userId, (n) => {
        void sendIfSignedIn(`event: notification\nid: ${n.id}\ndata: ${JSON.stringify(n)}\n\n`);
      });
      const heartbeat = setInterval(() => void sendIfSignedIn(': ping\n\n'), HEARTBEAT_MS);
      const maxAge = setTimeout(() => stream.end(), MAX_AGE_MS);
      let cleaned = false;
      const cleanup = () => {
        if (cleaned) return;
        cleaned = true;
        clearInterval(heartbeat);
        clearTimeout(maxAge);
        unsubscribe();
        open.delete(stream);
        if (!stream.writableEnded) stream.end();
      };
      open.add(stream);
      stream.on('close', cleanup);
      reply.raw.on('close', cleanup);

      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      send('event: ready\ndata: {}\n\n');
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store, no-transform')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );
}
