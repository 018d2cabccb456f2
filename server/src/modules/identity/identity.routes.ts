/** Routes: /api/auth/* (login, logout, me, membership switch, password) and /api/v1 people administration. */
import { ROLE_LABELS, ROLES } from '../../platform/authz.ts';
import { useCaseContext, type AppDeps } from '../../platform/context.ts';
import {
  clearSessionCookie,
  hashToken,
  requireActor,
  SESSION_COOKIE,
  setSessionCookie,
} from '../../platform/http/authn.ts';
import { commonErrors, ErrorResponse, Obj, Ok, Uuid } from '../../platform/http/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { vietnamDate } from '../../platform/time.ts';
import type { FastifyRequest } from 'fastify';
import * as auth from './auth.service.ts';
import { presentDelegation, presentMembership, presentUser } from './identity.presenter.ts';
import * as s from './identity.schemas.ts';
import * as service from './identity.service.ts';
import * as repo from './identity.repository.ts';

const security = [{ session: [] }];
const IdParams = Obj({ id: Uuid });

export async function identityRoutes(app: HttpServer, { db, config }: AppDeps): Promise<void> {
  const cookieSettings = { secure: config.cookieSecure, maxAgeSeconds: config.sessionTtlHours * 3600 };

  async function meOf(request: FastifyRequest) {
    const session = request.session!;
    const a = session.actor;
    const memberships = await repo.findMembershipsOfUser(db, a.userId, vietnamDate());
    return {
      user: { id: a.userId, username: a.username, fullName: a.fullName },
      activeMembershipId: a.membershipId,
      organizationId: a.organizationId,
      roles: [...a.roles],
      memberships: memberships.map(presentMembership),
      delegatedRoles: a.delegations.map((d) => ({ delegationId: d.id, fromUserId: d.fromUserId, roles: [...d.roles] })),
      csrfToken: session.csrfToken,
    };
  }

  app.post(
    '/api/auth/login',
    {
      config: { csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password; sets the session cookie',
        body: s.LoginBody,
        response: { 200: s.Me, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await auth.login(
        db,
        config,
        { requestId: request.id },
        {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
      );
      setSessionCookie(reply, result.token, cookieSettings);
      request.session = await auth.resolveSession(db, hashToken(result.token));
      return meOf(request);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        security,
        summary: 'Log out: the session is revoked',
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await auth.logout(db, actor, useCaseContext(request, actor).audit);
      clearSessionCookie(reply, cookieSettings);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        security,
        summary: 'The signed-in user, memberships, roles and CSRF token',
        response: { 200: s.Me, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return meOf(request);
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, or null when nobody is signed in (always 200: for the web app at start)',
        response: { 200: s.SessionState },
      },
    },
    async (request) => ({ me: request.session ? await meOf(request) : null }),
  );

  app.post(
    '/api/auth/active-membership',
    {
      schema: {
        tags: ['auth'],
        security,
        summary: 'Switch the organisation/membership this session acts in',
        body: s.SwitchMembershipBody,
        response: { 200: s.Me, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await auth.switchMembership(db, actor, useCaseContext(request, actor).audit, request.body.membershipId);
      request.session = await auth.resolveSession(db, hashToken(request.cookies[SESSION_COOKIE]!));
      return meOf(request);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        security,
        summary: 'Change your password; every other session of yours ends',
        body: s.ChangePasswordBody,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await auth.changeOwnPassword(db, actor, useCaseContext(request, actor).audit, request.body);
      return { ok: true as const };
    },
  );

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
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          fullName: r.full_name,
          username: r.username,
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
