/** All SQL of the identity module. */
import { sql, type SqlBool } from 'kysely';
import type { Role } from '../../platform/authz.ts';
import type { DbOrTrx } from '../../platform/db/schema.ts';
import { escapeLike, vietnameseOrder } from '../../platform/text.ts';

const inForce = (today: string) =>
  sql<SqlBool>`valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to >= ${today}::date)`;

export async function findUserByUsername(db: DbOrTrx, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: DbOrTrx, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The e-mail address of each active person among `ids` who has one (for notification e-mails). */
export async function findUserEmails(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', 'in', [...new Set(ids)])
    .where('status', '=', 'active')
    .where('email', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.email!]));
}

export async function findMembershipsOfUser(db: DbOrTrx, userId: string, today?: string) {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .leftJoin('units as u', 'u.id', 'm.unit_id')
    .leftJoin('positions as p', 'p.id', 'm.position_id')
    .select([
      'm.id',
      'm.user_id',
      'm.organization_id',
      'm.unit_id',
      'm.position_id',
      'm.roles',
      'm.is_primary',
      'm.valid_from',
      'm.valid_to',
      'm.version',
      'o.name as organization_name',
      'o.short_name as organization_short_name',
      'u.name as unit_name',
      'p.name as position_name',
    ])
    .where('m.user_id', '=', userId);
  if (today)
    q = q.where(sql<SqlBool>`m.valid_from <= ${today}::date AND (m.valid_to IS NULL OR m.valid_to >= ${today}::date)`);
  return q.orderBy('m.is_primary', 'desc').orderBy('o.name').execute();
}

