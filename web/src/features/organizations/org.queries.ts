/** Organisations, their units and positions: queries and changes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../api/client';
import type {
  NewOrganization,
  NewOrgUnit,
  NewPosition,
  OrganizationChanges,
  OrganizationKind,
  OrgUnitChanges,
  Reorganization,
} from '../../api/types';
import { isIsoDate } from '../../lib/dates';
import { compareOrganizations } from './org.tree';

/** The most the server returns in one page; the tree asks for all of it. */
export const MAX_ORGANIZATIONS = 2000;

export interface OrganizationFilter {
  at: string;
  kind?: OrganizationKind | undefined;
  q?: string | undefined;
}

export const orgKeys = {
  all: ['organizations'] as const,
  list: (filter: OrganizationFilter) => ['organizations', 'list', filter] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
  units: (id: string, at: string | undefined) => ['organizations', 'units', id, at ?? 'all'] as const,
  positions: (id: string) => ['organizations', 'positions', id] as const,
};

/** The organisations in force on a date (optionally of one kind, or matching a search). */
export function useOrganizations(filter: OrganizationFilter, enabled = true) {
  return useQuery({
    queryKey: orgKeys.list(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organizations', {
          params: {
            query: {
              at: filter.at,
              kind: filter.kind,
              q: filter.q || undefined,
              limit: MAX_ORGANIZATIONS,
            },
          },
        }),
      ),
    enabled: enabled && isIsoDate(filter.at),
    placeholderData: keepPreviousData,
  });
}

/** Organisations in force on a date as options of a Select: "Name (identifier)". */
export function useOrganizationOptions(at: string, enabled = true) {
  const query = useOrganizations({ at }, enabled);
  const options = useMemo(
    () =>
      [...(query.data?.items ?? [])]
        .sort(compareOrganizations)
        .map((org) => ({ value: org.id, label: `${org.name} (${org.identifier})` })),
    [query.data],
  );
  return { options, isLoading: query.isLoading };
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}

export function useUnits(organizationId: string | undefined, at?: string) {
  return useQuery({
    queryKey: orgKeys.units(organizationId ?? '', at),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organizations/{id}/units', {
          params: { path: { id: organizationId ?? '' }, query: { at } },
        }),
      ),
    enabled: organizationId !== undefined && (at === undefined || isIsoDate(at)),
  });
}

export function usePositions(organizationId: string | undefined) {
  return useQuery({
    queryKey: orgKeys.positions(organizationId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organizations/{id}/positions', { params: { path: { id: organizationId ?? '' } } })),
    enabled: organizationId !== undefined,
  });
}

function useInvalidateOrganizations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgKeys.all });
}

export function useCreateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: NewOrganization) => unwrap(api.POST('/api/v1/organizations', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization(id: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: OrganizationChanges) =>
      unwrap(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

/** Marks an organisation as reached through the interchange axis, or no longer (system administrators). */
export function useSetOrganizationViaAxis(id: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: { version: number; viaAxis: boolean }) =>
      unwrap(api.PATCH('/api/v1/organizations/{id}/via-axis', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useRecordReorganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: Reorganization) => unwrap(api.POST('/api/v1/organizations/reorganizations', { body })),
    onSuccess: invalidate,
  });
}

export function useCreateUnit(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOrgUnit) =>
      unwrap(api.POST('/api/v1/organizations/{id}/units', { params: { path: { id: organizationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organizations', 'units', organizationId] }),
  });
}

export function useUpdateUnit(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: OrgUnitChanges }) =>
      unwrap(api.PATCH('/api/v1/units/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organizations', 'units', organizationId] }),
  });
}

export function useCreatePosition(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPosition) =>
      unwrap(api.POST('/api/v1/organizations/{id}/positions', { params: { path: { id: organizationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.positions(organizationId) }),
  });
}
