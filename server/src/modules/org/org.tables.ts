import type { DateColumn, DefaultTimestamp, Generated } from '../../platform/db/schema.ts';

export const ORG_KINDS = [
  'ministry',
  'provincial_committee',
  'provincial_department',
  'university',
  'college',
  'school',
  'commune_committee',
  'other',
  /** Known only from the interchange axis's directory of agencies: not hosted here, reached through the axis. */
  'external',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const UNIT_KINDS = ['office', 'department', 'agency', 'inspectorate', 'division', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const LINK_KINDS = ['merger', 'split'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface OrganizationsTable {
  id: Generated<string>;
  seed_key: string | null;
  identifier: string;
  identifier_verified: Generated<boolean>;
  name: string;
  short_name: string;
  abbreviation: string;
  kind: OrgKind;
  parent_id: string | null;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  province_name: string | null;
  province_unit_type: 'province' | 'city' | null;
  note: string | null;
  /** Not hosted on this deployment: documents to it go through the interchange axis. */
  via_axis: Generated<boolean>;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface OrganizationLinksTable {
  predecessor_id: string;
  successor_id: string;
  kind: LinkKind;
  effective_date: DateColumn;
  note: string | null;
}

export interface UnitsTable {
  id: Generated<string>;
  seed_key: string | null;
  organization_id: string;
  parent_unit_id: string | null;
  name: string;
  abbreviation: string;
  kind: UnitKind;
  identifier: string | null;
  identifier_verified: Generated<boolean>;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PositionsTable {
  id: Generated<string>;
  seed_key: string | null;
  organization_id: string;
  name: string;
  rank: Generated<number>;
  created_at: DefaultTimestamp;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    organizations: OrganizationsTable;
    organization_links: OrganizationLinksTable;
    units: UnitsTable;
    positions: PositionsTable;
  }
}
