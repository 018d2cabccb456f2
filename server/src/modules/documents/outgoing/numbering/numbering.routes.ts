/** Routes of outgoing numbers: /api/v1/issued-numbers and the clerk's /api/v1/registers/:id/issue-number. */
import { useCaseContext, type AppDeps } from '../../../../platform/context.ts';
import { requireActor } from '../../../../platform/http/authn.ts';
import { commonErrors, Obj, Type, Uuid } from '../../../../platform/http/schema.ts';
import type { HttpServer } from '../../../../platform/http/server.ts';
import { presentIssuedNumber } from './numbering.presenter.ts';
import { CancelNumberBody, IssuedNumber, IssuedNumberQuery, IssueNumberBody } from './numbering.schemas.ts';
import * as service from './numbering.service.ts';

const security = [{ session: [] }];
const tags = ['outgoing numbering'];

export async function numberingRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { db } = deps;
  app.get(
    '/api/v1/issued-numbers',
    {
      schema: {
        tags,
        security,
        summary: 'Numbers given to outgoing documents, with their status (clerk, leader, organisation administrator)',
        querystring: IssuedNumberQuery,
        response: { 200: Obj({ items: Type.Array(IssuedNumber), total: Type.Integer() }), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const { rows, total } = await service.listIssuedNumbers(db, useCaseContext(request, actor), {
        registerId: q.registerId,
        year: q.year,
        status: q.status,
        limit: q.limit ?? 200,
        offset: q.offset ?? 0,
      });
      return { items: rows.map(presentIssuedNumber), total };
    },
  );
  app.post(
    '/api/v1/issued-numbers/:id/cancel',
    {
      schema: {
        tags,
        security,
        summary: 'Record a number as cancelled (clerk): it stays in the book and is never given again',
        params: Obj({ id: Uuid }),
        body: CancelNumberBody,
        response: { 200: IssuedNumber, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await service.cancelIssuedNumber(db, useCaseContext(request, actor), request.params.id, request.body);
      return presentIssuedNumber(row);
    },
  );
  app.post(
    '/api/v1/registers/:id/issue-number',
    {
      schema: {
        tags,
        security,
        summary:
          'Give the next number of an outgoing register to a document signed outside the system, e.g. on paper (clerk)',
        params: Obj({ id: Uuid }),
        body: IssueNumberBody,
        response: { 201: IssuedNumber, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await service.issuePaperNumber(db, useCaseContext(request, actor), request.params.id, request.body);
      reply.code(201);
      return presentIssuedNumber(row);
    },
  );
}
