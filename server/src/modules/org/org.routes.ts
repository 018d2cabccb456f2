/** HTTP routes of the org module: schema → authenticate → authorise (in the use case) → one call → presenter. */
import type { AppDeps } from '../../platform/context.ts';
import { useCaseContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/authn.ts';
import { commonErrors } from '../../platform/http/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import * as s from './org.schemas.ts';
import { presentOrganizations, presentPosition, presentUnit } from './org.presenter.ts';
import * as service from './org.service.ts';
import { setOrganizationViaAxis } from './org.axis.ts';
import * as repo from './org.repository.ts';

const tags = ['organizations'];
const security = [{ session: [] }];

export async function orgRoutes(app: HttpServer, { db }: AppDeps): Promise<void> {
  app.get(
    '/api/v1/organizations',
    {
      schema: {
        tags,
        security,
        summary: 'Organisations in force at a date (default: all dates), with predecessors and successors',
        querystring: s.OrganizationQuery,
        response: { 200: s.OrganizationList, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      const q = request.query;
      const data = await service.listOrganizations(db, {
        kind: q.kind,
        at: q.at,
        parentId: q.parentId,
        q: q.q,
        includeExternal: q.includeExternal,
        limit: q.limit ?? 500,
        offset: q.offset ?? 0,
      });
      return { items: presentOrganizations(data), total: data.total };
    },
  );

  app.get(
    '/api/v1/organizations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One organisation',
        params: s.IdParams,
        response: { 200: s.Organization, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      const data = await service.getOrganizationDetail(db, request.params.id);
      return presentOrganizations(data)[0]!;
    },
  );

  app.post(
    '/api/v1/organizations',
    {
      schema: {
        tags,
        security,
        summary: 'Record an organisation (system administrator)',
        body: s.CreateOrganizationBody,
        response: { 201: s.Organization, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const b = request.body;
      const row = await service.createOrganization(db, useCaseContext(request, actor), {
        identifier: b.identifier,
        name: b.name,
        shortName: b.shortName,
        abbreviation: b.abbreviation,
        kind: b.kind,
        parentId: b.parentId,
        validFrom: b.validFrom,
        validTo: b.validTo ?? null,
        note: b.note ?? null,
      });
      const data = await service.getOrganizationDetail(db, row.id);
      return reply.status(201).send(presentOrganizations(data)[0]!);
    },
  );

  app.patch(
    '/api/v1/organizations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change an organisation (system administrator); `version` guards against lost updates',
        params: s.IdParams,
        body: s.UpdateOrganizationBody,
        response: { 200: s.Organization, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { version, ...patch } = request.body;
      await service.updateOrganization(db, useCaseContext(request, actor), request.params.id, version, patch);
      return presentOrganizations(await service.getOrganizationDetail(db, request.params.id))[0]!;
    },
  );

  app.patch(
    '/api/v1/organizations/:id/via-axis',
    {
      schema: {
        tags,
        security,
        summary:
          'Say whether an organisation is reached through the interchange axis (system administrator): one hosted on another EduGov deployment',
        params: s.IdParams,
        body: s.ViaAxisBody,
        response: { 200: s.Organization, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await setOrganizationViaAxis(db, useCaseContext(request, actor), request.params.id, request.body);
      return presentOrganizations(await service.getOrganizationDetail(db, request.params.id))[0]!;
    },
  );

  app.post(
    '/api/v1/organizations/reorganizations',
    {
      schema: {
        tags,
        security,
        summary: 'Record a merger or a split on a date, past or future (system administrator)',
        body: s.ReorganizationBody,
        response: { 201: s.OrganizationList, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const successors = await service.reorganize(db, useCaseContext(request, actor), request.body);
      const items = [];
      for (const row of successors) {
        items.push(...presentOrganizations(await service.getOrganizationDetail(db, row.id)));
      }
      return reply.status(201).send({ items, total: items.length });
    },
  );

  app.get(
    '/api/v1/organizations/:id/units',
    {
      schema: {
        tags,
        security,
        summary: 'Units (Văn phòng, Vụ, Cục, phòng) of an organisation, optionally those in force at a date',
        params: s.IdParams,
        querystring: s.AtQuery,
        response: { 200: s.UnitList, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      await service.getOrganizationById(db, request.params.id);
      const rows = await repo.findUnits(db, request.params.id, request.query.at);
      return { items: rows.map(presentUnit) };
    },
  );

  app.post(
    '/api/v1/organizations/:id/units',
    {
      schema: {
        tags,
        security,
        summary: 'Add a unit (system or organisation administrator)',
        params: s.IdParams,
        body: s.CreateUnitBody,
        response: { 201: s.Unit, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const b = request.body;
      const row = await service.createUnit(db, useCaseContext(request, actor), request.params.id, {
        name: b.name,
        abbreviation: b.abbreviation,
        kind: b.kind,
        parentUnitId: b.parentUnitId ?? null,
        identifier: b.identifier ?? null,
        validFrom: b.validFrom,
        validTo: b.validTo ?? null,
      });
      return reply.status(201).send(presentUnit(row));
    },
  );

  app.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change a unit, or close it by setting validTo',
        params: s.IdParams,
        body: s.UpdateUnitBody,
        response: { 200: s.Unit, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { version, ...patch } = request.body;
      return presentUnit(
        await service.updateUnit(db, useCaseContext(request, actor), request.params.id, version, patch),
      );
    },
  );

  app.get(
    '/api/v1/organizations/:id/positions',
    {
      schema: {
        tags,
        security,
        summary: 'Positions (chức vụ) of an organisation',
        params: s.IdParams,
        response: { 200: s.PositionList, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      await service.getOrganizationById(db, request.params.id);
      return { items: (await repo.findPositions(db, request.params.id)).map(presentPosition) };
    },
  );

  app.post(
    '/api/v1/organizations/:id/positions',
    {
      schema: {
        tags,
        security,
        summary: 'Add a position (system or organisation administrator)',
        params: s.IdParams,
        body: s.CreatePositionBody,
        response: { 201: s.Position, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await service.createPosition(db, useCaseContext(request, actor), request.params.id, {
        name: request.body.name,
        rank: request.body.rank ?? 100,
      });
      return reply.status(201).send(presentPosition(row));
    },
  );
}
