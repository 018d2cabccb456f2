/** Routes /api/v1: roles, people, memberships, delegations and the colleague directory. */
import { ROLE_LABELS, ROLES } from '../../platform/authz.ts';
import { useCaseContext, type AppDeps } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/authn.ts';
import { commonErrors, Obj, Ok, Uuid } from '../../platform/http/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { vietnamDate } from '../../platform/time.ts';
import { authRoutes } from './auth.routes.ts';
import { presentDelegation, presentMembership, presentUser } from './identity.presenter.ts';
import * as s from './identity.schemas.ts';
import * as service from './identity.service.ts';
import * as repo from './identity.repository.ts';

const security = [{ session: [] }];
const IdParams = Obj({ id: Uuid });

export async function identityRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  await authRoutes(app, deps);
  const { db } = deps;
  app.get(
    '/api/v1/roles',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'The roles and their names',
        response: { 200: s.RoleList, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: ROLES.map((code) => ({ code, ...ROLE_LABELS[code] })) };
    },
  );

  app.get(
    '/api/v1/people',
    {
      schema: {
        tags: ['people'],
        security,
        summary:
          'Colleagues: people with a membership in force in your active organisation (for choosing a delegate, an assignee)',
        querystring: s.PeopleQuery,
        response: { 200: s.PeopleList, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await repo.findColleagues(
        db,
        actor.organizationId,
        vietnamDate(),
        request.query.q,
        request.query.limit ?? 50,
        { unitId: request.query.unitId, role: request.query.role },
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          fullName: r.full_name,
          username: r.username,
          unitId: r.unit_id,
          unitName: r.unit_name,
          positionName: r.position_name,
          roles: r.roles,
        })),
      };
    },
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'People in the organisations you administer',
        querystring: s.UserQuery,
        response: { 200: s.UserList, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const { rows, total } = await service.listUsers(db, useCaseContext(request, actor), {
        ...(q.organizationId ? { organizationId: q.organizationId } : {}),
        ...(q.q ? { q: q.q } : {}),
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      return { items: rows.map(presentUser), total };
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'One person with memberships',
        params: IdParams,
        response: { 200: s.UserDetail, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const user = await service.getVisibleUser(db, useCaseContext(request, actor), request.params.id);
      const memberships = await repo.findMembershipsOfUser(db, user.id);
      return { ...presentUser(user), memberships: memberships.map(presentMembership) };
    },
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'Create a person with a first membership',
        body: s.CreateUserBody,
        response: { 201: s.User, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const b = request.body;
      const user = await service.createUser(db, useCaseContext(request, actor), {
        username: b.username,
        fullName: b.fullName,
        email: b.email ?? null,
        password: b.password,
        membership: {
          organizationId: b.membership.organizationId,
          unitId: b.membership.unitId ?? null,
          positionId: b.membership.positionId ?? null,
          roles: b.membership.roles,
          validFrom: b.membership.validFrom ?? vietnamDate(),
          validTo: b.membership.validTo ?? null,
          isPrimary: true,
        },
      });
      return reply.status(201).send(presentUser(user));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'Change a person (name, e-mail, active/disabled)',
        params: IdParams,
        body: s.UpdateUserBody,
        response: { 200: s.User, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { version, ...patch } = request.body;
      return presentUser(
        await service.updateUser(db, useCaseContext(request, actor), request.params.id, version, patch),
      );
    },
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags: ['people'],
        security,
        summary: "Set a person's password (administrator); their sessions end",
        params: IdParams,
        body: s.ResetPasswordBody,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.resetPassword(db, useCaseContext(request, actor), request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/users/:id/memberships',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'Add a membership (organisation, unit, position, roles)',
        params: IdParams,
        body: s.AddMembershipBody,
        response: { 201: s.Membership, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const b = request.body;
      const row = await service.addMembership(db, useCaseContext(request, actor), request.params.id, {
        organizationId: b.organizationId,
        unitId: b.unitId ?? null,
        positionId: b.positionId ?? null,
        roles: b.roles,
        validFrom: b.validFrom ?? vietnamDate(),
        validTo: b.validTo ?? null,
        isPrimary: b.isPrimary ?? false,
      });
      const full = (await repo.findMembershipsOfUser(db, request.params.id)).find((m) => m.id === row.id)!;
      return reply.status(201).send(presentMembership(full));
    },
  );

  app.patch(
    '/api/v1/memberships/:id',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'Change a membership, or end it with validTo',
        params: IdParams,
        body: s.UpdateMembershipBody,
        response: { 200: s.Membership, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { version, ...patch } = request.body;
      const row = await service.updateMembership(db, useCaseContext(request, actor), request.params.id, version, patch);
      const full = (await repo.findMembershipsOfUser(db, row.user_id)).find((m) => m.id === row.id)!;
      return presentMembership(full);
    },
  );

  app.get(
    '/api/v1/delegations',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'Delegations (ủy quyền) you give, receive or administer',
        response: { 200: s.DelegationList, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: (await service.listDelegations(db, useCaseContext(request, actor))).map(presentDelegation) };
    },
  );

  app.post(
    '/api/v1/delegations',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'Delegate roles to a colleague for a date range',
        body: s.CreateDelegationBody,
        response: { 201: s.Delegation, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const b = request.body;
      const row = await service.createDelegation(db, useCaseContext(request, actor), {
        ...(b.fromUserId ? { fromUserId: b.fromUserId } : {}),
        toUserId: b.toUserId,
        roles: b.roles,
        validFrom: b.validFrom,
        validTo: b.validTo,
        reason: b.reason,
      });
      const listed = (await service.listDelegations(db, useCaseContext(request, actor))).find((d) => d.id === row.id)!;
      return reply.status(201).send(presentDelegation(listed));
    },
  );

  app.post(
    '/api/v1/delegations/:id/revoke',
    {
      schema: {
        tags: ['people'],
        security,
        summary: 'End a delegation now',
        params: IdParams,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.revokeDelegation(db, useCaseContext(request, actor), request.params.id);
      return { ok: true as const };
    },
  );
}
