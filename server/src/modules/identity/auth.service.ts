/**
 * Logging in and out, sessions, the active membership and password changes.
 * - A new random session token at every login (the cookie holds it; the database only its SHA-256).
 * - Failed logins are counted per username, whether it exists or not; after LOGIN_MAX_FAILURES the
 *   username is locked for LOGIN_LOCK_MINUTES. Messages never reveal whether a username exists.
 * - Logout revokes the session; a password change revokes every other session of the user.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { writeAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { isRole, type Actor, type Role } from '../../platform/authz.ts';
import { checkPasswordPolicy, type Config } from '../../platform/config.ts';
import type { ListenFn } from '../../platform/db/database.ts';
import type { Db, Trx } from '../../platform/db/schema.ts';
import { afterOpenTransactions } from '../../platform/db/commit-hooks.ts';
import { onWrite } from '../../platform/db/write-watch.ts';
import { AppError } from '../../platform/errors.ts';
import { hashToken, type ResolvedSession } from '../../platform/http/authn.ts';
import { vietnamDate } from '../../platform/time.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './identity.passwords.ts';
import * as repo from './identity.repository.ts';
import { SessionCache, type SessionEntry } from './session-cache.ts';

/** NOTIFY channel of the identity_auth_changed trigger (payload: the user's id). */
const AUTH_CHANGED_CHANNEL = 'identity_auth_changed';

export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface LoginResult {
  readonly token: string;
  readonly userId: string;
}

type AuthConfig = Pick<Config, 'loginMaxFailures' | 'loginLockMinutes' | 'sessionTtlHours'>;

export async function login(
  db: Db,
  config: AuthConfig,
  audit: Omit<AuditContext, 'actorUserId' | 'actorName' | 'organizationId'>,
  input: LoginInput,
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  // Two counters: per username (LOGIN_MAX_FAILURES) and per client address (ten times as many), so that
  // neither guessing one password nor spraying many usernames from one address goes unchecked.
  const counters = [
    { key: `user:${username}`, max: config.loginMaxFailures },
    ...(input.ip ? [{ key: `ip:${input.ip}`, max: config.loginMaxFailures * 10 }] : []),
  ];
  const now = new Date();
  const locks = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where(
      'key',
      'in',
      counters.map((c) => c.key),
    )
    .where('locked_until', '>', now)
    .execute();
  if (locks.length > 0) {
    const until = Math.max(...locks.map((l) => new Date(l.locked_until!).getTime()));
    throw new AppError('auth.locked', { retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) });
  }
  const user = await repo.findUserByUsername(db, username);
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  const today = vietnamDate(now);
  const memberships =
    user && passwordOk && user.status === 'active' ? await repo.findMembershipsOfUser(db, user.id, today) : [];

  if (!user || !passwordOk || user.status !== 'active' || memberships.length === 0) {
    await db.transaction().execute(async (trx) => {
      for (const counter of counters) {
        const lockedUntil = await countFailure(trx, counter.key, counter.max, config.loginLockMinutes, now);
        if (lockedUntil && user && counter.key.startsWith('user:')) {
          await writeAudit(
            trx,
            { ...audit, actorUserId: null, actorName: null, organizationId: null },
            {
              action: 'identity.login_locked',
              targetType: 'user',
              targetId: user.id,
              summary: { lockedUntil: lockedUntil.toISOString(), ip: input.ip },
            },
          );
        }
      }
    });
    throw new AppError('auth.invalid_credentials');
  }

  const membership = memberships[0]!;
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_throttle').where('key', '=', `user:${username}`).execute();
    const session = await trx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        active_membership_id: membership.id,
        csrf_token: randomBytes(32).toString('base64url'),
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        expires_at: new Date(now.getTime() + config.sessionTtlHours * 3_600_000),
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      { ...audit, actorUserId: user.id, actorName: user.full_name, organizationId: membership.organization_id },
      {
        action: 'identity.logged_in',
        targetType: 'session',
        targetId: session.id,
        summary: { ip: input.ip },
      },
    );
  });
  return { token, userId: user.id };
}

