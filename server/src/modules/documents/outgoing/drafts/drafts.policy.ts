/** Who may write a draft (dự thảo): any official of the organisation drafts; only the author edits and submits it. */
import { hasRole, type Actor } from '../../../../platform/authz.ts';

interface DraftFacts {
  readonly organization_id: string;
  readonly created_by: string;
}

const ofOrganization = (actor: Actor, doc: DraftFacts) => doc.organization_id === actor.organizationId;

export const draftPolicy = {
  /** Any official drafts (usually a specialist); a system administrator acting outside an organisation's work does not. */
  canCreate: (actor: Actor) => hasRole(actor, 'specialist', 'unit_head', 'leader', 'clerk', 'archivist', 'org_admin'),

  /** The author edits the content (while it is a draft or returned — the state table says when). */
  canEdit: (actor: Actor, doc: DraftFacts) => ofOrganization(actor, doc) && doc.created_by === actor.userId,

  /** The author submits it on an approval route (and resubmits it after it was returned). */
  canSubmit: (actor: Actor, doc: DraftFacts) => ofOrganization(actor, doc) && doc.created_by === actor.userId,
};
