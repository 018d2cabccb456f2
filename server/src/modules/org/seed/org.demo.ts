/**
 * Demo structure (demo mode only): units of the Department of Education and Training of Hà Nội and the
 * positions used by the demo accounts (also of Nghệ An's department, which has a demo clerk but no demo
 * units). Idempotent by seed_key.
 */
import type { Trx } from '../../../platform/db/schema.ts';

const HA_NOI_UNITS = [
  ['so-ha-noi-vp', 'Văn phòng', 'VP', 'office'],
  ['so-ha-noi-tccb', 'Phòng Tổ chức cán bộ', 'TCCB', 'division'],
  ['so-ha-noi-gdmn', 'Phòng Giáo dục Mầm non', 'GDMN', 'division'],
  ['so-ha-noi-gdpt', 'Phòng Giáo dục Phổ thông', 'GDPT', 'division'],
  ['so-ha-noi-khtc', 'Phòng Kế hoạch - Tài chính', 'KHTC', 'division'],
  ['so-ha-noi-ttr', 'Thanh tra Sở', 'TTr', 'inspectorate'],
] as const;

const POSITIONS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  moet: [
    ['Bộ trưởng', 1],
    ['Thứ trưởng', 2],
    ['Chánh Văn phòng', 10],
    ['Vụ trưởng', 10],
    ['Phó Vụ trưởng', 11],
    ['Chuyên viên chính', 30],
    ['Chuyên viên', 31],
    ['Văn thư', 40],
    ['Lưu trữ viên', 41],
  ],
  'so-ha-noi': [
    ['Giám đốc', 1],
    ['Phó Giám đốc', 2],
    ['Chánh Văn phòng', 10],
    ['Trưởng phòng', 10],
    ['Chuyên viên', 31],
    ['Văn thư', 40],
    ['Lưu trữ viên', 41],
  ],
  // A second Sở GD&ĐT (unchanged by the 2025 merger), so that a document can be sent to two departments.
  'so-nghe-an': [
    ['Giám đốc', 1],
    ['Văn thư', 40],
  ],
};

/** Creates the demo units and positions; returns ids by seed key (`<org>:<position name>` for positions). */
export async function seedDemoStructure(trx: Trx): Promise<Map<string, string>> {
  const orgs = await trx
    .selectFrom('organizations')
    .select(['id', 'seed_key'])
    .where('seed_key', 'in', Object.keys(POSITIONS))
    .execute();
  const orgId = new Map(orgs.map((o) => [o.seed_key!, o.id]));
  const haNoi = orgId.get('so-ha-noi');
  if (!haNoi) throw new Error('Reference organisation so-ha-noi is missing; run the reference seed first');
  for (const [key, name, abbreviation, kind] of HA_NOI_UNITS) {
    await trx
      .insertInto('units')
      .values({
        seed_key: key,
        organization_id: haNoi,
        parent_unit_id: null,
        name,
        abbreviation,
        kind,
        identifier: null,
        valid_from: '2008-08-01',
        valid_to: null,
      })
      .onConflict((oc) => oc.column('seed_key').doNothing())
      .execute();
  }
  for (const [orgKey, positions] of Object.entries(POSITIONS)) {
    for (const [name, rank] of positions) {
      await trx
        .insertInto('positions')
        .values({ seed_key: `${orgKey}:${name}`, organization_id: orgId.get(orgKey)!, name, rank })
        .onConflict((oc) => oc.column('seed_key').doNothing())
        .execute();
    }
  }
  const ids = new Map<string, string>(orgId);
  const units = await trx.selectFrom('units').select(['id', 'seed_key']).where('seed_key', 'is not', null).execute();
  for (const u of units) ids.set(u.seed_key!, u.id);
  const positions = await trx
    .selectFrom('positions')
    .select(['id', 'seed_key'])
    .where('seed_key', 'is not', null)
    .execute();
  for (const p of positions) ids.set(p.seed_key!, p.id);
  return ids;
}
