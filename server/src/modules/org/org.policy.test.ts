import { describe, expect, it } from 'vitest';
import { orgPolicy } from './org.policy.ts';
import { buildActor } from '../../test/factories.ts';

const MOET = 'org-moet';
const HN = 'org-hn';
const actor = buildActor;

describe('org policy', () => {
  it.each([
    ['system admin', actor(MOET, 'system_admin'), true, true, true],
    ['ministry org admin', actor(MOET, 'org_admin'), false, true, false],
    ['Hà Nội org admin', actor(HN, 'org_admin'), false, false, true],
    ['ministry leader', actor(MOET, 'leader'), false, false, false],
    ['Hà Nội clerk', actor(HN, 'clerk'), false, false, false],
  ])('%s: manage organisations %s, structure of the Ministry %s, of Hà Nội %s', (_who, a, orgs, moet, hn) => {
    expect(orgPolicy.canReadDirectory(a)).toBe(true);
    expect(orgPolicy.canManageOrganizations(a)).toBe(orgs);
    expect(orgPolicy.canManageStructureOf(a, MOET)).toBe(moet);
    expect(orgPolicy.canManageStructureOf(a, HN)).toBe(hn);
  });
});
