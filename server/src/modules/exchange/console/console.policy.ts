/**
 * Who sees the exchange console: clerks and organisation administrators see their own organisation's
 * messages, system administrators see every organisation's; nobody else. A message of another organisation
 * is "not found" (not "forbidden"), so its existence does not leak. The document behind a message (number,
 * subject) is shown only to people of its organisation, and a confidential one only to its clerks.
 */
import { hasRole, isSystemAdmin, type Actor } from '../../../platform/authz.ts';
import type { Confidentiality } from '../../documents/index.ts';

export const consolePolicy = {
  canUseConsole: (actor: Actor) => isSystemAdmin(actor) || hasRole(actor, 'clerk', 'org_admin'),
  /** Undefined: every organisation; otherwise only this one. */
  organizationScope: (actor: Actor): string | undefined => (isSystemAdmin(actor) ? undefined : actor.organizationId),
  canSeeDocument: (actor: Actor, organizationId: string, confidentiality: Confidentiality) =>
    actor.organizationId === organizationId && (confidentiality === 'normal' || hasRole(actor, 'clerk')),
};
