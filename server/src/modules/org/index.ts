/** The org module's public door: organisations (effective-dated), units and positions. */
import type { AppModule } from '../../platform/context.ts';
import { orgMigrations } from './migrations/index.ts';
import { orgRoutes } from './org.routes.ts';
import './org.tables.ts';

export const orgModule: AppModule = {
  name: 'org',
  migrations: orgMigrations,
  jobs: [],
  routes: orgRoutes,
};

export { getOrganizationById } from './org.service.ts';
export {
  findOrganizationsByIdentifiers,
  findPolledOrganizationCodes,
  upsertAxisAgencies,
  type AgencySyncCounts,
  type AxisAgencyInput,
  type OrganizationByIdentifier,
} from './org.axis.ts';
export { findOrganizationsByIds, findUnitById, findPositionById, findUnits, findPositions } from './org.repository.ts';
export { seedReferenceOrganizations, findSeededOrganizationIds } from './seed/org.seed.ts';
export type { OrgKind } from './org.tables.ts';
export { seedDemoStructure } from './seed/org.demo.ts';
