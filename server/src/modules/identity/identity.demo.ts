/**
 * Demo people (demo mode only, never with NODE_ENV=production): one account per role in the Ministry and
 * in the Department of Education and Training of Hà Nội, and the clerk of Nghệ An's department (a second
 * department to send to). Their password is set at every start to DEMO_PASSWORD, or to a generated one
 * that the start-up banner prints.
 */
import { sql } from 'kysely';
import type { Actor, Role } from '../../platform/authz.ts';
import type { DbOrTrx, Trx } from '../../platform/db/schema.ts';

export interface DemoAccount {
  readonly username: string;
  readonly fullName: string;
  readonly memberships: readonly {
    readonly org: string;
    readonly unit?: string;
    readonly position?: string;
    readonly roles: readonly Role[];
  }[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    memberships: [
      { org: 'moet', unit: 'moet-vp', roles: ['system_admin', 'org_admin'] },
      { org: 'so-ha-noi', unit: 'so-ha-noi-vp', roles: ['org_admin'] },
    ],
  },
  {
    username: 'bgd.quantri',
    fullName: 'Trần Thị Quản Trị',
    memberships: [{ org: 'moet', unit: 'moet-vp', position: 'Chuyên viên chính', roles: ['org_admin'] }],
  },
  {
    username: 'bgd.lanhdao',
    fullName: 'Nguyễn Văn Minh',
    memberships: [{ org: 'moet', position: 'Thứ trưởng', roles: ['leader'] }],
  },
  {
    username: 'bgd.vanthu',
    fullName: 'Lê Thị Hồng',
    memberships: [{ org: 'moet', unit: 'moet-vp', position: 'Văn thư', roles: ['clerk'] }],
  },
  {
    username: 'bgd.truongvu',
    fullName: 'Phạm Quốc Hùng',
    memberships: [{ org: 'moet', unit: 'moet-gdpt', position: 'Vụ trưởng', roles: ['unit_head'] }],
  },
  {
    username: 'bgd.chuyenvien',
    fullName: 'Đỗ Thu Trang',
    memberships: [{ org: 'moet', unit: 'moet-gdpt', position: 'Chuyên viên', roles: ['specialist'] }],
  },
  {
    username: 'bgd.luutru',
    fullName: 'Vũ Đức Anh',
    memberships: [{ org: 'moet', unit: 'moet-vp', position: 'Lưu trữ viên', roles: ['archivist'] }],
  },
  {
    username: 'hn.quantri',
    fullName: 'Bùi Thị Lan',
    memberships: [{ org: 'so-ha-noi', unit: 'so-ha-noi-vp', position: 'Chuyên viên', roles: ['org_admin'] }],
  },
  {
    username: 'hn.lanhdao',
    fullName: 'Hoàng Văn Thắng',
    memberships: [{ org: 'so-ha-noi', position: 'Giám đốc', roles: ['leader'] }],
  },
  {
    username: 'hn.vanthu',
    fullName: 'Ngô Thị Mai',
    memberships: [{ org: 'so-ha-noi', unit: 'so-ha-noi-vp', position: 'Văn thư', roles: ['clerk'] }],
  },
  {
    username: 'hn.truongphong',
    fullName: 'Đặng Minh Tuấn',
    memberships: [{ org: 'so-ha-noi', unit: 'so-ha-noi-gdpt', position: 'Trưởng phòng', roles: ['unit_head'] }],
  },
  {
    username: 'hn.chuyenvien',
    fullName: 'Trịnh Ngọc Ánh',
    memberships: [{ org: 'so-ha-noi', unit: 'so-ha-noi-gdpt', position: 'Chuyên viên', roles: ['specialist'] }],
  },
  {
    username: 'hn.luutru',
    fullName: 'Lý Thanh Hà',
    memberships: [{ org: 'so-ha-noi', unit: 'so-ha-noi-vp', position: 'Lưu trữ viên', roles: ['archivist'] }],
  },
  {
    username: 'na.vanthu',
    fullName: 'Phan Thị Thu Hà',
    memberships: [{ org: 'so-nghe-an', position: 'Văn thư', roles: ['clerk'] }],
  },
];

/** A demo person's e-mail address (`hn.lanhdao@demo.edugov.vn`), for notification e-mails. */
export function demoEmail(account: Pick<DemoAccount, 'username'>): string {
  return `${account.username}@demo.edugov.vn`;
}

/** Creates the demo accounts if missing and sets their password hash. `ids` maps seed keys to ids. */
export async function seedDemoPeople(trx: Trx, ids: ReadonlyMap<string, string>, passwordHash: string): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    let user = await trx.selectFrom('users').select('id').where('username', '=', account.username).executeTakeFirst();
    if (user) {
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, status: 'active', email: sql`coalesce(email, ${demoEmail(account)})` })
        .where('id', '=', user.id)
        .execute();
      continue;
    }
    user = await trx
      .insertInto('users')
      .values({
        username: account.username,
        full_name: account.fullName,
        email: demoEmail(account),
        password_hash: passwordHash,
        is_demo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let primary = true;
    for (const m of account.memberships) {
      await trx
        .insertInto('memberships')
        .values({
          user_id: user.id,
          organization_id: ids.get(m.org)!,
          unit_id: m.unit ? ids.get(m.unit)! : null,
          position_id: m.position ? ids.get(`${m.org}:${m.position}`)! : null,
          roles: [...m.roles],
          is_primary: primary,
          valid_from: '2025-01-01',
          valid_to: null,
        })
        .execute();
      primary = false;
    }
  }
}

/** A demo person acting in their primary membership (for seeding demo work through the real use cases). */
export async function demoActor(db: DbOrTrx, username: string): Promise<Actor> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.username', 'u.full_name', 'm.id as membership_id', 'm.organization_id', 'm.unit_id', 'm.roles'])
    .where('u.username', '=', username)
    .orderBy('m.is_primary', 'desc')
    .orderBy('m.valid_from')
    .executeTakeFirstOrThrow();
  return {
    userId: row.id,
    username: row.username,
    fullName: row.full_name,
    sessionId: 'demo-seed',
    membershipId: row.membership_id,
    organizationId: row.organization_id,
    unitId: row.unit_id,
    roles: new Set(row.roles),
    delegations: [],
  };
}