/** Counts one failed login under `key`; returns the lock end when this failure reaches `max`. */
async function countFailure(trx: Trx, key: string, max: number, lockMinutes: number, now: Date) {
  const row = await trx.selectFrom('login_throttle').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  const fresh =
    !row ||
    new Date(row.first_failure_at) < windowStart ||
    (row.locked_until !== null && new Date(row.locked_until) <= now);
  const failures = fresh ? 1 : row.failures + 1;
  const firstFailureAt = fresh ? now : row.first_failure_at;
  const lockedUntil = failures >= max ? new Date(now.getTime() + lockMinutes * 60_000) : null;
  await trx
    .insertInto('login_throttle')
    .values({ key, failures, first_failure_at: firstFailureAt, locked_until: lockedUntil })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures, first_failure_at: firstFailureAt, locked_until: lockedUntil }),
    )
    .execute();
  return lockedUntil;
}

/** How long a session's `last_seen_at` may lag behind its use. */
const LAST_SEEN_STEP_MS = 5 * 60_000;

/** Reads a session and what makes its actor (one statement); undefined when it is not live. */
async function loadSession(db: Db, tokenHash: string, today: string): Promise<SessionEntry | undefined> {
  const session = await repo.findSessionActor(db, tokenHash, today);
  if (!session) return undefined;
  const roles = new Set<Role>(session.roles.filter(isRole));
  for (const d of session.delegations) for (const r of d.roles) if (isRole(r)) roles.add(r);
  const actor: Actor = {
    userId: session.user_id,
    username: session.username,
    fullName: session.full_name,
    sessionId: session.id,
    membershipId: session.membership_id,
    organizationId: session.organization_id,
    unitId: session.unit_id,
    roles,
    delegations: session.delegations.map((d) => ({
      id: d.id,
      fromUserId: d.from_user_id,
      roles: d.roles.filter(isRole),
    })),
  };
  return {
    resolved: { actor, csrfToken: session.csrf_token },
    userId: session.user_id,
    sessionId: session.id,
    expiresAt: new Date(session.expires_at).getTime(),
    day: today,
    lastSeenAt: new Date(session.last_seen_at).getTime(),
  };
}

/** Moves `last_seen_at` when it is more than a few minutes old (not at every request). */
async function touch(db: Db, entry: SessionEntry): Promise<void> {
  const now = Date.now();
  if (now - entry.lastSeenAt <= LAST_SEEN_STEP_MS) return;
  entry.lastSeenAt = now;
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(now) })
    .where('id', '=', entry.sessionId)
    .execute();
}

/** Resolves a session cookie to the actor from the database (right after login or a switch of membership). */
export async function resolveSession(db: Db, tokenHash: string): Promise<ResolvedSession | undefined> {
  const entry = await loadSession(db, tokenHash, vietnamDate());
  if (!entry) return undefined;
  await touch(db, entry);
  return entry.resolved;
}

/** Tables whose rows make a resolved session: a write to them (but `last_seen_at`) empties the cache. */
const SESSION_TABLES = new Set(['sessions', 'users', 'memberships', 'delegations']);

export interface SessionResolverHandle {
  readonly resolve: (tokenHash: string) => Promise<ResolvedSession | undefined>;
  /** Stops listening; the cache is off afterwards. */
  close(): Promise<void>;
}

/**
 * The platform's session resolver: the database through a short cache (`session-cache.ts`) kept true by
 * this process's own writes and by NOTIFY from the others. Without `listen` (no database to listen on) or
 * with `ttlMs` 0, every request reads the database.
 */
