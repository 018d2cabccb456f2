/** Data shaped like the API's answers, and a stand-in for the server, for screen tests. */
import { vi } from 'vitest';
import type { Me, Person } from '../api/types';

/** A specialist of the Ministry (no administration rights). */
export const specialistMe: Me = {
  user: { id: '00000000-0000-4000-8000-000000000001', username: 'bgd.chuyenvien', fullName: 'Đỗ Thu Trang' },
  activeMembershipId: '00000000-0000-4000-8000-000000000002',
  organizationId: '00000000-0000-4000-8000-000000000003',
  roles: ['specialist'],
  memberships: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      organizationId: '00000000-0000-4000-8000-000000000003',
      organizationName: 'Bộ Giáo dục và Đào tạo',
      organizationShortName: 'Bộ GD&ĐT',
      unitId: null,
      unitName: null,
      positionId: null,
      positionName: null,
      roles: ['specialist'],
      isPrimary: true,
      validFrom: '2025-01-01',
      validTo: null,
      version: 1,
    },
  ],
  delegatedRoles: [],
  csrfToken: 'token',
};

export function person(id: number, fullName: string, username: string, more: Partial<Person> = {}): Person {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    fullName,
    username,
    unitId: null,
    unitName: null,
    positionName: null,
    roles: ['specialist'],
    ...more,
  };
}

/** An error answer, shaped like the server's. */
export function apiError(status: number, code: string): Response {
  return Response.json({ error: { code, message: code, details: null } }, { status });
}

type Answer = (request: Request) => Response | Promise<Response>;

/**
 * Replaces fetch with answers by path ("/api/v1/people"); anything else answers 500. Returns what was asked
 * for, as path and query ("/api/v1/people?q=trinh&limit=50"), in order. Undo with vi.restoreAllMocks().
 */
export function mockServer(answers: Record<string, Answer>): string[] {
  const asked: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    asked.push(`${url.pathname}${url.search}`);
    const answer = answers[url.pathname];
    return answer ? answer(request) : apiError(500, 'test.unexpected');
  });
  return asked;
}
