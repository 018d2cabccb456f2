/**
 * Use cases of a draft (dự thảo, Decree 30/2020 Điều 10): write one, save its content again (each save is a
 * revision, kept for good), read it with its revisions, route and trail, list the drafts one may see, and
 * compare two revisions.
 */
import { writeAudit } from '../../../../platform/audit/audit.ts';
import { authorize, type Actor } from '../../../../platform/authz.ts';
import type { UseCaseContext } from '../../../../platform/context.ts';
import type { Db, Trx } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import { nfc } from '../../../../platform/text.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { assertFilesAttachable, findFilesByIds } from '../../../files/index.ts';
import { isMemberOf } from '../../../identity/index.ts';
import { findOrganizationsByIds } from '../../../org/index.ts';
import { latestValidation, organizationSigns } from '../../../signatures/index.ts';
import type { Confidentiality, DocumentTypeCode, Urgency } from '../../documents.types.ts';
import { findVisibleIncomingById } from '../../incoming/incoming.repository.ts';
import { availableActions } from '../approval/approval.actions.ts';
import * as approval from '../approval/approval.repository.ts';
import { resolveReviewerScope } from '../approval/approval.scope.ts';
import { runOutgoingStep, type Deps } from '../approval/approval.steps.ts';
import { changedFields, diffLines } from './drafts.diff.ts';
import { draftPolicy } from './drafts.policy.ts';
import * as repo from './drafts.repository.ts';
import type {
  AuthorityPrefix,
  DraftContent,
  OutgoingFileKind,
  OutgoingRelationKind,
  RevisionFile,
} from './drafts.types.ts';

export interface DraftInput {
  readonly docType: DocumentTypeCode;
  readonly subject: string;
  readonly body?: string;
  readonly signerUserId?: string | null;
  readonly signerPositionTitle?: string | null;
  readonly authorityPrefix?: AuthorityPrefix | null;
  readonly recipients?: { readonly internal?: readonly string[]; readonly external?: readonly string[] };
  readonly urgency?: Urgency;
  readonly confidentiality?: Confidentiality;
  readonly replyDueDate?: string | null;
  readonly answersIncomingId?: string | null;
  /** Issuing it completes the incoming document it answers (default true). */
  readonly completesAnswered?: boolean;
  /** The title of the head signed for with KT./TL./TUQ., when not the organisation's head position. */
  readonly principalTitle?: string | null;
  /** Thay thế / đính chính: an issued outgoing document of the organisation this one replaces or corrects. */
  readonly relatesTo?: { readonly documentId: string; readonly kind: OutgoingRelationKind } | null;
  /** The working files of the draft (e.g. DOCX), the actor's own uploads. */
  readonly draftFileIds?: readonly string[];
  /** Phụ lục and other attachments. */
  readonly attachmentIds?: readonly string[];
}

export type DraftUpdate = Partial<DraftInput> & { readonly version: number };

function contentOf(input: DraftInput): DraftContent {
  return {
    docType: input.docType,
    subject: input.subject.trim(),
    body: input.body ?? '',
    signerUserId: input.signerUserId ?? null,
    signerPositionTitle: input.signerPositionTitle?.trim() || null,
    authorityPrefix: input.authorityPrefix ?? null,
    recipients: {
      internal: [...new Set(input.recipients?.internal ?? [])],
      external: (input.recipients?.external ?? []).map((name) => name.trim()),
    },
    urgency: input.urgency ?? 'normal',
    confidentiality: input.confidentiality ?? 'normal',
    replyDueDate: input.replyDueDate ?? null,
    answersIncomingId: input.answersIncomingId ?? null,
    completesAnswered: input.completesAnswered ?? true,
    principalTitle: input.principalTitle ? nfc(input.principalTitle.trim()) || null : null,
  };
}

function filesOf(draftFileIds: readonly string[], attachmentIds: readonly string[]): RevisionFile[] {
  const all = [...draftFileIds, ...attachmentIds];
  if (new Set(all).size !== all.length) {
    throw new AppError('documents.invalid_draft', { field: 'files', reason: 'a file is listed twice' });
  }
  return [
    ...draftFileIds.map((fileId) => ({ fileId, kind: 'draft' as const })),
    ...attachmentIds.map((fileId) => ({ fileId, kind: 'attachment' as const })),
  ];
}

