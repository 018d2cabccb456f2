/**
 * Live delivery: `notify` sends `pg_notify('notifications', {u, n})` in the caller's transaction, so the
 * database tells every process only after the commit. Each process listens once and hands the notification
 * to the open streams of that user, and of no one else.
 */
import type { Logger } from 'pino';
import type { ListenFn } from '../../platform/db/database.ts';
import type { Db } from '../../platform/db/schema.ts';
import { presentNotification, type NotificationView } from './notifications.presenter.ts';
import { findNotificationOfUser } from './notifications.repository.ts';

export const LIVE_CHANNEL = 'notifications';

/** The NOTIFY payload: who and which notification, nothing more (the row is read from the database). */
export function livePayload(userId: string, notificationId: string): string {
  return JSON.stringify({ u: userId, n: notificationId });
}

function parsePayload(payload: string): { userId: string; notificationId: string } | undefined {
  try {
    const value = JSON.parse(payload) as { u?: unknown; n?: unknown };
    if (typeof value.u === 'string' && typeof value.n === 'string') return { userId: value.u, notificationId: value.n };
  } catch {
    // not ours
  }
  return undefined;
}

export type LiveListener = (notification: NotificationView) => void;

export class LiveNotifications {
  private readonly byUser = new Map<string, Set<LiveListener>>();
  private listening: Promise<() => Promise<void>> | undefined;

  constructor(
    private readonly db: Db,
    private readonly listen: ListenFn,
    private readonly logger: Logger,
  ) {}

  /** Starts delivering the user's new notifications to `listener`; resolves once listening. */
  async subscribe(userId: string, listener: LiveListener): Promise<() => void> {
    await this.start();
    let set = this.byUser.get(userId);
    if (!set) {
      set = new Set();
      this.byUser.set(userId, set);
    }
    set.add(listener);
    return () => {
      const current = this.byUser.get(userId);
      current?.delete(listener);
      if (current?.size === 0) this.byUser.delete(userId);
    };
  }

  async stop(): Promise<void> {
    const listening = this.listening;
    this.listening = undefined;
    this.byUser.clear();
    if (listening) await (await listening.catch(() => async () => {}))();
  }

  private start(): Promise<unknown> {
    this.listening ??= this.listen(LIVE_CHANNEL, (payload) => void this.deliver(payload)).catch((error: unknown) => {
      this.listening = undefined;
      throw error;
    });
    return this.listening;
  }

  private async deliver(payload: string): Promise<void> {
    const parsed = parsePayload(payload);
    if (!parsed || !this.byUser.has(parsed.userId)) return;
    try {
      const row = await findNotificationOfUser(this.db, parsed.notificationId, parsed.userId);
      if (!row) return;
      const view = presentNotification(row);
      for (const listener of this.byUser.get(parsed.userId) ?? []) listener(view);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not deliver a live notification');
    }
  }
}