export async function createSessionResolver(
  deps: { db: Db; listen?: ListenFn | undefined; logger?: Logger },
  options: { ttlMs: number; maxEntries?: number },
): Promise<SessionResolverHandle> {
  const { db } = deps;
  const cache = new SessionCache({ ttlMs: options.ttlMs, maxEntries: options.maxEntries ?? 20_000 });
  // The channel is trusted only while this process hears its own pings on it (a connection can die silently).
  const pingEveryMs = Math.max(1_000, Math.min(10_000, Math.floor(options.ttlMs / 3)));
  const nonce = randomBytes(8).toString('hex');
  let lastEcho = 0;
  const echoed = () => Date.now() - lastEcho <= 3 * pingEveryMs;
  let pinger: NodeJS.Timeout | undefined;
  let stopWatching: (() => void) | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  const onChange = (payload: string) => {
    if (payload.startsWith('ping:')) {
      if (payload !== `ping:${nonce}`) return;
      if (!echoed()) cache.clear(); // notifications may have been missed while the pings were not coming back
      lastEcho = Date.now();
    } else if (payload) {
      cache.forgetUser(payload);
    } else {
      cache.clear();
    }
  };
  if (deps.listen && options.ttlMs > 0) {
    stopWatching = onWrite(db, (write) => {
      if (!SESSION_TABLES.has(write.table)) return;
      if (write.kind === 'insert' && write.table === 'sessions') return; // a new session is not cached yet
      const onlyLastSeen = write.columns.length > 0 && write.columns.every((c) => c === 'last_seen_at');
      if (write.kind === 'update' && onlyLastSeen) return;
      // Maybe inside a transaction: keep nothing until every transaction open now has ended.
      cache.hold();
      if (!afterOpenTransactions(db, () => cache.release())) cache.release();
    });
    if (stopWatching) {
      try {
        unlisten = await deps.listen(AUTH_CHANGED_CHANNEL, onChange, {
          lost: () => cache.setEnabled(false),
          resumed: () => cache.setEnabled(true),
        });
        lastEcho = Date.now();
        cache.setEnabled(true);
        pinger = setInterval(() => {
          sql`SELECT pg_notify(${AUTH_CHANGED_CHANNEL}, ${`ping:${nonce}`})`.execute(db).catch(() => undefined);
        }, pingEveryMs);
        pinger.unref();
      } catch (error) {
        stopWatching();
        stopWatching = undefined;
        deps.logger?.warn({ err: error }, 'session cache off: cannot listen for changes');
      }
    }
  }
  return {
    async resolve(tokenHash) {
      const today = vietnamDate();
      const trusted = cache.enabled && echoed();
      const hit = trusted ? cache.get(tokenHash, today) : undefined;
      if (hit) {
        await touch(db, hit);
        return hit.resolved;
      }
      const generation = cache.mark();
      const entry = await loadSession(db, tokenHash, today);
      if (!entry) return undefined;
      if (trusted) cache.store(tokenHash, entry, generation);
      await touch(db, entry);
      return entry.resolved;
    },
    async close() {
      clearInterval(pinger);
      cache.setEnabled(false);
      stopWatching?.();
      await unlisten?.();
    },
  };
}

export async function logout(db: Db, actor: Actor, audit: AuditContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', actor.sessionId).execute();
    await writeAudit(trx, audit, {
      action: 'identity.logged_out',
      targetType: 'session',
      targetId: actor.sessionId,
      summary: {},
    });
  });
}

export async function switchMembership(db: Db, actor: Actor, audit: AuditContext, membershipId: string): Promise<void> {
  const memberships = await repo.findMembershipsOfUser(db, actor.userId, vietnamDate());
  const target = memberships.find((m) => m.id === membershipId);
  if (!target) throw new AppError('auth.membership_not_found');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sessions')
      .set({ active_membership_id: target.id })
      .where('id', '=', actor.sessionId)
      .execute();
    await writeAudit(
      trx,
      { ...audit, organizationId: target.organization_id },
      {
        action: 'identity.membership_switched',
        targetType: 'session',
        targetId: actor.sessionId,
        summary: { from: actor.membershipId, to: target.id },
      },
    );
  });
}

/** Checks the password policy and hashes (outside any transaction: hashing takes ~30 ms). */
export async function preparePassword(newPassword: string, username: string): Promise<string> {
  const weak = checkPasswordPolicy(newPassword, username);
  if (weak) throw new AppError('auth.weak_password', weak);
  return hashPassword(newPassword);
}

/** Stores a new password hash and revokes the user's sessions (all but `keepSessionId`). */
export async function setPasswordHash(trx: Trx, userId: string, passwordHash: string, keepSessionId: string | null) {
  await trx
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      password_changed_at: new Date(),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
  let revoke = trx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepSessionId) revoke = revoke.where('id', '<>', keepSessionId);
  const result = await revoke.executeTakeFirst();
  return { revokedSessions: Number(result.numUpdatedRows) };
}

export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  audit: AuditContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('auth.wrong_password');
  const passwordHash = await preparePassword(input.newPassword, user.username);
  await db.transaction().execute(async (trx) => {
    const { revokedSessions } = await setPasswordHash(trx, user.id, passwordHash, actor.sessionId);
    await writeAudit(trx, audit, {
      action: 'identity.password_changed',
      targetType: 'user',
      targetId: user.id,
      summary: { revokedSessions },
    });
  });
}
