/** Who may give, cancel and read the numbers of outgoing documents (Decree 30/2020, Điều 15: the clerk numbers). */
import { hasRole, type Actor } from '../../../../platform/authz.ts';

const ofOrganization = (actor: Actor, organizationId: string) => actor.organizationId === organizationId;

export const numberingPolicy = {
  /** The clerk (văn thư) gives numbers, e.g. to a paper document signed outside the system. */
  canIssue: (actor: Actor, organizationId: string) => ofOrganization(actor, organizationId) && hasRole(actor, 'clerk'),
  /** The clerk records a number as cancelled (it stays in the book and is never given again). */
  canCancel: (actor: Actor, organizationId: string) => ofOrganization(actor, organizationId) && hasRole(actor, 'clerk'),
  /** Clerks, leaders and the organisation's administrators read the numbers given. */
  canList: (actor: Actor) => hasRole(actor, 'clerk', 'leader', 'org_admin'),
  /** Subjects of classified documents are for clerks and leaders only. */
  canReadClassifiedSubjects: (actor: Actor) => hasRole(actor, 'clerk', 'leader'),
};
