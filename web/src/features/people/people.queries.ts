/** Colleagues of the active organisation (any signed-in user may list them), searched on the server. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Person } from '../../api/types';

/** How many colleagues one search shows; typing narrows it down. */
const PEOPLE_LIMIT = 50;

/**
 * One entry per person: the server lists memberships, so someone holding two in the organisation comes
 * twice (the first one's unit and position are kept, the roles of both are joined).
 */
export function uniquePeople({ items }: { items: Person[] }): Person[] {
  const byId = new Map<string, Person>();
  for (const person of items) {
    const seen = byId.get(person.id);
    byId.set(person.id, seen ? { ...seen, roles: [...new Set([...seen.roles, ...person.roles])] } : person);
  }
  return [...byId.values()];
}

/** Colleagues whose name (with or without diacritics) or username contains `q`; the first ones when empty. */
export function usePeople(q: string) {
  return useQuery({
    queryKey: ['people', q],
    queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query: { q: q || undefined, limit: PEOPLE_LIMIT } } })),
    select: uniquePeople,
    placeholderData: keepPreviousData,
  });
}
