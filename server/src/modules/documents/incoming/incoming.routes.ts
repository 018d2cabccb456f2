/** Routes /api/v1/incoming-documents: register, list and search, read, and one action route per step. */
import { useCaseContext, type AppDeps, type UseCaseContext } from '../../../platform/context.ts';
import { requireActor } from '../../../platform/http/authn.ts';
import { commonErrors, Obj, Type, Uuid, type Static, type TSchema } from '../../../platform/http/schema.ts';
import type { HttpServer } from '../../../platform/http/server.ts';
import { AppError } from '../../../platform/errors.ts';
import { findFilesByIds, sendFile } from '../../files/index.ts';
import { DOCUMENT_TYPES } from '../documents.types.ts';
import { presentIncomingDetail, presentIncomingListItem } from './incoming.presenter.ts';
import * as s from './incoming.schemas.ts';
import * as service from './incoming.service.ts';
import * as workflow from './incoming.workflow.ts';
import * as repo from './incoming.repository.ts';

const security = [{ session: [] }];
const tags = ['incoming documents'];
const IdParams = Obj({ id: Uuid });

export async function incomingRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;

  async function detail(actorRequest: Parameters<typeof requireActor>[0], id: string) {
    const actor = requireActor(actorRequest);
    const d = await service.getIncomingDetail(db, actor, id);
    const files = await findFilesByIds(
      db,
      d.files.map((f) => f.file_id),
    );
    return presentIncomingDetail(d, files);
  }

  app.get(
    '/api/v1/document-types',
    {
      schema: {
        tags,
        security,
        summary: 'The 29 document types of Decree 30/2020',
        response: { 200: s.DocumentTypeList, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: DOCUMENT_TYPES.map((t) => ({ ...t })) };
    },
  );

  app.get(
    '/api/v1/incoming-documents',
    {
      schema: {
        tags,
        security,
        summary:
          'Incoming documents you may see, by inbox view, search words (diacritics ignored) and filters; urgent first',
        querystring: s.IncomingQuery,
        response: { 200: s.IncomingList, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      if (q.receivedFrom && q.receivedTo && q.receivedTo < q.receivedFrom)
        throw new AppError('documents.invalid_period');
      const { rows, total } = await service.listIncoming(deps, actor, {
        ...q,
        view: q.view ?? 'all',
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      return { items: rows.map(presentIncomingListItem), total };
    },
  );

  app.get(
    '/api/v1/incoming-documents/counts',
    {
      schema: {
        tags,
        security,
        summary: 'How many documents (and unread) each inbox view holds for you',
        response: { 200: s.ViewCounts, ...commonErrors },
      },
    },
    async (request) => service.countIncoming(deps, requireActor(request)),
  );

  app.get(
    '/api/v1/incoming-documents/duplicates',
    {
      schema: {
        tags,
        security,
        summary: 'Registered documents with the same issuer, number and date (warns the clerk before registering)',
        querystring: s.DuplicateQuery,
        response: { 200: s.DuplicateList, ...commonErrors },
      },
    },
    async (request) => {
      const rows = await service.checkDuplicates(db, requireActor(request), request.query);
      return {
        items: rows.map((r) => ({
          id: r.id,
          arrivalNumber: r.arrival_number,
          arrivalYear: r.arrival_year,
          subject: r.subject,
          status: r.status,
        })),
      };
    },
  );

  app.post(
    '/api/v1/incoming-documents',
    {
      schema: {
        tags,
        security,
        summary:
          'Register a received document from its scan (the clerk); it gets the next arrival number of the register',
        body: s.CreateIncomingBody,
        response: { 201: s.IncomingDetail, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const doc = await service.createIncoming(deps, useCaseContext(request, actor), request.body);
      reply.code(201);
      return detail(request, doc.id);
    },
  );

  app.get(
    '/api/v1/incoming-documents/:id',
    {
      schema: {
        tags,
        security,
        summary:
          'One incoming document with its assignments, processing trail, files and the steps open to you (marks it read)',
        params: IdParams,
        response: { 200: s.IncomingDetail, ...commonErrors },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.get(
    '/api/v1/incoming-documents/:id/files/:fileId',
    {
      schema: {
        tags,
        security,
        summary: 'Download (or preview with inline=true) a file of a document you may see',
        params: Obj({ id: Uuid, fileId: Uuid }),
        querystring: Obj({ inline: Type.Optional(Type.Boolean()) }),
        response: { ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const doc = await repo.findVisibleIncomingById(db, actor, request.params.id);
      const attached = doc
        ? (await repo.findDocumentFiles(db, doc.id)).some((f) => f.file_id === request.params.fileId)
        : false;
      const [file] = attached ? await findFilesByIds(db, [request.params.fileId]) : [];
      if (!file) throw new AppError('record.not_found', { type: 'file', id: request.params.fileId });
      return sendFile(deps, reply, file, { inline: request.query.inline === true });
    },
  );

  /** One action route per step: POST /api/v1/incoming-documents/:id/<step>. */
  function action<B extends TSchema>(
    path: string,
    summary: string,
    body: B,
    run: (ctx: UseCaseContext, id: string, input: Static<B>) => Promise<unknown>,
  ) {
    app.post(
      `/api/v1/incoming-documents/:id/${path}`,
      {
        schema: {
          tags,
          security,
          summary,
          params: IdParams,
          body,
          response: { 200: s.IncomingDetail, ...commonErrors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await run(useCaseContext(request, actor), request.params.id, request.body as Static<B>);
        return detail(request, request.params.id);
      },
    );
  }

  action(
    'register',
    'Register a document received from another organisation (clerk): gives it its arrival number',
    s.RegisterReceivedBody,
    (ctx, id, b) => service.registerReceived(deps, ctx, id, b),
  );
  action('present', 'Present to the leader for direction (clerk)', s.PresentBody, (ctx, id, b) =>
    workflow.presentIncoming(deps, ctx, id, b),
  );
  action(
    'direct',
    'Direct the handling: lead, supporting, for information, deadline (leader); again to re-direct',
    s.DirectBody,
    (ctx, id, b) => workflow.directIncoming(deps, ctx, id, b),
  );
  action(
    'assign',
    "Hand the unit's assignment to people of the unit (unit head); again to re-assign",
    s.AssignBody,
    (ctx, id, b) => workflow.assignIncoming(deps, ctx, id, b),
  );
  action('comment', 'Record an opinion, with draft files', s.CommentBody, (ctx, id, b) =>
    workflow.commentIncoming(deps, ctx, id, b),
  );
  action('request-extension', 'Ask whoever set your deadline for more time', s.ExtensionBody, (ctx, id, b) =>
    workflow.requestExtension(deps, ctx, id, b),
  );
  action(
    'decide-extension',
    'Approve or refuse a request for more time (whoever set the deadline)',
    s.DecideExtensionBody,
    (ctx, id, b) => workflow.decideExtension(deps, ctx, id, b),
  );
  action('return', 'Hand your assignment back to whoever gave it', s.ReturnBody, (ctx, id, b) =>
    workflow.returnIncoming(deps, ctx, id, b),
  );
  action(
    'complete',
    'Complete the handling (lead, head of the lead unit, leader) or your supporting part',
    s.CompleteBody,
    (ctx, id, b) => workflow.completeIncoming(deps, ctx, id, b),
  );
  action(
    'recall',
    'Recall the direction (leader) or what you handed to your people (unit head)',
    s.RecallBody,
    (ctx, id, b) => workflow.recallIncoming(deps, ctx, id, b),
  );
  action('close', 'Close without further handling (leader, head of the lead unit)', s.CloseBody, (ctx, id, b) =>
    workflow.closeIncoming(deps, ctx, id, b),
  );
}
