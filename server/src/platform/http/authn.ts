/**
 * Authentication at the HTTP edge: the session cookie (httpOnly, SameSite=Lax, Secure behind HTTPS) is
 * resolved to an Actor by the identity module, and every state-changing request of a session must carry
 * the session's CSRF token in `X-CSRF-Token` (synchroniser token). Requests without a session can change
 * nothing but log in, and only with a JSON body, which a cross-site form cannot send.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../authz.ts';
import { AppError } from '../errors.ts';
import type { HttpServer } from './server.ts';

export const SESSION_COOKIE = 'edugov_session';

export interface ResolvedSession {
  readonly actor: Actor;
  readonly csrfToken: string;
}

export type SessionResolver = (tokenHash: string) => Promise<ResolvedSession | undefined>;

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | undefined;
  }
  interface FastifyContextConfig {
    /** false on the few routes that a request without a session may call (login). */
    csrf?: boolean;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAuthn(app: HttpServer, resolve: SessionResolver): void {
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && /^[A-Za-z0-9_-]{20,100}$/.test(token)) {
      request.session = await resolve(hashToken(token));
    }
  });
  app.addHook('preValidation', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.routeOptions.config.csrf === false) return;
    const session = request.session;
    if (!session) return; // the route's authentication answers 401
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) throw new AppError('auth.csrf');
  });
}

/** The authenticated actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('auth.unauthenticated');
  return request.session.actor;
}

export interface CookieSettings {
  readonly secure: boolean;
  readonly maxAgeSeconds: number;
}

/** Secure when configured, and always when the request came over HTTPS (with TRUST_PROXY, X-Forwarded-Proto). */
const secureFor = (reply: FastifyReply, settings: CookieSettings) =>
  settings.secure || reply.request.protocol === 'https';

export function setSessionCookie(reply: FastifyReply, token: string, settings: CookieSettings): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureFor(reply, settings),
    maxAge: settings.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: CookieSettings): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureFor(reply, settings) });
}
