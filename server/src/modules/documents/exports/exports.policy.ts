/** Who may print what. The processing slip follows the document's own visibility (incoming.repository). */
import { hasRole, type Actor } from '../../../platform/authz.ts';

export interface RegisterFacts {
  readonly organization_id: string;
  readonly confidential: boolean;
}

export const exportsPolicy = {
  /**
   * A register book lists every document of the register: the clerks who keep it, the leaders and the
   * organisation's administrators may print it; a confidential book only the clerks and the leaders.
   */
  canExportBook: (actor: Actor, register: RegisterFacts) =>
    actor.organizationId === register.organization_id &&
    (register.confidential ? hasRole(actor, 'clerk', 'leader') : hasRole(actor, 'clerk', 'leader', 'org_admin')),
};
