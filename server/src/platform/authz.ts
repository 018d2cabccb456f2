/**
 * Authorisation primitives. Who may do what to which record is decided in each module's policy file
 * (`<module>.policy.ts`) from the actor below; list queries are scoped in SQL by the same facts.
 */
import { AppError } from './errors.ts';

export const ROLES = ['system_admin', 'org_admin', 'clerk', 'leader', 'unit_head', 'specialist', 'archivist'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, { vi: string; en: string }>> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  org_admin: { vi: 'Quản trị cơ quan', en: 'Organisation administrator' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
  leader: { vi: 'Lãnh đạo cơ quan', en: 'Organisation leader' },
  unit_head: { vi: 'Lãnh đạo đơn vị', en: 'Unit head' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  archivist: { vi: 'Lưu trữ viên', en: 'Archivist' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The person acting, in the organisation of their active membership. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly fullName: string;
  readonly sessionId: string;
  readonly membershipId: string;
  readonly organizationId: string;
  readonly unitId: string | null;
  /** Roles of the active membership plus roles delegated to this user now, in this organisation. */
  readonly roles: ReadonlySet<Role>;
  /** Delegations in force now that add roles: who delegated which roles. */
  readonly delegations: readonly {
    readonly id: string;
    readonly fromUserId: string;
    readonly roles: readonly Role[];
  }[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.has(r));
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.roles.has('system_admin');
}

/** Throws `auth.forbidden` unless the policy allows it. */
export function authorize(allowed: boolean, details?: unknown): asserts allowed {
  if (!allowed) throw new AppError('auth.forbidden', details);
}
