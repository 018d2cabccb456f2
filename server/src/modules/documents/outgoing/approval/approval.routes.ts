/**
 * Routes of the approval engine: the organisation's route templates (/api/v1/approval-templates) and one
 * POST route per step on a draft (/api/v1/outgoing-documents/:id/<step>), each returning the new detail.
 */
import { useCaseContext, type AppDeps, type UseCaseContext } from '../../../../platform/context.ts';
import { requireActor } from '../../../../platform/http/authn.ts';
import { commonErrors, Obj, Uuid, type Static, type TSchema } from '../../../../platform/http/schema.ts';
import type { HttpServer } from '../../../../platform/http/server.ts';
import { presentOutgoingDetail } from '../drafts/drafts.presenter.ts';
import { OutgoingDetail } from '../drafts/drafts.schemas.ts';
import { getOutgoingDetail } from '../drafts/drafts.service.ts';
import { presentTemplate } from './approval.presenter.ts';
import * as s from './approval.schemas.ts';
import { createTemplate, listTemplates, updateTemplate } from './approval.templates.ts';
import * as workflow from './approval.workflow.ts';

const security = [{ session: [] }];
const tags = ['outgoing documents'];
const IdParams = Obj({ id: Uuid });

export async function approvalRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;

  app.get(
    '/api/v1/approval-templates',
    {
      schema: {
        tags,
        security,
        summary: "Your organisation's approval routes, the default first (made on first use)",
        querystring: s.TemplateListQuery,
        response: { 200: s.TemplateList, ...commonErrors },
      },
    },
    async (request) => ({
      items: (await listTemplates(db, requireActor(request), request.query.includeRetired === true)).map(
        presentTemplate,
      ),
    }),
  );

  app.post(
    '/api/v1/approval-templates',
    {
      schema: {
        tags,
        security,
        summary: 'Define an approval route (organisation administrator, leader); the last stage is the approval',
        body: s.CreateTemplateBody,
        response: { 201: s.Template, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const template = await createTemplate(db, useCaseContext(request, actor), request.body);
      reply.code(201);
      return presentTemplate(template);
    },
  );

  app.patch(
    '/api/v1/approval-templates/:id',
    {
      schema: {
        tags,
        security,
        summary:
          'Rename, change the stages of, make default, retire (active: false) or restore an approval route (organisation administrator, leader); routes under way keep their stages. Audited.',
        params: IdParams,
        body: s.UpdateTemplateBody,
        response: { 200: s.Template, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentTemplate(await updateTemplate(db, useCaseContext(request, actor), request.params.id, request.body));
    },
  );

  function action<B extends TSchema>(
    path: string,
    summary: string,
    body: B,
    run: (ctx: UseCaseContext, id: string, input: Static<B>) => Promise<unknown>,
  ) {
    app.post(
      `/api/v1/outgoing-documents/:id/${path}`,
      {
        schema: {
          tags,
          security,
          summary,
          params: IdParams,
          body,
          response: { 200: OutgoingDetail, ...commonErrors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await run(useCaseContext(request, actor), request.params.id, request.body as Static<B>);
        return presentOutgoingDetail(await getOutgoingDetail(db, actor, request.params.id));
      },
    );
  }

  action(
    'submit',
    'Submit the draft on an approval route (the author; again after it was returned — the route starts over)',
    s.SubmitBody,
    (ctx, id, b) => workflow.submitOutgoing(deps, ctx, id, b),
  );
  action(
    'approve',
    'Approve your step of the current stage; the last stage approves the document (decisionNote for a submission)',
    s.ApproveBody,
    (ctx, id, b) => workflow.approveOutgoing(deps, ctx, id, b),
  );
  action('return', 'Return the draft to its author with comments', s.ReturnBody, (ctx, id, b) =>
    workflow.returnOutgoing(deps, ctx, id, b),
  );
  action('forward', 'Hand your step to a colleague of the organisation', s.ForwardBody, (ctx, id, b) =>
    workflow.forwardOutgoing(deps, ctx, id, b),
  );
  action(
    'reject',
    'Decide against a submission (tờ trình), with the decision note (its final approver)',
    s.RejectBody,
    (ctx, id, b) => workflow.rejectOutgoing(deps, ctx, id, b),
  );
}
