/**
 * Reference organisations (real facts from STANDARDS.md §2.1 and §6.1): the Ministry and its units, the
 * 63 provinces' and the 34 merged provinces' people's committees and Departments of Education and
 * Training with their merger links, a few universities and schools. Idempotent: keyed by `seed_key`.
 * Runs in every mode; it is reference data, not demo data.
 */
import type { Trx } from '../../../platform/db/schema.ts';
import { nfc } from '../../../platform/text.ts';
import { seedOrganizations, seedUnits } from './organizations.data.ts';

export async function seedReferenceOrganizations(trx: Trx): Promise<{ inserted: number }> {
  const ids = new Map<string, string>();
  const existing = await trx
    .selectFrom('organizations')
    .select(['id', 'seed_key'])
    .where('seed_key', 'is not', null)
    .execute();
  for (const row of existing) if (row.seed_key) ids.set(row.seed_key, row.id);
  let inserted = 0;
  // Parents come first in the data file except where noted; insert in passes until every parent exists.
  let pending = seedOrganizations.filter((o) => !ids.has(o.key));
  while (pending.length > 0) {
    const ready = pending.filter((o) => o.parentKey === null || ids.has(o.parentKey));
    if (ready.length === 0)
      throw new Error(`Seed organisations with unknown parents: ${pending.map((o) => o.key).join(', ')}`);
    for (const o of ready) {
      const row = await trx
        .insertInto('organizations')
        .values({
          seed_key: o.key,
          identifier: o.identifier,
          identifier_verified: o.identifierVerified,
          name: nfc(o.name),
          short_name: nfc(o.shortName),
          abbreviation: nfc(o.abbreviation),
          kind: o.kind,
          parent_id: o.parentKey ? ids.get(o.parentKey)! : null,
          valid_from: o.validFrom,
          valid_to: o.validTo,
          province_name: o.province ? nfc(o.province.name) : null,
          province_unit_type: o.province?.unitType ?? null,
          note: o.note ? nfc(o.note) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(o.key, row.id);
      inserted++;
    }
    pending = pending.filter((o) => !ids.has(o.key));
  }
  for (const o of seedOrganizations) {
    for (const predecessorKey of o.predecessorKeys) {
      await trx
        .insertInto('organization_links')
        .values({
          predecessor_id: ids.get(predecessorKey)!,
          successor_id: ids.get(o.key)!,
          kind: 'merger',
          effective_date: o.validFrom,
          note: 'Nghị quyết 202/2025/QH15',
        })
        .onConflict((oc) => oc.columns(['predecessor_id', 'successor_id']).doNothing())
        .execute();
    }
  }
  for (const u of seedUnits) {
    await trx
      .insertInto('units')
      .values({
        seed_key: u.key,
        organization_id: ids.get(u.orgKey)!,
        parent_unit_id: null,
        name: nfc(u.name),
        abbreviation: nfc(u.abbreviation),
        kind: u.kind,
        identifier: u.identifier,
        identifier_verified: u.identifierVerified,
        valid_from: u.validFrom,
        valid_to: u.validTo,
      })
      .onConflict((oc) => oc.column('seed_key').doNothing())
      .execute();
  }
  return { inserted };
}

/** Looks up seeded organisations by key (for the demo seed and tests). */
export async function findSeededOrganizationIds(trx: Trx, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await trx.selectFrom('organizations').select(['id', 'seed_key']).where('seed_key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.seed_key!, r.id]));
}