/**
 * The content refers only to what exists and the author may use: a subject, recipient organisations on
 * EduGov in existence today, a signer of the organisation, an incoming document the author can see, and
 * files the author uploaded (files already on the draft stay usable).
 */
async function checkContent(
  trx: Trx,
  actor: Actor,
  content: DraftContent,
  files: readonly RevisionFile[],
  alreadyAttached: ReadonlySet<string> = new Set(),
): Promise<void> {
  const invalid = (field: string, extra: Record<string, unknown> = {}) =>
    new AppError('documents.invalid_draft', { field, ...extra });
  if (content.subject === '') throw invalid('subject');
  if (content.recipients.external.some((name) => name === '')) throw invalid('recipients.external');
  const today = vietnamDate();
  const internal = content.recipients.internal;
  if (internal.length > 0) {
    const found = await findOrganizationsByIds(trx, internal);
    const inForce = new Set(
      found.filter((o) => o.valid_from <= today && (o.valid_to === null || o.valid_to >= today)).map((o) => o.id),
    );
    const unknown = internal.filter((id) => !inForce.has(id));
    if (unknown.length > 0) throw new AppError('documents.invalid_recipient', { organizationIds: unknown });
  }
  if (content.signerUserId && !(await isMemberOf(trx, content.signerUserId, actor.organizationId, today))) {
    throw invalid('signerUserId');
  }
  if (content.answersIncomingId && !(await findVisibleIncomingById(trx, actor, content.answersIncomingId))) {
    throw invalid('answersIncomingId');
  }
  const fresh = files.map((f) => f.fileId).filter((id) => !alreadyAttached.has(id));
  if (fresh.length > 0) await assertFilesAttachable(trx, actor, fresh);
}

function contentColumns(c: DraftContent) {
  return {
    doc_type: c.docType,
    subject: c.subject,
    body: c.body,
    signer_user_id: c.signerUserId,
    signer_position_title: c.signerPositionTitle,
    authority_prefix: c.authorityPrefix,
    recipients: JSON.stringify(c.recipients),
    urgency: c.urgency,
    confidentiality: c.confidentiality,
    reply_due_date: c.replyDueDate,
    answers_incoming_id: c.answersIncomingId,
    completes_answered: c.completesAnswered,
    principal_title: c.principalTitle,
  };
}

/**
 * The columns of a relation (thay thế, đính chính): its target must be an issued outgoing document of the
 * actor's organisation, other than the document itself.
 */
async function relationColumns(trx: Trx, actor: Actor, relatesTo: DraftInput['relatesTo'], selfId?: string) {
  if (!relatesTo) return { related_outgoing_id: null, relation_kind: null };
  const target =
    relatesTo.documentId === selfId
      ? undefined
      : await repo.findIssuedOfOrganization(trx, actor.organizationId, relatesTo.documentId);
  if (!target) throw new AppError('documents.invalid_relation', { documentId: relatesTo.documentId });
  return { related_outgoing_id: target.id, relation_kind: relatesTo.kind };
}

/** The audit keeps what changed in outline, never the body of a document. */
function auditOutline(c: DraftContent, files: readonly RevisionFile[]) {
  return {
    docType: c.docType,
    confidentiality: c.confidentiality,
    internalRecipients: c.recipients.internal.length,
    externalRecipients: c.recipients.external.length,
    files: files.length,
  };
}

