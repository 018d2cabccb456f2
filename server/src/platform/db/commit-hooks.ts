/**
 * Work run as the last statements of a transaction, right before its COMMIT; and, for whoever must know when
 * writes made inside open transactions become visible, a call once those transactions have ended.
 *
 * Why: a row every writer locks (the audit chain's head) serialises all write transactions for as long as
 * it is held, and a row lock is held until COMMIT. Locked where a use case records its change, it would be
 * held across the rest of the business transaction (numbering, inserts, job enqueueing, rendering); locked
 * in a hook, only across the append itself and the commit.
 */
import type { Kysely, TransactionBuilder } from 'kysely';
import type { Database, Trx } from './schema.ts';

type Hook = () => Promise<void>;

const hooksOf = new WeakMap<Trx, Hook[]>();

/**
 * Runs `hook` after the transaction's callback has returned, just before it commits (hooks in the order they
 * were added; a hook that throws rolls the transaction back). Returns false when the transaction does not
 * run hooks (opened some other way than `db.transaction()` of `openDatabase`): the caller must do the work now.
 */
export function beforeCommit(trx: Trx, hook: Hook): boolean {
  const hooks = hooksOf.get(trx);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}

/** The transactions of one database instance still open, and who waits for them to end. */
class OpenTransactions {
  private readonly open = new Set<object>();
  private readonly waiters: { pending: Set<object>; done: () => void }[] = [];

  begin(): object {
    const token = {};
    this.open.add(token);
    return token;
  }

  end(token: object): void {
    this.open.delete(token);
    for (const waiter of [...this.waiters]) {
      waiter.pending.delete(token);
      if (waiter.pending.size === 0) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.done();
      }
    }
  }

  afterOpen(done: () => void): void {
    if (this.open.size === 0) return done();
    this.waiters.push({ pending: new Set(this.open), done });
  }
}

const openOf = new WeakMap<object, OpenTransactions>();

/**
 * Calls `done` once every transaction of `db` open right now has ended (committed or rolled back), at once if
 * none is; returns false when `db` does not track its transactions (not from `openDatabase`).
 */
export function afterOpenTransactions(db: object, done: () => void): boolean {
  const open = openOf.get(db);
  if (!open) return false;
  open.afterOpen(done);
  return true;
}

/** Makes every `db.transaction()` of this Kysely instance run its `beforeCommit` hooks. */
export function runCommitHooks(db: Kysely<Database>): Kysely<Database> {
  const open = new OpenTransactions();
  openOf.set(db, open);
  const transaction = db.transaction.bind(db);
  db.transaction = () => withHooks(transaction(), open);
  return db;
}

function withHooks(builder: TransactionBuilder<Database>, open: OpenTransactions): TransactionBuilder<Database> {
  const { execute, setAccessMode, setIsolationLevel } = builder;
  return Object.assign(builder, {
    setAccessMode: (mode: Parameters<typeof setAccessMode>[0]) => withHooks(setAccessMode.call(builder, mode), open),
    setIsolationLevel: (level: Parameters<typeof setIsolationLevel>[0]) =>
      withHooks(setIsolationLevel.call(builder, level), open),
    execute: async <T>(callback: (trx: Trx) => Promise<T>): Promise<T> => {
      const token = open.begin();
      try {
        return await execute.call<TransactionBuilder<Database>, [(trx: Trx) => Promise<T>], Promise<T>>(
          builder,
          async (trx) => {
            const hooks: Hook[] = [];
            hooksOf.set(trx, hooks);
            const result = await callback(trx);
            // Hooks added while the hooks run (by a hook) run too.
            for (let hook = hooks.shift(); hook; hook = hooks.shift()) await hook();
            hooksOf.delete(trx);
            return result;
          },
        );
      } finally {
        open.end(token);
      }
    },
  });
}
