/**
 * Organisations and the interchange axis (issue 6). An organisation this deployment does not host is
 * "reached through the axis" (`via_axis`): documents to it leave as edXML packages instead of becoming an
 * incoming document here. Such organisations come from the axis's directory of agencies (kind 'external'),
 * or a system administrator marks one that works on another EduGov deployment.
 */
import { writeAudit } from '../../platform/audit/audit.ts';
import { authorize } from '../../platform/authz.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { Db, DbOrTrx, Trx } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { nfc } from '../../platform/text.ts';
import { vietnamDate } from '../../platform/time.ts';
import { isQcvnIdentifier } from './org.identifier.ts';
import { orgPolicy } from './org.policy.ts';
import * as repo from './org.repository.ts';

export interface OrganizationByIdentifier {
  readonly id: string;
  readonly name: string;
  readonly identifier: string;
  readonly viaAxis: boolean;
}

/** Organisations holding these identifier codes today (one per code: the one in force). */
export async function findOrganizationsByIdentifiers(
  db: DbOrTrx,
  codes: readonly string[],
): Promise<OrganizationByIdentifier[]> {
  const rows = await repo.findOrganizationsInForceByIdentifiers(db, codes, vietnamDate());
  return rows.map((r) => ({ id: r.id, name: r.name, identifier: r.identifier, viaAxis: r.via_axis }));
}

/**
 * Identifier codes whose mail this deployment fetches from the axis: organisations in force that someone
 * works in here, except those marked as reached through the axis (their own deployment fetches it).
 */
export async function findPolledOrganizationCodes(db: DbOrTrx): Promise<string[]> {
  return repo.findHostedOrganizationCodes(db, vietnamDate());
}

/** An agency of the axis directory (mã định danh, name, the code of the agency above it). */
export interface AxisAgencyInput {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
}

export interface AgencySyncCounts {
  /** New external organisations. */
  inserted: number;
  /** External organisations whose name or parent changed. */
  updated: number;
  /** Already known and unchanged, or organisations of our own that the directory never changes. */
  unchanged: number;
  /** Entries without a valid QCVN 102 identifier or a name. */
  skipped: number;
}

/**
 * Brings the axis directory into the registry, in the caller's transaction: a code nobody holds today becomes
 * an external organisation reached through the axis; an external one follows the directory's name and parent.
 * Organisations recorded here any other way (ours, or hosted on another deployment and marked by an
 * administrator) are never changed: the directory does not know better than the registry.
 */
export async function upsertAxisAgencies(trx: Trx, agencies: readonly AxisAgencyInput[]): Promise<AgencySyncCounts> {
  const counts: AgencySyncCounts = { inserted: 0, updated: 0, unchanged: 0, skipped: 0 };
  const valid = new Map<string, AxisAgencyInput>();
  for (const a of agencies) {
    const name = nfc(a.name.trim());
    if (!isQcvnIdentifier(a.code) || !name) counts.skipped++;
    else valid.set(a.code, { code: a.code, name, parentCode: a.parentCode });
  }
  const today = vietnamDate();
  const known = new Map(
    (await repo.findOrganizationsInForceByIdentifiers(trx, [...valid.keys()], today)).map((o) => [o.identifier, o]),
  );
  const touched = new Set<string>();
  for (const a of valid.values()) {
    const existing = known.get(a.code);
    if (!existing) {
      const row = await repo.insertExternalOrganization(trx, { identifier: a.code, name: a.name, validFrom: today });
      known.set(a.code, { ...row, hosted: false });
      touched.add(row.id);
      counts.inserted++;
    } else if (isExternal(existing) && existing.name !== a.name) {
      await repo.renameExternalOrganization(trx, existing.id, a.name);
      touched.add(existing.id);
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  // Parents once every code is known, so an agency may come before the one above it.
  for (const a of valid.values()) {
    const org = known.get(a.code)!;
    if (!isExternal(org)) continue;
    const parent = a.parentCode && a.parentCode !== a.code ? known.get(a.parentCode) : undefined;
    const parentId = parent?.id ?? null;
    if (parentId === org.parent_id) continue;
    await repo.setExternalParent(trx, org.id, parentId);
    if (!touched.has(org.id)) {
      touched.add(org.id);
      counts.unchanged--;
      counts.updated++;
    }
  }
  return counts;
}

/** Only organisations that came from the directory and nobody works in here follow the directory. */
const isExternal = (o: { kind: string; hosted: boolean }) => o.kind === 'external' && !o.hosted;

/**
 * A system administrator says whether an organisation is reached through the axis (one that works on another
 * EduGov deployment, or no longer so). One that somebody works in here cannot be: its clerks would never
 * receive what is sent to it.
 */
export async function setOrganizationViaAxis(
  db: Db,
  ctx: UseCaseContext,
  id: string,
  input: { version: number; viaAxis: boolean },
) {
  authorize(orgPolicy.canManageOrganizations(ctx.actor));
  return db.transaction().execute(async (trx) => {
    const before = await repo.lockOrganization(trx, id, vietnamDate());
    if (!before) throw new AppError('record.not_found', { type: 'organization', id });
    if (input.viaAxis && before.hosted) throw new AppError('org.hosted_here', { id });
    const after = await repo.setViaAxis(trx, id, input.version, input.viaAxis);
    if (!after) throw new AppError('record.conflict', { currentVersion: before.version });
    await writeAudit(trx, ctx.audit, {
      action: 'org.organization_via_axis_set',
      targetType: 'organization',
      targetId: id,
      organizationId: id,
      summary: { before: { viaAxis: before.via_axis }, after: { viaAxis: after.via_axis } },
    });
    return after;
  });
}
