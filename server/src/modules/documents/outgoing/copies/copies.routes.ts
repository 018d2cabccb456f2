/**
 * Routes of copies (bản sao y, sao lục, trích sao): POST /api/v1/document-copies (clerk), GET
 * /api/v1/outgoing-documents/:id/copies and /api/v1/incoming-documents/:id/copies (the copies of a document,
 * for whoever may see it), GET /api/v1/document-copies/:id and …/:id/file (the copy's PDF).
 */
import { useCaseContext, type AppDeps } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors.ts';
import { requireActor } from '../../../../platform/http/authn.ts';
import { commonErrors, Obj, Uuid } from '../../../../platform/http/schema.ts';
import type { HttpServer } from '../../../../platform/http/server.ts';
import { findFilesByIds, sendFile } from '../../../files/index.ts';
import { presentCopy } from './copies.presenter.ts';
import * as s from './copies.schemas.ts';
import * as service from './copies.service.ts';

const security = [{ session: [] }];
const tags = ['document copies'];
const IdParams = Obj({ id: Uuid });

export async function copiesRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;

  app.post(
    '/api/v1/document-copies',
    {
      schema: {
        tags,
        security,
        summary:
          'Make a copy (clerk): sao y or trích sao of an issued outgoing or registered incoming document, sao lục of ' +
          'a sao y — its own number (05/SY-BGDĐT), signed by a leader, as a PDF',
        body: s.MakeCopyBody,
        response: { 201: s.DocumentCopy, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const copy = await service.makeCopy(deps, useCaseContext(request, actor), request.body);
      reply.code(201);
      return presentCopy(copy);
    },
  );

  app.get(
    '/api/v1/outgoing-documents/:id/copies',
    {
      schema: {
        tags,
        security,
        summary: 'The copies made of an outgoing document (sao lục of its copies included), newest first',
        params: IdParams,
        response: { 200: s.DocumentCopyList, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: (await service.listCopiesOfOutgoing(db, actor, request.params.id)).map(presentCopy) };
    },
  );

  app.get(
    '/api/v1/incoming-documents/:id/copies',
    {
      schema: {
        tags,
        security,
        summary: 'The copies made of an incoming document (sao lục of its copies included), newest first',
        params: IdParams,
        response: { 200: s.DocumentCopyList, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: (await service.listCopiesOfIncoming(db, actor, request.params.id)).map(presentCopy) };
    },
  );

  app.get(
    '/api/v1/document-copies/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One copy, for whoever may see the copied document',
        params: IdParams,
        response: { 200: s.DocumentCopy, ...commonErrors },
      },
    },
    async (request) => presentCopy(await service.getCopy(db, requireActor(request), request.params.id)),
  );

  app.get(
    '/api/v1/document-copies/:id/file',
    {
      schema: {
        tags,
        security,
        summary: 'Download (or preview with inline=true) the PDF of a copy',
        params: IdParams,
        querystring: s.FileQuery,
        response: { ...commonErrors },
      },
    },
    async (request, reply) => {
      const copy = await service.getCopy(db, requireActor(request), request.params.id);
      const [file] = await findFilesByIds(db, [copy.file_id]);
      if (!file) throw new AppError('record.not_found', { type: 'file', id: copy.file_id });
      return sendFile(deps, reply, file, { inline: request.query.inline === true });
    },
  );
}
