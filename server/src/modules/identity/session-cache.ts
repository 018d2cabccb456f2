/**
 * Resolved sessions kept in memory for a few seconds, so that a request does not query the database only to
 * learn again who sent it.
 *
 * Never trusted beyond what keeps it true:
 * - a write of this process to sessions, users, memberships or delegations empties it at once (write watch),
 *   and every process forgets a user's sessions when NOTIFY `identity_auth_changed` (a trigger on the same
 *   tables, sent at commit) arrives;
 * - it is used only while that notification channel is up: not before listening starts, not while the
 *   listener's connection is lost (emptied when it comes back);
 * - an entry lives at most `ttlMs`, never past its session's expiry, and not past the day it was read (a
 *   membership or delegation starts and ends on a date);
 * - a lookup that started before something was forgotten does not store what it read (a generation count).
 */
import type { ResolvedSession } from '../../platform/http/authn.ts';

export interface SessionEntry {
  readonly resolved: ResolvedSession;
  readonly userId: string;
  readonly sessionId: string;
  /** When the session itself expires (ms since the epoch). */
  readonly expiresAt: number;
  /** The Vietnamese calendar date it was resolved for. */
  readonly day: string;
  /** The session's last_seen_at as last written (ms); moved when the resolver writes it again. */
  lastSeenAt: number;
}

interface Stored {
  /** The resolver's own object: a `lastSeenAt` it moves stays moved. */
  readonly entry: SessionEntry;
  readonly storedAt: number;
}

export interface SessionCacheOptions {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly now?: () => number;
}

export class SessionCache {
  private readonly entries = new Map<string, Stored>();
  private readonly byUser = new Map<string, Set<string>>();
  private generation = 0;
  private usable = false;
  /** Writes of this process not yet committed: nothing read meanwhile is kept. */
  private held = 0;
  private readonly now: () => number;

  constructor(private readonly options: SessionCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether entries are served and stored (the notification channel is up). */
  get enabled(): boolean {
    return this.usable;
  }

  /** Turns the cache on (listening) or off (lost); either way it starts empty. */
  setEnabled(on: boolean): void {
    this.clear();
    this.usable = on;
  }

  /** The entry for a token, if still good for `day`. */
  get(tokenHash: string, day: string): SessionEntry | undefined {
    if (!this.usable) return undefined;
    const stored = this.entries.get(tokenHash);
    if (!stored) return undefined;
    const { entry } = stored;
    const now = this.now();
    if (now - stored.storedAt >= this.options.ttlMs || now >= entry.expiresAt || entry.day !== day) {
      this.remove(tokenHash, entry.userId);
      return undefined;
    }
    return entry;
  }

  /** To pass to `store`: what the cache has forgotten so far. */
  mark(): number {
    return this.generation;
  }

  /** Keeps an entry read after `mark` returned `generation`, unless something was forgotten since. */
  store(tokenHash: string, entry: SessionEntry, generation: number): void {
    if (!this.usable || this.held > 0 || generation !== this.generation) return;
    if (this.entries.size >= this.options.maxEntries) {
      // The oldest one first (a Map keeps insertion order).
      const [oldest, value] = this.entries.entries().next().value as [string, Stored];
      this.remove(oldest, value.entry.userId);
    }
    this.entries.set(tokenHash, { entry, storedAt: this.now() });
    let tokens = this.byUser.get(entry.userId);
    if (!tokens) this.byUser.set(entry.userId, (tokens = new Set()));
    tokens.add(tokenHash);
  }

  /**
   * This process wrote something a session is made of, maybe inside a transaction not yet committed: forget
   * everything and keep nothing until `release` (called once that transaction has ended), since a lookup
   * meanwhile still reads the rows as they were.
   */
  hold(): void {
    this.held++;
    this.clear();
  }

  release(): void {
    this.held = Math.max(0, this.held - 1);
    this.clear();
  }

  /** Forgets every session of one user. */
  forgetUser(userId: string): void {
    this.generation++;
    for (const tokenHash of this.byUser.get(userId) ?? []) this.entries.delete(tokenHash);
    this.byUser.delete(userId);
  }

  /** Forgets everything. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.byUser.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(tokenHash: string, userId: string): void {
    this.entries.delete(tokenHash);
    const tokens = this.byUser.get(userId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.byUser.delete(userId);
  }
}
