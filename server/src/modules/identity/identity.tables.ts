import type { ColumnType } from 'kysely';
import type { Role } from '../../platform/authz.ts';
import type { DateColumn, DefaultTimestamp, Generated, Timestamp } from '../../platform/db/schema.ts';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  is_demo: Generated<boolean>;
  password_changed_at: DefaultTimestamp;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

type RolesColumn = ColumnType<Role[], Role[], Role[]>;

export interface MembershipsTable {
  id: Generated<string>;
  user_id: string;
  organization_id: string;
  unit_id: string | null;
  position_id: string | null;
  roles: RolesColumn;
  is_primary: Generated<boolean>;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
}

export interface DelegationsTable {
  id: Generated<string>;
  organization_id: string;
  from_user_id: string;
  to_user_id: string;
  roles: RolesColumn;
  valid_from: DateColumn;
  valid_to: DateColumn;
  reason: string;
  created_by: string;
  created_at: DefaultTimestamp;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  active_membership_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  first_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    users: UsersTable;
    memberships: MembershipsTable;
    delegations: DelegationsTable;
    sessions: SessionsTable;
    login_throttle: LoginThrottleTable;
  }
}
