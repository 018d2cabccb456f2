/**
 * API types derived from the generated OpenAPI schema (`schema.d.ts`). Nothing here is typed by hand:
 * every shape is picked out of `paths`, so the web app cannot drift from the server.
 */
import type { paths } from './schema';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON body of the success response (200 or 201) of an operation. */
export type ApiResponse<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? 200 extends keyof R
      ? JsonOf<R[200]>
      : 201 extends keyof R
        ? JsonOf<R[201]>
        : never
    : never;

/** The JSON request body of an operation. */
export type ApiBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters of an operation. */
export type ApiQuery<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The error body that every failed request returns. */
export type ApiErrorBody = JsonOf<Operation<'/api/auth/me', 'get'>['responses'][401]>;

export type Me = ApiResponse<'/api/auth/me', 'get'>;
export type Role = Me['roles'][number];
export type Membership = Me['memberships'][number];

export type Organization = ApiResponse<'/api/v1/organizations/{id}', 'get'>;
export type OrganizationKind = Organization['kind'];
export type OrganizationLink = Organization['predecessors'][number];
export type OrganizationQuery = ApiQuery<'/api/v1/organizations', 'get'>;
export type NewOrganization = ApiBody<'/api/v1/organizations', 'post'>;
export type OrganizationChanges = ApiBody<'/api/v1/organizations/{id}', 'patch'>;
export type Reorganization = ApiBody<'/api/v1/organizations/reorganizations', 'post'>;
export type SuccessorInput = Reorganization['successors'][number];

export type OrgUnit = ApiResponse<'/api/v1/organizations/{id}/units', 'get'>['items'][number];
export type OrgUnitKind = OrgUnit['kind'];
export type NewOrgUnit = ApiBody<'/api/v1/organizations/{id}/units', 'post'>;
export type OrgUnitChanges = ApiBody<'/api/v1/units/{id}', 'patch'>;
export type Position = ApiResponse<'/api/v1/organizations/{id}/positions', 'get'>['items'][number];
export type NewPosition = ApiBody<'/api/v1/organizations/{id}/positions', 'post'>;

export type RoleInfo = ApiResponse<'/api/v1/roles', 'get'>['items'][number];

export type UserSummary = ApiResponse<'/api/v1/users', 'get'>['items'][number];
export type UserDetail = ApiResponse<'/api/v1/users/{id}', 'get'>;
export type UserStatus = UserSummary['status'];
export type NewUser = ApiBody<'/api/v1/users', 'post'>;
export type UserChanges = ApiBody<'/api/v1/users/{id}', 'patch'>;
export type NewMembership = ApiBody<'/api/v1/users/{id}/memberships', 'post'>;
export type MembershipChanges = ApiBody<'/api/v1/memberships/{id}', 'patch'>;

/** A colleague: someone with a membership in force in the caller's active organisation. */
export type Person = ApiResponse<'/api/v1/people', 'get'>['items'][number];

export type Delegation = ApiResponse<'/api/v1/delegations', 'get'>['items'][number];
export type NewDelegation = ApiBody<'/api/v1/delegations', 'post'>;

export type AuditEntry = ApiResponse<'/api/v1/audit', 'get'>['items'][number];
export type AuditQuery = ApiQuery<'/api/v1/audit', 'get'>;

export type FailedJob = ApiResponse<'/api/v1/admin/jobs/failed', 'get'>['items'][number];
