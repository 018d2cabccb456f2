/** The audit trail, newest first, paged backwards with `beforeSeq`. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { AuditQuery } from '../../api/types';

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = Pick<AuditQuery, 'action' | 'from' | 'to'>;

export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/audit', {
          params: { query: { ...filter, beforeSeq: pageParam, limit: AUDIT_PAGE_SIZE } },
        }),
      ),
    getNextPageParam: (lastPage) => (lastPage.items.length < AUDIT_PAGE_SIZE ? undefined : lastPage.items.at(-1)?.seq),
  });
}

/** The actions EduGov records today, offered as suggestions in the filter (any other text is allowed). */
export const KNOWN_AUDIT_ACTIONS = [
  'identity.logged_in',
  'identity.logged_out',
  'identity.login_locked',
  'identity.membership_switched',
  'identity.password_changed',
  'identity.password_reset',
  'identity.user_created',
  'identity.user_updated',
  'identity.membership_added',
  'identity.membership_updated',
  'identity.delegation_created',
  'identity.delegation_revoked',
  'org.organization_created',
  'org.organization_updated',
  'org.organizations_merged',
  'org.organization_split',
  'org.unit_created',
  'org.unit_updated',
  'org.position_created',
] as const;

export type KnownAuditAction = (typeof KNOWN_AUDIT_ACTIONS)[number];

export function isKnownAuditAction(action: string): action is KnownAuditAction {
  return (KNOWN_AUDIT_ACTIONS as readonly string[]).includes(action);
}

export const KNOWN_TARGET_TYPES = [
  'user',
  'membership',
  'delegation',
  'organization',
  'unit',
  'position',
  'session',
] as const;
export type KnownTargetType = (typeof KNOWN_TARGET_TYPES)[number];

export function isKnownTargetType(targetType: string): targetType is KnownTargetType {
  return (KNOWN_TARGET_TYPES as readonly string[]).includes(targetType);
}
