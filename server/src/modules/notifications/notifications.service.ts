/** Use cases: notify people (called by other modules inside their transaction), and read one's own notices. */
import type { Actor } from '../../platform/authz.ts';
import type { Db, Trx } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobQueue } from '../../platform/jobs/jobs.ts';
import { nfc } from '../../platform/text.ts';
import { findUserEmails } from '../identity/index.ts';
import { LIVE_CHANNEL, livePayload } from './notifications.live.ts';
import { sendEmailJob } from './notifications.mail.ts';
import * as repo from './notifications.repository.ts';

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** One notice to one person. */
export interface Notice {
  readonly userId: string;
  /** The organisation the notice is about (the recipient's organisation in that matter). */
  readonly organizationId: string;
  /** `module.event`, e.g. `incoming.assigned`. */
  readonly kind: string;
  readonly title: Bilingual;
  readonly body?: Bilingual;
  /** App-relative path, e.g. `/e-office/incoming/<id>`. */
  readonly link: string;
  /** Also send an e-mail (when e-mail is on and the person has an address). Default true. */
  readonly email?: boolean;
}

const KIND = /^[a-z_]+(\.[a-z_]+)+$/;

/**
 * Records the notices inside the caller's transaction `trx`. Only if it commits: the rows exist, one e-mail
 * job per notice is delivered, and open streams of each recipient receive it live. Returns the new ids.
 */
export async function notify(trx: Trx, jobs: JobQueue, notices: readonly Notice[]): Promise<string[]> {
  if (notices.length === 0) return [];
  for (const n of notices) {
    if (!KIND.test(n.kind)) throw new Error(`Notification kind must be module.event: ${n.kind}`);
    if (!n.link.startsWith('/') || n.link.startsWith('//')) throw new Error(`Notification link must be app-relative`);
  }
  const rows = await repo.insertNotifications(
    trx,
    notices.map((n) => ({
      user_id: n.userId,
      organization_id: n.organizationId,
      kind: n.kind,
      title_vi: nfc(n.title.vi),
      title_en: nfc(n.title.en),
      body_vi: n.body ? nfc(n.body.vi) : null,
      body_en: n.body ? nfc(n.body.en) : null,
      link: n.link,
    })),
  );
  // RETURNING keeps the order of VALUES.
  const created = rows.map((row, i) => ({ ...row, notice: notices[i]! }));

  if (jobs.isEnabled(sendEmailJob)) {
    const wanted = created.filter((c) => c.notice.email !== false);
    const emails = await findUserEmails(
      trx,
      wanted.map((c) => c.user_id),
    );
    for (const c of wanted) {
      if (emails.has(c.user_id)) await jobs.enqueue(trx, sendEmailJob, { notificationId: c.id });
    }
  }
  await repo.notifyChannel(
    trx,
    LIVE_CHANNEL,
    created.map((c) => livePayload(c.user_id, c.id)),
  );
  return created.map((c) => c.id);
}

export async function listNotifications(
  db: Db,
  actor: Actor,
  query: { unreadOnly: boolean; limit: number; before?: string | undefined },
) {
  const rows = await repo.findNotificationsOfUser(db, actor.userId, query);
  return { rows, nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
}

export function countUnread(db: Db, actor: Actor): Promise<number> {
  return repo.countUnread(db, actor.userId);
}

/** Marks one of the actor's own notifications read; another person's is "not found". */
export async function readNotification(db: Db, actor: Actor, id: string) {
  const row = await repo.markRead(db, id, actor.userId);
  if (!row) throw new AppError('record.not_found');
  return row;
}

export function readAllNotifications(db: Db, actor: Actor): Promise<number> {
  return repo.markAllRead(db, actor.userId);
}
