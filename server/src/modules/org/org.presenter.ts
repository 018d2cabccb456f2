/** Rows (snake_case) → API shapes (camelCase), explicitly. */
import type { Selectable } from 'kysely';
import type { OrganizationsTable, PositionsTable, UnitsTable } from './org.tables.ts';

type OrgRow = Selectable<OrganizationsTable>;
interface LinkRow {
  ownerId: string;
  id: string;
  name: string;
  identifier: string;
  kind: string;
  effective_date: string;
}

export function presentOrganizations(data: {
  rows: OrgRow[];
  parents: OrgRow[];
  links: { predecessors: LinkRow[]; successors: LinkRow[] };
}) {
  const parents = new Map(data.parents.map((p) => [p.id, p]));
  const ref = (l: LinkRow) => ({
    id: l.id,
    name: l.name,
    identifier: l.identifier,
    kind: l.kind,
    effectiveDate: l.effective_date,
  });
  return data.rows.map((r) => {
    const parent = r.parent_id ? parents.get(r.parent_id) : undefined;
    return {
      id: r.id,
      identifier: r.identifier,
      identifierVerified: r.identifier_verified,
      name: r.name,
      shortName: r.short_name,
      abbreviation: r.abbreviation,
      kind: r.kind,
      parent: parent ? { id: parent.id, name: parent.name, shortName: parent.short_name } : null,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      province: r.province_name ? { name: r.province_name, unitType: r.province_unit_type ?? 'province' } : null,
      note: r.note,
      viaAxis: r.via_axis,
      predecessors: data.links.predecessors.filter((l) => l.ownerId === r.id).map(ref),
      successors: data.links.successors.filter((l) => l.ownerId === r.id).map(ref),
      version: r.version,
    };
  });
}

export function presentUnit(u: Selectable<UnitsTable>) {
  return {
    id: u.id,
    organizationId: u.organization_id,
    parentUnitId: u.parent_unit_id,
    name: u.name,
    abbreviation: u.abbreviation,
    kind: u.kind,
    identifier: u.identifier,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    version: u.version,
  };
}

export function presentPosition(p: Selectable<PositionsTable>) {
  return { id: p.id, organizationId: p.organization_id, name: p.name, rank: p.rank };
}
