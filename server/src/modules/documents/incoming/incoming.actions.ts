/**
 * The steps open to a person on a document right now (policy and state together), sent to the web app so
 * it shows exactly the buttons the server will accept.
 */
import { hasRole, type Actor } from '../../../platform/authz.ts';
import { INCOMING_STATUSES, type IncomingStatus } from '../documents.types.ts';
import {
  incomingPolicy,
  ownAssignments,
  headsAssignedUnit,
  type AssignmentFacts,
  type DocumentFacts,
} from './incoming.policy.ts';

export const INCOMING_ACTIONS = [
  'register',
  'present',
  'direct',
  'assign',
  'comment',
  'request_extension',
  'decide_extension',
  'return',
  'complete',
  'recall',
  'close',
  'refuse',
  'recall_answer',
] as const;
export type IncomingAction = (typeof INCOMING_ACTIONS)[number];

/** The states in which each step may happen. */
export const ALLOWED_STATES: Readonly<Record<IncomingAction, readonly IncomingStatus[]>> = {
  register: ['received'],
  present: ['registered'],
  direct: ['presented', 'assigned', 'in_progress'],
  assign: ['assigned', 'in_progress'],
  comment: ['presented', 'assigned', 'in_progress'],
  request_extension: ['assigned', 'in_progress'],
  decide_extension: ['assigned', 'in_progress'],
  return: ['assigned', 'in_progress'],
  complete: ['assigned', 'in_progress'],
  recall: ['assigned', 'in_progress'],
  close: ['registered', 'presented', 'assigned', 'in_progress'],
  refuse: ['received'],
  /** The sender asked to recall the copy (dispatch at 13): answered whatever the copy's state. */
  recall_answer: INCOMING_STATUSES,
};

interface ExtensionFacts {
  readonly assignment_id: string;
  readonly status: string;
}

export function availableActions(
  actor: Actor,
  doc: DocumentFacts,
  assignments: readonly (AssignmentFacts & { deadline: string | null })[],
  extensions: readonly ExtensionFacts[],
  /** The sender asked to recall this copy and waits for an answer (see `pendingRecallFor`). */
  recallPending = false,
  /** The copy came through an EduGov dispatch or over the axis: there is a sender to refuse it to (`hasSenderToAnswer`). */
  hasSender = false,
): IncomingAction[] {
  const own = ownAssignments(actor, assignments);
  const pending = new Set(extensions.filter((x) => x.status === 'pending').map((x) => x.assignment_id));
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const allowed: Record<IncomingAction, boolean> = {
    register: incomingPolicy.canRegister(actor, doc),
    present: incomingPolicy.canPresent(actor, doc),
    direct: incomingPolicy.canDirect(actor, doc),
    assign: assignments.some(
      (a) => a.status === 'active' && a.parent_id === null && incomingPolicy.canAssign(actor, doc, a),
    ),
    comment: incomingPolicy.canComment(actor, doc, assignments),
    request_extension: own.some((a) => byId.get(a.id)?.deadline !== null && !pending.has(a.id)),
    decide_extension: [...pending].some((id) => {
      const a = byId.get(id);
      return a !== undefined && incomingPolicy.canDecideExtension(actor, doc, a);
    }),
    return: own.length > 0,
    complete: incomingPolicy.canComplete(actor, doc, assignments),
    recall:
      doc.organization_id === actor.organizationId &&
      (hasRole(actor, 'leader') ||
        assignments.some(
          (c) => c.status === 'active' && c.parent_id !== null && headsAssignedUnit(actor, byId.get(c.parent_id)!),
        )),
    close: incomingPolicy.canClose(actor, doc, assignments),
    refuse: incomingPolicy.canRefuse(actor, doc, hasSender),
    recall_answer: recallPending && hasRole(actor, 'clerk') && doc.organization_id === actor.organizationId,
  };
  return INCOMING_ACTIONS.filter((a) => allowed[a] && ALLOWED_STATES[a].includes(doc.status));
}
