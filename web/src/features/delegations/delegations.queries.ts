/** Delegations (ủy quyền) you give, receive or administer. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ME_QUERY_KEY } from '../../api/queryClient';
import type { Delegation, NewDelegation } from '../../api/types';

const DELEGATIONS_KEY = ['delegations'] as const;

export function useDelegations() {
  return useQuery({ queryKey: DELEGATIONS_KEY, queryFn: () => unwrap(api.GET('/api/v1/delegations')) });
}

/** Delegations change the roles people act with: refresh Me as well. */
function useInvalidateDelegations() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: DELEGATIONS_KEY });
    await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
  };
}

export function useCreateDelegation() {
  const invalidate = useInvalidateDelegations();
  return useMutation({
    mutationFn: (body: NewDelegation) => unwrap(api.POST('/api/v1/delegations', { body })),
    onSuccess: invalidate,
  });
}

export function useRevokeDelegation() {
  const invalidate = useInvalidateDelegations();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/delegations/{id}/revoke', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export type DelegationStatus = 'active' | 'upcoming' | 'expired' | 'revoked';

/** Where a delegation stands on a Vietnamese calendar day. */
export function delegationStatus(
  d: Pick<Delegation, 'revokedAt' | 'validFrom' | 'validTo'>,
  today: string,
): DelegationStatus {
  if (d.revokedAt) return 'revoked';
  if (today < d.validFrom) return 'upcoming';
  if (today > d.validTo) return 'expired';
  return 'active';
}
