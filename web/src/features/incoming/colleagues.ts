/** Colleagues of the active organisation to choose assignees from (one list, searched in the browser). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Person } from '../../api/types';
import { uniquePeople } from '../people/people.queries';
import { personLabel } from '../people/PersonSelect';

/** The most the server lists at once. */
const MAX_PEOPLE = 200;

export function useColleagues() {
  return useQuery({
    queryKey: ['people', 'all', MAX_PEOPLE],
    queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query: { limit: MAX_PEOPLE } } })),
    select: uniquePeople,
    staleTime: 5 * 60_000,
  });
}

/** The organisation's leaders (lãnh đạo cơ quan), to present a document to. */
export function useLeaders() {
  return useQuery({
    queryKey: ['people', 'role', 'leader'],
    queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query: { role: 'leader', limit: MAX_PEOPLE } } })),
    select: uniquePeople,
    staleTime: 5 * 60_000,
  });
}

/** People of one unit (the server filters by the unit of their membership in force). */
export function useUnitPeople(unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['people', 'unit', unitId],
    queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query: { unitId: unitId!, limit: MAX_PEOPLE } } })),
    select: uniquePeople,
    enabled: Boolean(unitId),
    staleTime: 5 * 60_000,
  });
}

/** People as Select options: "Full name — unit / position". */
export function personOptions(people: readonly Person[]): { value: string; label: string }[] {
  return people.map((p) => ({ value: p.id, label: personLabel(p) }));
}
