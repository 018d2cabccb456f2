/**
 * Routes of the exchange console: GET /api/v1/exchange/messages (list), …/messages/:direction/:id (detail),
 * …/:id/raw (the stored bytes as a download), POST /api/v1/exchange/outbox/:id/replay (a dead letter again).
 */
import type { FastifyReply } from 'fastify';
import { useCaseContext, type AppDeps } from '../../../platform/context.ts';
import { requireActor } from '../../../platform/http/authn.ts';
import { commonErrors, Obj, Type, Uuid } from '../../../platform/http/schema.ts';
import type { HttpServer } from '../../../platform/http/server.ts';
import { replayMessage } from '../outbox/outbox.service.ts';
import * as s from './console.schemas.ts';
import { findMessageItem, getMessageDetail, getMessageRaw, listMessages } from './console.service.ts';

const security = [{ session: [] }];
const tags = ['exchange'];

export async function consoleRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;

  app.get(
    '/api/v1/exchange/messages',
    {
      schema: {
        tags,
        security,
        summary:
          'Messages of the interchange axis, newest first (clerk or administrator of the organisation; system ' +
          'administrators see every organisation): the outbox (out) or the inbox (in)',
        querystring: s.MessagesQuery,
        response: { 200: s.MessageList, ...commonErrors },
      },
    },
    async (request) => listMessages(db, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/exchange/messages/:direction/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One message: metadata, the raw XML (cut for display), errors in words, recipients’ statuses',
        params: s.MessageParams,
        response: { 200: s.MessageDetail, ...commonErrors },
      },
    },
    async (request) => getMessageDetail(db, requireActor(request), request.params.direction, request.params.id),
  );

  app.get(
    '/api/v1/exchange/messages/:direction/:id/raw',
    {
      schema: {
        tags,
        security,
        summary: 'The message exactly as stored (application/xml, as a download)',
        params: s.MessageParams,
        response: {
          200: {
            description: 'The edXML bytes as stored',
            content: { 'application/xml': { schema: Type.String({ format: 'binary' }) } },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const { direction, id } = request.params;
      const bytes = await getMessageRaw(db, requireActor(request), direction, id);
      return sendXml(reply, `edxml-${direction === 'out' ? 'gui-di' : 'nhan-ve'}-${id}.xml`, bytes);
    },
  );

  app.post(
    '/api/v1/exchange/outbox/:id/replay',
    {
      schema: {
        tags,
        security,
        summary: 'Send a dead letter again from the first try (clerk or administrator of its organisation); audited',
        params: Obj({ id: Uuid }),
        response: { 200: s.ReplayResult, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await replayMessage(deps, useCaseContext(request, actor), request.params.id);
      return { message: await findMessageItem(db, actor, 'out', request.params.id) };
    },
  );
}

/** Sends the bytes to save (the typed reply knows only JSON bodies, so it is sent as a plain reply). */
function sendXml(reply: FastifyReply, name: string, bytes: Buffer): FastifyReply {
  return reply
    .status(200)
    .header('content-type', 'application/xml')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
