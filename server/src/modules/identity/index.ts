/** The identity module's public door: people, memberships, delegations, login and sessions. */
import type { AppModule } from '../../platform/context.ts';
import { identityMigrations } from './migrations/index.ts';
import { identityJobs } from './identity.jobs.ts';
import { identityRoutes } from './identity.routes.ts';
import './identity.tables.ts';

export const identityModule: AppModule = {
  name: 'identity',
  migrations: identityMigrations,
  jobs: identityJobs,
  routes: identityRoutes,
};

export { createSessionResolver, resolveSession } from './auth.service.ts';
export { hashPassword } from './identity.passwords.ts';
export { findUserEmails } from './identity.repository.ts';
export { findMemberUnitId, findMembersWithRole, isMemberOf, isSessionActive } from './identity.repository.ts';
export { seedDemoPeople, demoActor, DEMO_ACCOUNTS } from './identity.demo.ts';
