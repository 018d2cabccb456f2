/** Factories for tests. */
import { hashPassword } from '../modules/identity/index.ts';
import type { Actor, Role } from '../platform/authz.ts';
import type { Db } from '../platform/db/schema.ts';
import { TEST_PASSWORD } from './constants.ts';

/** An actor acting in `organizationId` with the given roles (for policy tables). */
export function buildActor(organizationId: string, ...roles: Role[]): Actor {
  return {
    userId: 'user',
    username: 'user',
    fullName: 'Người dùng',
    sessionId: 'session',
    membershipId: 'membership',
    organizationId,
    unitId: null,
    roles: new Set(roles),
    delegations: [],
  };
}

/**
 * A person with one membership in force (organisation and unit by their seed keys), who can log in with
 * the test password: for the people the demo data does not have (a second specialist, another unit's head).
 */
export async function createPerson(
  db: Db,
  input: { username: string; fullName: string; org: string; unit?: string; roles: Role[] },
): Promise<string> {
  const org = await db
    .selectFrom('organizations')
    .select('id')
    .where('seed_key', '=', input.org)
    .executeTakeFirstOrThrow();
  const unit = input.unit
    ? await db.selectFrom('units').select('id').where('seed_key', '=', input.unit).executeTakeFirstOrThrow()
    : undefined;
  const user = await db
    .insertInto('users')
    .values({
      username: input.username,
      full_name: input.fullName,
      email: `${input.username}@test.edugov.vn`,
      password_hash: await hashPassword(TEST_PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({
      user_id: user.id,
      organization_id: org.id,
      unit_id: unit?.id ?? null,
      position_id: null,
      roles: input.roles,
      is_primary: true,
      valid_from: '2020-01-01',
      valid_to: null,
    })
    .execute();
  return user.id;
}

/** The id of a seeded unit or organisation by its seed key. */
export async function unitId(db: Db, seedKey: string): Promise<string> {
  return (await db.selectFrom('units').select('id').where('seed_key', '=', seedKey).executeTakeFirstOrThrow()).id;
}