export async function findMembershipById(db: DbOrTrx, id: string) {
  return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A live session with what makes its actor, in one statement (it runs on every request): the user, the
 * membership it acts in (the session's active one if still in force, else the first as
 * `findMembershipsOfUser` orders them) and the delegations to the user in force there. None without a
 * membership in force.
 */
export async function findSessionActor(db: DbOrTrx, tokenHash: string, today: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('memberships as m')
          .innerJoin('organizations as o', 'o.id', 'm.organization_id')
          .select(['m.id', 'm.organization_id', 'm.unit_id', 'm.roles'])
          .whereRef('m.user_id', '=', 's.user_id')
          .where(sql<SqlBool>`m.valid_from <= ${today}::date AND (m.valid_to IS NULL OR m.valid_to >= ${today}::date)`)
          .orderBy(sql`m.id = s.active_membership_id`, 'desc')
          .orderBy('m.is_primary', 'desc')
          .orderBy('o.name')
          .limit(1)
          .as('m'),
      (join) => join.onTrue(),
    )
    .select([
      's.id',
      's.user_id',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'u.username',
      'u.full_name',
      'm.id as membership_id',
      'm.organization_id',
      'm.unit_id',
      'm.roles',
      sql<{ id: string; from_user_id: string; roles: Role[] }[]>`COALESCE((
        SELECT json_agg(json_build_object('id', d.id, 'from_user_id', d.from_user_id, 'roles', d.roles))
        FROM delegations d
        WHERE d.to_user_id = s.user_id AND d.organization_id = m.organization_id AND d.revoked_at IS NULL
          AND ${inForce(today)}
      ), '[]'::json)`.as('delegations'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .where('u.status', '=', 'active')
    .executeTakeFirst();
}

export interface UserFilter {
  /** undefined = every organisation (system administrator). */
  readonly organizationIds: readonly string[] | undefined;
  readonly organizationId?: string | undefined;
  readonly q?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Users visible to an administrator, scoped in SQL to the organisations they administer. */
export async function findUsers(db: DbOrTrx, f: UserFilter) {
  let q = db.selectFrom('users as u').selectAll('u');
  const scope = f.organizationIds;
  if (scope !== undefined || f.organizationId) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.id')
          .whereRef('m.user_id', '=', 'u.id')
          .$if(scope !== undefined, (sq) =>
            sq.where('m.organization_id', 'in', scope!.length ? scope! : ['00000000-0000-0000-0000-000000000000']),
          )
          .$if(!!f.organizationId, (sq) => sq.where('m.organization_id', '=', f.organizationId!)),
      ),
    );
  }
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`f_unaccent(lower(u.full_name))`, 'like', sql`f_unaccent(lower(${pattern}))`),
        eb(sql`lower(u.username)`, 'like', pattern.toLowerCase()),
      ]),
    );
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(vietnameseOrder('u.full_name'))
    .orderBy('u.full_name')
    .orderBy('u.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/**
 * Active people with a membership in force in an organisation (the colleague directory): one row per
 * person (their first membership there), in Vietnamese alphabetical order.
 */
export async function findColleagues(
  db: DbOrTrx,
  organizationId: string,
  today: string,
  q: string | undefined,
  limit: number,
  only: { unitId?: string; role?: Role } = {},
) {
  let inner = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('units as un', 'un.id', 'm.unit_id')
    .leftJoin('positions as p', 'p.id', 'm.position_id')
    .distinctOn('u.id')
    .select([
      'u.id',
      'u.full_name',
      'u.username',
      'm.unit_id',
      'un.name as unit_name',
      'p.name as position_name',
      'm.roles',
    ])
    .where('m.organization_id', '=', organizationId)
    .where('u.status', '=', 'active')
    .where(sql<SqlBool>`m.valid_from <= ${today}::date AND (m.valid_to IS NULL OR m.valid_to >= ${today}::date)`);
  if (only.unitId) inner = inner.where('m.unit_id', '=', only.unitId);
  if (only.role) inner = inner.where(sql<SqlBool>`${only.role} = ANY(m.roles)`);
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    inner = inner.where((eb) =>
      eb.or([
        eb(sql`f_unaccent(lower(u.full_name))`, 'like', sql`f_unaccent(lower(${pattern}))`),
        eb(sql`lower(u.username)`, 'like', pattern.toLowerCase()),
      ]),
    );
  }
  return db
    .selectFrom(inner.orderBy('u.id').orderBy('m.is_primary', 'desc').orderBy('m.valid_from').as('c'))
    .selectAll()
    .orderBy(vietnameseOrder('c.full_name'))
    .orderBy('c.full_name')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** Whether a user holds any membership in one of the given organisations. */
export async function userBelongsTo(db: DbOrTrx, userId: string, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return false;
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('organization_id', 'in', organizationIds)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findDelegations(
  db: DbOrTrx,
  f: { organizationIds: readonly string[] | undefined; involvingUserId: string; limit: number },
) {
  let q = db
    .selectFrom('delegations as d')
    .innerJoin('users as fu', 'fu.id', 'd.from_user_id')
    .innerJoin('users as tu', 'tu.id', 'd.to_user_id')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .select([
      'd.id',
      'd.organization_id',
      'o.name as organization_name',
      'd.from_user_id',
      'fu.full_name as from_name',
      'd.to_user_id',
      'tu.full_name as to_name',
      'd.roles',
      'd.valid_from',
      'd.valid_to',
      'd.reason',
      'd.revoked_at',
      'd.created_at',
    ]);
  const scope = f.organizationIds;
  if (scope !== undefined) {
    q = q.where((eb) =>
      eb.or([
        eb('d.from_user_id', '=', f.involvingUserId),
        eb('d.to_user_id', '=', f.involvingUserId),
        ...(scope.length ? [eb('d.organization_id', 'in', scope)] : []),
      ]),
    );
  }
  return q.orderBy('d.created_at', 'desc').limit(f.limit).execute();
}

export async function findDelegationById(db: DbOrTrx, id: string) {
  return db.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function rolesSubset(roles: readonly Role[], of: readonly Role[]): boolean {
  return roles.every((r) => of.includes(r));
}

/** People holding `role` in an organisation today (optionally in one unit), with their e-mail: for notices. */
export async function findMembersWithRole(
  db: DbOrTrx,
  organizationId: string,
  role: Role,
  today: string,
  unitId?: string,
) {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.full_name', 'u.email'])
    .distinct()
    .where('m.organization_id', '=', organizationId)
    .where('u.status', '=', 'active')
    .where(sql<SqlBool>`${role} = ANY(m.roles)`)
    .where(sql<SqlBool>`m.valid_from <= ${today}::date AND (m.valid_to IS NULL OR m.valid_to >= ${today}::date)`);
  if (unitId) query = query.where('m.unit_id', '=', unitId);
  return query.execute();
}

/** Whether a person has a membership in force today in the organisation (and unit, when given). */
export async function isMemberOf(db: DbOrTrx, userId: string, organizationId: string, today: string, unitId?: string) {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.id')
    .where('m.user_id', '=', userId)
    .where('m.organization_id', '=', organizationId)
    .where('u.status', '=', 'active')
    .where(sql<SqlBool>`m.valid_from <= ${today}::date AND (m.valid_to IS NULL OR m.valid_to >= ${today}::date)`);
  if (unitId) query = query.where('m.unit_id', '=', unitId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The unit of a person's membership in force today in the organisation (the primary one first), or null. */
export async function findMemberUnitId(db: DbOrTrx, userId: string, organizationId: string, today: string) {
  const row = await db
    .selectFrom('memberships as m')
    .select('m.unit_id')
    .where('m.user_id', '=', userId)
    .where('m.organization_id', '=', organizationId)
    .where(sql<SqlBool>`m.valid_from <= ${today}::date AND (m.valid_to IS NULL OR m.valid_to >= ${today}::date)`)
    .orderBy('m.is_primary', 'desc')
    .orderBy('m.valid_from')
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

/** Whether a session is still in force (not revoked, not expired, its person active): for long-lived streams. */
export async function isSessionActive(db: DbOrTrx, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select('s.id')
    .where('s.id', '=', sessionId)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}
