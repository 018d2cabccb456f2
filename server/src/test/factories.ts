/** Factories for tests. */
import type { Actor, Role } from '../platform/authz.ts';

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
