/** All SQL of the notifications module. Every read and write is scoped to one user's own notifications. */
import { sql, type Insertable, type SqlBool } from 'kysely';
import type { DbOrTrx, Trx } from '../../platform/db/schema.ts';
import type { NotificationsTable } from './notifications.tables.ts';

export async function insertNotifications(trx: Trx, rows: readonly Insertable<NotificationsTable>[]) {
  return trx
    .insertInto('notifications')
    .values([...rows])
    .returning(['id', 'user_id'])
    .execute();
}

export async function findNotificationOfUser(db: DbOrTrx, id: string, userId: string) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function findNotificationById(db: DbOrTrx, id: string) {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first; `before` is the id of the last notification of the previous page. */
export async function findNotificationsOfUser(
  db: DbOrTrx,
  userId: string,
  options: { unreadOnly: boolean; limit: number; before?: string | undefined },
) {
  let query = db.selectFrom('notifications as n').selectAll('n').where('n.user_id', '=', userId);
  if (options.unreadOnly) query = query.where('n.read_at', 'is', null);
  if (options.before) {
    // Keyset on (created_at, id): notifications of one transaction share created_at.
    query = query.where(
      sql<SqlBool>`(n.created_at, n.id) < (SELECT b.created_at, b.id FROM notifications b WHERE b.id = ${options.before} AND b.user_id = ${userId})`,
    );
  }
  return query.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(options.limit).execute();
}

export async function countUnread(db: DbOrTrx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one as read (keeping the first reading time); undefined if it is not the user's. */
export async function markRead(db: DbOrTrx, id: string, userId: string) {
  return db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(db: DbOrTrx, userId: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Asks the database to tell listeners of `channel` about each payload when the transaction commits. */
export async function notifyChannel(trx: Trx, channel: string, payloads: readonly string[]): Promise<void> {
  if (payloads.length === 0) return;
  await sql`SELECT pg_notify(${channel}, p) FROM unnest(${[...payloads]}::text[]) AS p`.execute(trx);
}
