/**
 * Routes of issuing: POST /api/v1/outgoing-documents/:id/issue and /recall, GET …/:id/dispatches; on the
 * recipient's side POST /api/v1/incoming-documents/:id/refuse and /recall-answer.
 */
import { useCaseContext, type AppDeps } from '../../../../platform/context.ts';
import { requireActor } from '../../../../platform/http/authn.ts';
import { commonErrors, Obj, Uuid } from '../../../../platform/http/schema.ts';
import type { HttpServer } from '../../../../platform/http/server.ts';
import { findFilesByIds } from '../../../files/index.ts';
import { presentIncomingDetail } from '../../incoming/incoming.presenter.ts';
import { IncomingDetail } from '../../incoming/incoming.schemas.ts';
import { getIncomingDetail } from '../../incoming/incoming.service.ts';
import { presentOutgoingDetail } from '../drafts/drafts.presenter.ts';
import { OutgoingDetail } from '../drafts/drafts.schemas.ts';
import { getOutgoingDetail } from '../drafts/drafts.service.ts';
import { presentDispatch } from './issuing.presenter.ts';
import * as s from './issuing.schemas.ts';
import { answerRecall, issueOutgoing, listDispatches, recallOutgoing, refuseIncoming } from './issuing.service.ts';

const security = [{ session: [] }];
const IdParams = Obj({ id: Uuid });

export async function issuingRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const tags = ['outgoing documents'];

  app.post(
    '/api/v1/outgoing-documents/:id/issue',
    {
      schema: {
        tags,
        security,
        summary:
          'Issue an approved document (clerk): number it, render the official PDF (unless finalFileId), send it to ' +
          'every recipient — one transaction',
        params: IdParams,
        body: s.IssueBody,
        response: { 200: OutgoingDetail, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await issueOutgoing(deps, useCaseContext(request, actor), request.params.id, request.body);
      return presentOutgoingDetail(await getOutgoingDetail(db, actor, request.params.id));
    },
  );

  app.post(
    '/api/v1/outgoing-documents/:id/recall',
    {
      schema: {
        tags,
        security,
        summary: 'Ask every EduGov recipient to give an issued document back (clerk or leader of the sender): 13',
        params: IdParams,
        body: s.RecallBody,
        response: { 200: OutgoingDetail, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await recallOutgoing(deps, useCaseContext(request, actor), request.params.id, request.body);
      return presentOutgoingDetail(await getOutgoingDetail(db, actor, request.params.id));
    },
  );

  app.get(
    '/api/v1/outgoing-documents/:id/dispatches',
    {
      schema: {
        tags,
        security,
        summary: 'Each recipient of the document and the status of its copy (STANDARDS §2.7), with the history',
        params: IdParams,
        response: { 200: s.DispatchList, ...commonErrors },
      },
    },
    async (request) => ({
      items: (await listDispatches(db, requireActor(request), request.params.id)).map(presentDispatch),
    }),
  );

  async function incomingDetail(request: Parameters<typeof requireActor>[0], id: string) {
    const d = await getIncomingDetail(db, requireActor(request), id);
    const files = await findFilesByIds(
      db,
      d.files.map((f) => f.file_id),
    );
    return presentIncomingDetail(d, files);
  }

  app.post(
    '/api/v1/incoming-documents/:id/refuse',
    {
      schema: {
        tags: ['incoming documents'],
        security,
        summary: 'Refuse a document received on EduGov, with the reason (clerk): it is closed, the sender sees 02',
        params: IdParams,
        body: s.RefuseBody,
        response: { 200: IncomingDetail, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await refuseIncoming(deps, useCaseContext(request, actor), request.params.id, request.body);
      return incomingDetail(request, request.params.id);
    },
  );

  app.post(
    '/api/v1/incoming-documents/:id/recall-answer',
    {
      schema: {
        tags: ['incoming documents'],
        security,
        summary: "Answer the sender's recall (clerk): accept (15, the copy is withdrawn) or refuse (16)",
        params: IdParams,
        body: s.RecallAnswerBody,
        response: { 200: IncomingDetail, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await answerRecall(deps, useCaseContext(request, actor), request.params.id, request.body);
      return incomingDetail(request, request.params.id);
    },
  );
}
