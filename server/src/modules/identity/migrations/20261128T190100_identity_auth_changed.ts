import { sql, type Kysely } from 'kysely';

/**
 * Every change that can alter what a session resolves to (the session revoked, expired or switched, the user
 * disabled or renamed, a membership or a delegation added, changed or removed) sends NOTIFY
 * `identity_auth_changed` with the user's id (both users' when a row moves from one to another) when it
 * commits, so every server process forgets its cached copy of that user's sessions. A session's
 * `last_seen_at` alone sends nothing. (Payloads `ping:<nonce>` are each process's own checks of the channel.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION identity_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('identity_auth_changed', to_jsonb(OLD) ->> TG_ARGV[0]);
      END IF;
      IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (to_jsonb(NEW) ->> TG_ARGV[0]) <> (to_jsonb(OLD) ->> TG_ARGV[0])) THEN
        PERFORM pg_notify('identity_auth_changed', to_jsonb(NEW) ->> TG_ARGV[0]);
      END IF;
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER sessions_auth_changed
    AFTER UPDATE OF user_id, token_hash, csrf_token, active_membership_id, expires_at, revoked_at OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION identity_auth_changed('user_id')
  `.execute(db);
  await sql`
    CREATE TRIGGER users_auth_changed AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION identity_auth_changed('id')
  `.execute(db);
  await sql`
    CREATE TRIGGER memberships_auth_changed AFTER INSERT OR UPDATE OR DELETE ON memberships
    FOR EACH ROW EXECUTE FUNCTION identity_auth_changed('user_id')
  `.execute(db);
  await sql`
    CREATE TRIGGER delegations_auth_changed AFTER INSERT OR UPDATE OR DELETE ON delegations
    FOR EACH ROW EXECUTE FUNCTION identity_auth_changed('to_user_id')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['delegations', 'memberships', 'users', 'sessions']) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_auth_changed`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION identity_auth_changed()`.execute(db);
}
