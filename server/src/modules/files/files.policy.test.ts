import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/authz.ts';
import { buildActor } from '../../test/factories.ts';
import { filesPolicy } from './files.policy.ts';

const HN = 'org-hanoi';
const MOET = 'org-moet';
const file = { organization_id: HN, uploaded_by: 'uploader' };
const actor = (org: string, roles: Role[], userId = 'user') => ({ ...buildActor(org, ...roles), userId });

describe('who may read a file directly and attach it', () => {
  it.each<[string, ReturnType<typeof actor>, boolean, boolean]>([
    ['its uploader', actor(HN, ['specialist'], 'uploader'), true, true],
    ['its uploader acting for another organisation', actor(MOET, ['specialist'], 'uploader'), true, false],
    ['a clerk of its organisation', actor(HN, ['clerk']), true, false],
    ['a leader of its organisation', actor(HN, ['leader']), true, false],
    ['a unit head of its organisation', actor(HN, ['unit_head']), false, false],
    ['a specialist of its organisation', actor(HN, ['specialist']), false, false],
    ['an organisation administrator of its organisation', actor(HN, ['org_admin']), false, false],
    ['a clerk of another organisation', actor(MOET, ['clerk']), false, false],
    ['a system administrator elsewhere', actor(MOET, ['system_admin']), false, false],
  ])('%s: read %s, attach %s', (_who, a, read, attach) => {
    expect(filesPolicy.canReadDirectly(a, file)).toBe(read);
    expect(filesPolicy.canAttach(a, file)).toBe(attach);
  });

  it('a file from another system (no uploader) is read by the clerks and leaders of its organisation', () => {
    const received = { organization_id: HN, uploaded_by: null };
    expect(filesPolicy.canReadDirectly(actor(HN, ['clerk']), received)).toBe(true);
    expect(filesPolicy.canReadDirectly(actor(HN, ['specialist']), received)).toBe(false);
  });
});
