/**
 * Who may do what to an incoming document (Decree 30/2020, Điều 20–24), as plain rules over the document and
 * its assignments. The workflow checks the document's state first (409 when the step does not fit it) and
 * then asks the policy (403 when this person may not take the step).
 */
import { hasRole, type Actor } from '../../../platform/authz.ts';
import type { AssignmentRole, AssignmentStatus, IncomingStatus } from '../documents.types.ts';

export interface DocumentFacts {
  readonly organization_id: string;
  readonly status: IncomingStatus;
}

export interface AssignmentFacts {
  readonly id: string;
  readonly parent_id: string | null;
  readonly role: AssignmentRole;
  readonly unit_id: string | null;
  readonly user_id: string | null;
  readonly assigned_by: string;
  readonly status: AssignmentStatus;
}

const ofOrganization = (actor: Actor, doc: DocumentFacts) => doc.organization_id === actor.organizationId;

/** The actor heads the unit an assignment was given to. */
export function headsAssignedUnit(actor: Actor, a: AssignmentFacts): boolean {
  return hasRole(actor, 'unit_head') && a.user_id === null && a.unit_id !== null && a.unit_id === actor.unitId;
}

/** The active lead/support assignments the actor answers for: given to them, or to the unit they head. */
export function ownAssignments(actor: Actor, assignments: readonly AssignmentFacts[]): AssignmentFacts[] {
  return assignments.filter(
    (a) => a.status === 'active' && a.role !== 'info' && (a.user_id === actor.userId || headsAssignedUnit(actor, a)),
  );
}

export const incomingPolicy = {
  /** A clerk (văn thư) registers documents received by their organisation. */
  canRegister: (actor: Actor, doc?: DocumentFacts) =>
    hasRole(actor, 'clerk') && (doc === undefined || ofOrganization(actor, doc)),

  /** The clerk presents registered documents to the leader (trình). */
  canPresent: (actor: Actor, doc: DocumentFacts) => hasRole(actor, 'clerk') && ofOrganization(actor, doc),

  /** The organisation's leader directs (and re-directs) the handling: lead, support, for information, deadline. */
  canDirect: (actor: Actor, doc: DocumentFacts) => hasRole(actor, 'leader') && ofOrganization(actor, doc),

  /** The leader recalls the whole direction; a unit head recalls what they gave to their specialists. */
  canRecall: (actor: Actor, doc: DocumentFacts) => ofOrganization(actor, doc) && hasRole(actor, 'leader', 'unit_head'),

  /** A unit head hands a unit's assignment to people of the unit. */
  canAssign: (actor: Actor, doc: DocumentFacts, unitAssignment: AssignmentFacts) =>
    ofOrganization(actor, doc) && headsAssignedUnit(actor, unitAssignment) && unitAssignment.role !== 'info',

  /** Whoever takes part records opinions and attaches drafts: the leader, and whoever leads or supports (not those informed). */
  canComment: (actor: Actor, doc: DocumentFacts, assignments: readonly AssignmentFacts[]) =>
    ofOrganization(actor, doc) && (hasRole(actor, 'leader') || ownAssignments(actor, assignments).length > 0),

  /** Whoever holds a deadline may ask for more time. */
  canRequestExtension: (actor: Actor, doc: DocumentFacts, a: AssignmentFacts) =>
    ofOrganization(actor, doc) && a.status === 'active' && (a.user_id === actor.userId || headsAssignedUnit(actor, a)),

  /** Only whoever set the deadline approves or refuses more time. */
  canDecideExtension: (actor: Actor, doc: DocumentFacts, a: AssignmentFacts) =>
    ofOrganization(actor, doc) && a.assigned_by === actor.userId,

  /** An assignee hands their assignment back to whoever gave it. */
  canReturn: (actor: Actor, doc: DocumentFacts, a: AssignmentFacts) =>
    ofOrganization(actor, doc) &&
    a.status === 'active' &&
    a.role !== 'info' &&
    (a.user_id === actor.userId || headsAssignedUnit(actor, a)),

  /** The lead person, the head of the lead unit, or the leader completes the handling; a supporter completes their part. */
  canComplete: (actor: Actor, doc: DocumentFacts, assignments: readonly AssignmentFacts[]) =>
    ofOrganization(actor, doc) && (hasRole(actor, 'leader') || ownAssignments(actor, assignments).length > 0),

  /**
   * The clerk refuses (từ chối, status 02 for the sender) only a document that came through an EduGov dispatch
   * or over the axis — there is a sender to answer — and only before registering it; paper and hand-entered
   * documents cannot be.
   */
  canRefuse: (actor: Actor, doc: DocumentFacts, hasSender: boolean) =>
    hasSender && hasRole(actor, 'clerk') && ofOrganization(actor, doc),

  /** The leader, or the head of the lead unit, closes a document that needs no further handling. */
  canClose: (actor: Actor, doc: DocumentFacts, assignments: readonly AssignmentFacts[]) =>
    ofOrganization(actor, doc) &&
    (hasRole(actor, 'leader') ||
      assignments.some((a) => a.status === 'active' && a.role === 'lead' && headsAssignedUnit(actor, a))),
};
