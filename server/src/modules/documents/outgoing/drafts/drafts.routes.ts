/**
 * Routes /api/v1/outgoing-documents (drafting and approval of outgoing documents) and
 * /api/v1/approval-templates: write a draft, save it again (a revision each time), read, list, compare two
 * revisions, download its files; the approval steps are in approval.routes.ts.
 */
import { useCaseContext, type AppDeps } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors.ts';
import { requireActor } from '../../../../platform/http/authn.ts';
import { commonErrors, Obj, Type, Uuid } from '../../../../platform/http/schema.ts';
import type { HttpServer } from '../../../../platform/http/server.ts';
import { findFilesByIds, sendFile } from '../../../files/index.ts';
import { approvalRoutes } from '../approval/approval.routes.ts';
import { presentComparison, presentOutgoingDetail, presentOutgoingSummary } from './drafts.presenter.ts';
import * as s from './drafts.schemas.ts';
import * as service from './drafts.service.ts';

const security = [{ session: [] }];
const tags = ['outgoing documents'];
const IdParams = Obj({ id: Uuid });

/** Everything about drafting and approving outgoing documents (registered by the documents module). */
export async function outgoingDraftRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;

  app.post(
    '/api/v1/outgoing-documents',
    {
      schema: {
        tags,
        security,
        summary: 'Write a draft (dự thảo) of an outgoing document; it belongs to your unit and is revision 1',
        body: s.CreateDraftBody,
        response: { 201: s.OutgoingDetail, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const doc = await service.createDraft(deps, useCaseContext(request, actor), request.body);
      reply.code(201);
      return presentOutgoingDetail(await service.getOutgoingDetail(db, actor, doc.id));
    },
  );

  app.get(
    '/api/v1/outgoing-documents',
    {
      schema: {
        tags,
        security,
        summary:
          'Outgoing documents you may see (yours, your unit’s if you head it, those waiting for you; all for leaders and clerks)',
        querystring: s.OutgoingQuery,
        response: { 200: s.OutgoingList, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const { rows, total } = await service.listOutgoing(db, actor, {
        ...q,
        view: q.view ?? 'all',
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      return { items: rows.map(presentOutgoingSummary), total };
    },
  );

  app.get(
    '/api/v1/outgoing-documents/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One outgoing document with its revisions, approval route and steps, trail and the steps open to you',
        params: IdParams,
        response: { 200: s.OutgoingDetail, ...commonErrors },
      },
    },
    async (request) =>
      presentOutgoingDetail(await service.getOutgoingDetail(db, requireActor(request), request.params.id)),
  );

  app.patch(
    '/api/v1/outgoing-documents/:id',
    {
      schema: {
        tags,
        security,
        summary:
          'Save the content again (the author, while a draft or returned): a new revision; 409 on a stale version',
        params: IdParams,
        body: s.UpdateDraftBody,
        response: { 200: s.OutgoingDetail, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.updateDraft(deps, useCaseContext(request, actor), request.params.id, request.body);
      return presentOutgoingDetail(await service.getOutgoingDetail(db, actor, request.params.id));
    },
  );

  app.get(
    '/api/v1/outgoing-documents/:id/revisions/compare',
    {
      schema: {
        tags,
        security,
        summary: 'Compare two revisions: the fields that changed (before, after) and the body line by line',
        params: IdParams,
        querystring: s.CompareQuery,
        response: { 200: s.RevisionComparison, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { from, to } = request.query;
      return presentComparison(await service.compareRevisions(db, actor, request.params.id, from, to));
    },
  );

  app.get(
    '/api/v1/outgoing-documents/:id/files/:fileId',
    {
      schema: {
        tags,
        security,
        summary: 'Download (or preview with inline=true) a file of a draft you may see',
        params: Obj({ id: Uuid, fileId: Uuid }),
        querystring: Obj({ inline: Type.Optional(Type.Boolean()) }),
        response: { ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id, fileId } = request.params;
      const attached = await service.findVisibleDraftFile(db, actor, id, fileId);
      const [file] = attached ? await findFilesByIds(db, [fileId]) : [];
      if (!file) throw new AppError('record.not_found', { type: 'file', id: fileId });
      return sendFile(deps, reply, file, { inline: request.query.inline === true });
    },
  );

  await approvalRoutes(app, deps);
}
