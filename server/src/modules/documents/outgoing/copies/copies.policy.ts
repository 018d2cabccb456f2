/**
 * Who makes copies (Nghị định 30/2020, Điều 25–27): the clerk (văn thư) of the organisation holding the
 * document, who sees it (clerks see every document of their organisation, classified ones included); a
 * leader of the organisation signs. The head of an organisation may let others sign copies (Điều 27) — not
 * configurable yet: the signer is always a leader.
 */
import { hasRole, type Actor } from '../../../../platform/authz.ts';

export const copiesPolicy = {
  canMake: (actor: Actor, organizationId: string) => actor.organizationId === organizationId && hasRole(actor, 'clerk'),
};
