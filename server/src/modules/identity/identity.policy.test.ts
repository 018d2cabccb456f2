import { describe, expect, it } from 'vitest';
import { identityPolicy } from './identity.policy.ts';
import { buildActor } from '../../test/factories.ts';

const actor = buildActor;

describe('identity policy', () => {
  it.each([
    ['system admin', actor('moet', 'system_admin'), undefined, true, true, true],
    ['Hà Nội org admin', actor('hn', 'org_admin'), ['hn'], true, false, false],
    ['Hà Nội leader', actor('hn', 'leader'), [], false, false, false],
    ['ministry specialist', actor('moet', 'specialist'), [], false, false, false],
  ])('%s', (_who, a, administered, listHn, listMoet, grantSystemAdmin) => {
    expect(identityPolicy.administeredOrganizations(a)).toEqual(administered);
    expect(identityPolicy.canListPeople(a)).toBe(listHn || listMoet);
    expect(identityPolicy.canAdministerPeopleOf(a, 'hn')).toBe(listHn);
    expect(identityPolicy.canAdministerPeopleOf(a, 'moet')).toBe(listMoet);
    expect(identityPolicy.canGrantRoles(a, ['system_admin'])).toBe(grantSystemAdmin);
    expect(identityPolicy.canGrantRoles(a, ['clerk'])).toBe(true);
  });
});
