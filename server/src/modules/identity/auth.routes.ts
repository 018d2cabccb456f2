/** Routes /api/auth/*: login, logout, session, me, membership switch, password change. */
import { useCaseContext, type AppDeps } from '../../platform/context.ts';
import {
  clearSessionCookie,
  hashToken,
  requireActor,
  SESSION_COOKIE,
  setSessionCookie,
} from '../../platform/http/authn.ts';
import { commonErrors, ErrorResponse, Ok } from '../../platform/http/schema.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { vietnamDate } from '../../platform/time.ts';
import type { FastifyRequest } from 'fastify';
import * as auth from './auth.service.ts';
import { presentMembership } from './identity.presenter.ts';
import * as s from './identity.schemas.ts';
import * as repo from './identity.repository.ts';

const security = [{ session: [] }];

export async function authRoutes(app: HttpServer, { db, config }: AppDeps): Promise<void> {
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
}