/** Any official writes a draft; it belongs to their unit and is revision 1. */
export async function createDraft(deps: Deps, ctx: UseCaseContext, input: DraftInput) {
  const { actor } = ctx;
  authorize(draftPolicy.canCreate(actor));
  const content = contentOf(input);
  const files = filesOf(input.draftFileIds ?? [], input.attachmentIds ?? []);
  return deps.db.transaction().execute(async (trx) => {
    await checkContent(trx, actor, content, files);
    const relation = await relationColumns(trx, actor, input.relatesTo);
    const now = new Date();
    const doc = await trx
      .insertInto('outgoing_documents')
      .values({
        organization_id: actor.organizationId,
        drafting_unit_id: actor.unitId,
        created_by: actor.userId,
        ...contentColumns(content),
        ...relation,
        last_activity_at: now,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.insertDocumentFiles(trx, doc.id, files, actor.userId, now);
    await repo.insertRevision(trx, { documentId: doc.id, revision: 1, content, files, by: actor.userId, at: now });
    await repo.insertEvent(trx, {
      documentId: doc.id,
      actor,
      action: 'drafted',
      fromStatus: null,
      toStatus: 'draft',
      details: { revision: 1 },
    });
    await writeAudit(trx, ctx.audit, {
      action: 'documents.outgoing_drafted',
      targetType: 'outgoing_document',
      targetId: doc.id,
      summary: { after: { status: 'draft', revision: 1, ...auditOutline(content, files) } },
    });
    return doc;
  });
}

/** The author saves the content again (while a draft or returned): a new revision, checked against `version`. */
export async function updateDraft(deps: Deps, ctx: UseCaseContext, id: string, input: DraftUpdate) {
  const { actor } = ctx;
  return runOutgoingStep(
    deps,
    ctx,
    id,
    'update',
    ({ doc }) => draftPolicy.canEdit(actor, doc),
    async ({ trx, doc, now }) => {
      if (doc.version !== input.version) throw new AppError('record.conflict', { version: doc.version });
      const current = await repo.findRevision(trx, id, doc.current_revision);
      if (!current) throw new Error(`revision ${doc.current_revision} of ${id} is missing`);
      const was = current.content;
      const merged: DraftInput = {
        ...was,
        ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
        recipients: input.recipients
          ? {
              internal: input.recipients.internal ?? was.recipients.internal,
              external: input.recipients.external ?? was.recipients.external,
            }
          : was.recipients,
      };
      const content = contentOf(merged);
      const kept = (kind: RevisionFile['kind']) => current.files.filter((f) => f.kind === kind).map((f) => f.fileId);
      const files = filesOf(input.draftFileIds ?? kept('draft'), input.attachmentIds ?? kept('attachment'));
      const attached = new Set((await repo.findDocumentFiles(trx, id)).map((f) => f.file_id));
      await checkContent(trx, actor, content, files, attached);
      const relation =
        input.relatesTo === undefined ? undefined : await relationColumns(trx, actor, input.relatesTo, id);
      const relationChanged =
        relation !== undefined &&
        (relation.related_outgoing_id !== doc.related_outgoing_id || relation.relation_kind !== doc.relation_kind);
      const revision = doc.current_revision + 1;
      await repo.insertDocumentFiles(trx, id, files, actor.userId, now);
      await repo.insertRevision(trx, { documentId: id, revision, content, files, by: actor.userId, at: now });
      const changed = changedFields({ content: was, files: current.files }, { content, files }).map((c) => c.field);
      const bodyChanged = was.body !== content.body;
      const all = [...changed, ...(bodyChanged ? ['body'] : []), ...(relationChanged ? ['relatesTo'] : [])];
      return {
        changes: { ...contentColumns(content), ...(relation ?? {}), current_revision: revision },
        event: { action: 'revised', details: { revision, changed: all } },
        audit: { revision, changed: all },
      };
    },
  );
}

/** One draft with its revisions, current files, routes and steps, trail and the steps open to the actor. */
export async function getOutgoingDetail(db: Db, actor: Actor, id: string) {
  const scope = await resolveReviewerScope(db, actor);
  const doc = await repo.findVisibleOutgoingById(db, scope, id);
  if (!doc) throw new AppError('record.not_found', { type: 'outgoing_document', id });
  const [revisions, current, attached, routes, steps, events, organizations, relations, signs, validation] =
    await Promise.all([
      repo.findRevisions(db, id),
      repo.findRevision(db, id, doc.current_revision),
      repo.findDocumentFiles(db, id),
      approval.findRoutes(db, id),
      approval.findSteps(db, id),
      repo.findEvents(db, id),
      findOrganizationsByIds(db, doc.recipients.internal),
      repo.findRelations(db, doc.related_outgoing_id, id),
      organizationSigns(db, doc.organization_id),
      doc.official_file_id ? latestValidation(db, doc.official_file_id) : undefined,
    ]);
  // The files of the current revision, and a final signed PDF if one was added (the official PDF once issued).
  const currentFiles: { fileId: string; kind: OutgoingFileKind }[] = [
    ...(current?.files ?? []),
    ...attached.filter((f) => f.kind === 'final').map((f) => ({ fileId: f.file_id, kind: f.kind })),
  ];
  if (doc.official_file_id && !currentFiles.some((f) => f.fileId === doc.official_file_id)) {
    currentFiles.push({ fileId: doc.official_file_id, kind: 'final' });
  }
  const fileMeta = await findFilesByIds(
    db,
    currentFiles.map((f) => f.fileId),
  );
  orderSteps(steps, routes);
  const route = routes[0];
  const active = route?.status === 'active' ? route : undefined;
  const pending = active
    ? steps.filter((s) => s.route_id === active.id && s.stage_index === active.current_stage && s.status === 'pending')
    : [];
  return {
    doc,
    revisions,
    files: currentFiles,
    fileMeta,
    organizations,
    route,
    steps,
    events,
    relations,
    signing: { required: signs, officialValidation: validation ?? null },
    actions: availableActions(actor, scope, doc, active, pending),
  };
}

/**
 * Steps in the order they happened; the steps a stage opened with (same instant) in the order its
 * reviewers are listed.
 */
function orderSteps(
  steps: Awaited<ReturnType<typeof approval.findSteps>>,
  routes: Awaited<ReturnType<typeof approval.findRoutes>>,
) {
  const stagesOf = new Map(routes.map((r) => [r.id, r.stages]));
  const position = (s: (typeof steps)[number]) => {
    const reviewers = stagesOf.get(s.route_id)?.[s.stage_index]?.reviewers ?? [];
    const i = reviewers.findIndex((r) =>
      'userId' in r ? r.userId === s.reviewer_user_id && !s.forwarded_from : r.role === s.reviewer_role,
    );
    return i < 0 ? reviewers.length : i;
  };
  return steps.sort(
    (a, b) =>
      a.round - b.round ||
      a.stage_index - b.stage_index ||
      a.created_at.getTime() - b.created_at.getTime() ||
      position(a) - position(b),
  );
}

export async function listOutgoing(db: Db, actor: Actor, filter: repo.OutgoingFilter) {
  return repo.findOutgoingPage(db, await resolveReviewerScope(db, actor), filter);
}

/** Whether a file belongs to a draft the actor may see (for downloads). */
export async function findVisibleDraftFile(db: Db, actor: Actor, id: string, fileId: string) {
  const doc = await repo.findVisibleOutgoingById(db, await resolveReviewerScope(db, actor), id);
  if (!doc) return undefined;
  if (doc.official_file_id === fileId || doc.signed_file_id === fileId) {
    return { file_id: fileId, kind: 'final' as const };
  }
  const files = await repo.findDocumentFiles(db, id);
  return files.find((f) => f.file_id === fileId);
}

/** Two revisions side by side: the fields that changed, and the body line by line. */
export async function compareRevisions(db: Db, actor: Actor, id: string, from: number, to: number) {
  const scope = await resolveReviewerScope(db, actor);
  const doc = await repo.findVisibleOutgoingById(db, scope, id);
  if (!doc) throw new AppError('record.not_found', { type: 'outgoing_document', id });
  const [a, b] = await Promise.all([repo.findRevision(db, id, from), repo.findRevision(db, id, to)]);
  if (!a || !b) throw new AppError('record.not_found', { type: 'revision', revision: !a ? from : to });
  return {
    from: a,
    to: b,
    fields: changedFields(a, b),
    bodyChanged: a.content.body !== b.content.body,
    body: diffLines(a.content.body, b.content.body),
  };
}
