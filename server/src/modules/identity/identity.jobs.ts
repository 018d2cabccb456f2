/**
 * Housekeeping of sign-in data, hourly: sessions that expired or were revoked more than a month ago (kept
 * that long so an investigation can still see them), and failed-login counters that no longer count (their
 * window has passed and they lock nothing). A stale counter holds only a username or an address.
 */
import { defineJob, type AnyJob } from '../../platform/jobs/jobs.ts';
import type { DbOrTrx } from '../../platform/db/schema.ts';

/** How long ended sessions are kept. */
export const SESSION_RETENTION_DAYS = 30;

export async function purgeSignInData(
  db: DbOrTrx,
  config: { loginLockMinutes: number },
  now: Date = new Date(),
): Promise<{ sessions: number; throttles: number }> {
  const keptSince = new Date(now.getTime() - SESSION_RETENTION_DAYS * 86_400_000);
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', keptSince), eb('revoked_at', '<', keptSince)]))
    .executeTakeFirst();
  const windowStart = new Date(now.getTime() - config.loginLockMinutes * 60_000);
  const throttles = await db
    .deleteFrom('login_throttle')
    .where('first_failure_at', '<', windowStart)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), throttles: Number(throttles.numDeletedRows) };
}

export const purgeSignInDataJob = defineJob<Record<string, never>>({
  name: 'identity.purge_sign_in_data',
  everyMinutes: 60,
  retryLimit: 2,
  handler: async (_payload, { db, config }) => {
    await purgeSignInData(db, config);
  },
});

export const identityJobs: readonly AnyJob[] = [purgeSignInDataJob];
