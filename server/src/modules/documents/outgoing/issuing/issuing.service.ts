/**
 * Issuing (phát hành — Decree 30/2020, Điều 16; STANDARDS §1.7 steps 5–8): the clerk numbers the approved
 * document, EduGov renders the official PDF (or takes the final PDF made in a word processor), and one
 * dispatch per recipient goes out — organisations on EduGov receive it in the same transaction. The sender
 * follows each dispatch's status (§2.7) and may ask for it back (recall: 13, then 15 or 16).
 */
import { writeAudit } from '../../../../platform/audit/audit.ts';
import { authorize, hasRole, type Actor } from '../../../../platform/authz.ts';
import type { AppDeps, UseCaseContext } from '../../../../platform/context.ts';
import type { Db, Trx } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import type { JobQueue } from '../../../../platform/jobs/jobs.ts';
import { nfc } from '../../../../platform/text.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { assertFilesAttachable, storeGeneratedFile } from '../../../files/index.ts';
import { findMembersWithRole } from '../../../identity/index.ts';
import { notify, type Bilingual } from '../../../notifications/index.ts';
import { findOrganizationsByIds, getOrganizationById } from '../../../org/index.ts';
import { getLockedVisible as getLockedIncoming } from '../../incoming/incoming.service.ts';
import { receiveIncoming } from '../../incoming/incoming.service.ts';
import { incomingPolicy } from '../../incoming/incoming.policy.ts';
import * as incomingRepo from '../../incoming/incoming.repository.ts';
import { resolveReviewerScope } from '../approval/approval.scope.ts';
import { getLockedVisible } from '../approval/approval.steps.ts';
import * as drafts from '../drafts/drafts.repository.ts';
import { issueNumber } from '../numbering/index.ts';
import { storeValidationReport } from '../../../signatures/index.ts';
import { renderOfficialPdf } from '../render/index.ts';
import { officialPdfInput } from './issuing.pdf.ts';
import { sendOverAxis } from './issuing.axis.ts';
import { recipientNames, sealAtIssue, sealAttachments } from './issuing.signing.ts';
import { exchangePort } from '../../documents.exchange-port.ts';
import {
  hasSenderToAnswer,
  receivedOverAxis,
  recordRecipientStatus,
  setDispatchStatus,
  sourceOutgoingId,
  sourceReferenceOf,
} from './issuing.status.ts';
import './issuing.tables.ts';
import type { DispatchChannel, DispatchStatus } from './issuing.types.ts';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'config'>;

export interface IssueInput {
  readonly registerId?: string;
  /** The document's date (yyyy-mm-dd, Vietnam); today by default. */
  readonly date?: string;
  /** The final PDF made in a word processor: EduGov then stamps nothing. */
  readonly finalFileId?: string;
  /** The organisation certificate's PIN, when the organisation signs digitally (see issuing.signing.ts). */
  readonly pin?: string;
  readonly cscAccessToken?: string;
}

const OPEN_INCOMING = ['registered', 'presented', 'assigned', 'in_progress'] as const;

const mayIssue = (actor: Actor, doc: { organization_id: string }) =>
  hasRole(actor, 'clerk') && doc.organization_id === actor.organizationId;
const mayRecall = (actor: Actor, doc: { organization_id: string }) =>
  hasRole(actor, 'clerk', 'leader') && doc.organization_id === actor.organizationId;

async function notifyClerks(
  trx: Trx,
  jobs: JobQueue,
  organizationId: string,
  n: { kind: string; title: Bilingual; body: Bilingual; link: string; email: boolean },
) {
  const clerks = await findMembersWithRole(trx, organizationId, 'clerk', vietnamDate());
  await notify(
    trx,
    jobs,
    clerks.map((c) => ({ userId: c.id, organizationId, ...n })),
  );
}

/** Noon in Vietnam on the given day: the moment a document dated that day is numbered in its year. */
const atDay = (day: string) => new Date(`${day}T12:00:00+07:00`);

/** The incoming document this one answers is completed (answered by its number), if it is still open. */
async function completeAnswered(
  trx: Trx,
  jobs: JobQueue,
  ctx: UseCaseContext,
  incomingId: string,
  outgoingId: string,
  fullNumber: string,
  now: Date,
) {
  const doc = await incomingRepo.lockIncoming(trx, incomingId);
  if (!doc || !(OPEN_INCOMING as readonly string[]).includes(doc.status)) return;
  await trx
    .updateTable('incoming_assignments')
    .set({ status: 'completed', status_changed_at: now })
    .where('document_id', '=', incomingId)
    .where('status', '=', 'active')
    .execute();
  const after = await trx
    .updateTable('incoming_documents')
    .set({
      status: 'completed',
      completed_at: now,
      completed_by: ctx.actor.userId,
      answered_by: fullNumber,
      answered_by_outgoing_id: outgoingId,
      version: doc.version + 1,
      last_activity_at: now,
      updated_at: now,
    })
    .where('id', '=', incomingId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await incomingRepo.insertEvent(trx, {
    documentId: incomingId,
    actor: ctx.actor,
    action: 'completed',
    fromStatus: doc.status,
    toStatus: 'completed',
    note: `Đã trả lời bằng văn bản số ${fullNumber}`,
    details: { answeredBy: fullNumber, answeredByOutgoingId: outgoingId },
  });
  await writeAudit(trx, ctx.audit, {
    action: 'documents.incoming_completed',
    targetType: 'incoming_document',
    targetId: incomingId,
    summary: { before: { status: doc.status }, after: { status: 'completed', answeredBy: fullNumber } },
  });
  await recordRecipientStatus(trx, jobs, after, 'completed', { actorUserId: ctx.actor.userId });
}

/** The clerk issues an approved document: number, official PDF, dispatches — one transaction. */
export async function issueOutgoing(deps: Deps, ctx: UseCaseContext, id: string, input: IssueInput) {
  const { actor } = ctx;
  return deps.db.transaction().execute(async (trx) => {
    const scope = await resolveReviewerScope(trx, actor);
    const doc = await getLockedVisible(trx, scope, id);
    if (doc.status !== 'approved') {
      throw new AppError('documents.invalid_state', { status: doc.status, allowed: ['approved'] });
    }
    authorize(mayIssue(actor, doc), { action: 'issue' });
    const internal = [...new Set(doc.recipients.internal)];
    const external = [...new Set(doc.recipients.external.map((n) => nfc(n.trim())).filter(Boolean))];
    const classified = doc.confidentiality !== 'normal';
    if (classified && internal.length > 0) {
      throw new AppError('documents.confidential_dispatch', { confidentiality: doc.confidentiality });
    }
    const now = new Date();
    const day = input.date ?? vietnamDate(now);
    if (day > vietnamDate(now))
      throw new AppError('documents.invalid_dates', { field: 'date', reason: 'in the future' });
    const organizations = await findOrganizationsByIds(trx, internal);
    const recipientOf = new Map(organizations.map((o) => [o.id, o]));
    if (organizations.length !== internal.length) {
      throw new AppError('documents.invalid_recipient', { missing: internal.filter((o) => !recipientOf.has(o)) });
    }
    // Organisations not hosted here get the document over the interchange axis, all in one package.
    const viaAxis = organizations.filter((o) => o.via_axis);
    const signer = doc.signer_user_id
      ? await trx.selectFrom('users').select('full_name').where('id', '=', doc.signer_user_id).executeTakeFirst()
      : undefined;
    const issued = await issueNumber(trx, {
      organizationId: doc.organization_id,
      registerId: input.registerId,
      docType: doc.doc_type,
      confidentiality: doc.confidentiality,
      draftingUnitId: doc.drafting_unit_id,
      at: input.date ? atDay(input.date) : now,
      issuedBy: actor.userId,
      documentId: id,
      subject: doc.subject,
      signerName: signer?.full_name ?? null,
    });

    let fileId: string;
    const sealed = await sealAtIssue(deps, trx, ctx, doc, issued, day, { ...input, xmlSignature: viaAxis.length > 0 });
    if (sealed) {
      const stored = await storeGeneratedFile(deps, trx, {
        bytes: sealed.pdf,
        name: `${issued.full_number.replace(/\//g, '-')}.pdf`,
        mediaType: 'application/pdf',
        organizationId: doc.organization_id,
        uploadedBy: actor.userId,
      });
      fileId = stored.id;
      await storeValidationReport(trx, ctx.audit, {
        fileId,
        organizationId: doc.organization_id,
        validatedBy: actor.userId,
        report: sealed.report,
      });
    } else if (input.finalFileId) {
      const [file] = await assertFilesAttachable(trx, actor, [input.finalFileId]);
      if (file!.media_type !== 'application/pdf') {
        throw new AppError('request.invalid', { field: 'finalFileId', reason: 'a PDF file is required' });
      }
      fileId = file!.id;
    } else {
      const names = await recipientNames(trx, doc);
      const bytes = await renderOfficialPdf(await officialPdfInput(trx, doc, issued, day, names));
      const stored = await storeGeneratedFile(deps, trx, {
        bytes,
        name: `${issued.full_number.replace(/\//g, '-')}.pdf`,
        mediaType: 'application/pdf',
        organizationId: doc.organization_id,
        uploadedBy: actor.userId,
      });
      fileId = stored.id;
    }
    await drafts.insertDocumentFiles(trx, id, [{ fileId, kind: 'final' }], actor.userId, now);
    let attachments = (await drafts.findDocumentFiles(trx, id))
      .filter((f) => f.kind === 'attachment')
      .map((f) => f.file_id);
    if (sealed && attachments.length > 0) {
      // Phụ lục in separate files carry the organisation's signature too; the signed copies are what is issued.
      const signed = await sealAttachments(deps, trx, ctx, doc, issued.full_number, attachments, input);
      const copies = signed
        .filter((a) => a.sent !== a.original)
        .map((a) => ({ fileId: a.sent, kind: 'final' as const }));
      await drafts.insertDocumentFiles(trx, id, copies, actor.userId, now);
      attachments = signed.map((a) => a.sent);
    }

    const issuer = await getOrganizationById(trx, doc.organization_id);
    const axisDocumentId =
      viaAxis.length === 0
        ? null
        : await sendOverAxis(deps, trx, {
            doc,
            issued,
            day,
            recipients: viaAxis.map((o) => ({ organizationId: o.id, code: o.identifier, name: o.name })),
            fileIds: [fileId, ...attachments],
            signer: sealed?.xmlSigner,
          });
    // A copy in the recipient's incoming documents, for an organisation hosted here.
    const copyHere = async (orgId: string) => {
      const copy = await receiveIncoming(trx, deps, {
        organizationId: orgId,
        senderOrganizationId: doc.organization_id,
        sourceReference: sourceReferenceOf(id),
        issuerName: issuer.name,
        numberNotation: issued.full_number,
        documentDate: day,
        docType: doc.doc_type,
        subject: doc.subject,
        signerName: signer?.full_name ?? null,
        signerPosition: doc.signer_position_title,
        urgency: doc.urgency,
        confidentiality: doc.confidentiality,
        replyDueDate: doc.reply_due_date,
        mainFileId: fileId,
        attachmentIds: attachments,
        sentBy: actor.userId,
      });
      return copy.id;
    };
    const dispatches: { name: string; channel: DispatchChannel; status: DispatchStatus }[] = [];
    for (const orgId of internal) {
      const org = recipientOf.get(orgId)!;
      // Each recipient's delivery: the package queued above, or a copy here.
      const delivery = org.via_axis
        ? { channel: 'axis' as const, status: 'queued' as const, incomingId: null, recipientCode: org.identifier }
        : { channel: 'edugov' as const, status: '01' as const, incomingId: await copyHere(orgId), recipientCode: null };
      await insertDispatch(trx, {
        outgoingId: id,
        organizationId: orgId,
        name: org.name,
        ...delivery,
        axisDocumentId: org.via_axis ? axisDocumentId : null,
        by: actor.userId,
        at: now,
      });
      dispatches.push({ name: org.name, channel: delivery.channel, status: delivery.status });
    }
    for (const name of external) {
      // A classified document never leaves electronically: outside recipients get it on paper.
      const channel: DispatchChannel = classified ? 'paper' : 'external';
      const status: DispatchStatus = classified ? 'listed' : 'queued';
      await insertDispatch(trx, {
        outgoingId: id,
        organizationId: null,
        name,
        channel,
        incomingId: null,
        status,
        by: actor.userId,
        at: now,
      });
      dispatches.push({ name, channel, status });
    }

    const after = await trx
      .updateTable('outgoing_documents')
      .set({
        status: 'issued',
        issued_number_id: issued.id,
        full_number: issued.full_number,
        issued_at: now,
        issued_by: actor.userId,
        official_file_id: fileId,
        version: doc.version + 1,
        last_activity_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await drafts.insertEvent(trx, {
      documentId: id,
      actor,
      action: 'issued',
      fromStatus: doc.status,
      toStatus: 'issued',
      note: null,
      details: {
        fullNumber: issued.full_number,
        date: day,
        fileId,
        finalFile: input.finalFileId !== undefined,
        sealed: sealed !== null,
        dispatches,
      },
    });
    await writeAudit(trx, ctx.audit, {
      action: 'documents.outgoing_issued',
      targetType: 'outgoing_document',
      targetId: id,
      summary: {
        before: { status: doc.status },
        after: { status: 'issued', fullNumber: issued.full_number, fileId, recipients: dispatches.length },
      },
    });
    // The draft chooses whether issuing the answer completes the incoming document it answers.
    if (doc.answers_incoming_id && doc.completes_answered) {
      await completeAnswered(trx, deps.jobs, ctx, doc.answers_incoming_id, id, issued.full_number, now);
    }
    if (doc.related_outgoing_id && doc.relation_kind) {
      await markRelated(trx, ctx, doc.related_outgoing_id, doc.relation_kind, id, issued.full_number, now);
    }
    if (doc.created_by !== actor.userId) {
      await notify(trx, deps.jobs, [
        {
          userId: doc.created_by,
          organizationId: doc.organization_id,
          kind: 'outgoing.issued',
          title: {
            vi: `Văn bản đã được phát hành: ${issued.full_number}`,
            en: `Document issued: ${issued.full_number}`,
          },
          body: classified ? undefined : { vi: doc.subject, en: doc.subject },
          link: `/e-office/outgoing/${id}`,
          email: !classified,
        },
      ]);
    }
    return after;
  });
}

async function insertDispatch(
  trx: Trx,
  d: {
    outgoingId: string;
    organizationId: string | null;
    name: string;
    channel: DispatchChannel;
    incomingId: string | null;
    status: DispatchStatus;
    /** Channel 'axis': the recipient's identifier code and the package's DocumentId. */
    recipientCode?: string | null;
    axisDocumentId?: string | null;
    by: string;
    at: Date;
  },
) {
  const row = await trx
    .insertInto('outgoing_dispatches')
    .values({
      outgoing_id: d.outgoingId,
      recipient_organization_id: d.organizationId,
      recipient_name: d.name,
      channel: d.channel,
      incoming_id: d.incomingId,
      recipient_code: d.recipientCode ?? null,
      axis_document_id: d.axisDocumentId ?? null,
      status: d.status,
      status_at: d.at,
      created_at: d.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('outgoing_dispatch_events')
    .values({ dispatch_id: row.id, status: d.status, actor_user_id: d.by, occurred_at: d.at })
    .execute();
}

/** Each recipient of a document and where its copy stands, with the history; for whoever may see the document. */
export async function listDispatches(db: Db, actor: Actor, id: string) {
  const scope = await resolveReviewerScope(db, actor);
  const doc = await drafts.findVisibleOutgoingById(db, scope, id);
  if (!doc) throw new AppError('record.not_found', { type: 'outgoing_document', id });
  const dispatches = await db
    .selectFrom('outgoing_dispatches')
    .selectAll()
    .where('outgoing_id', '=', id)
    .orderBy('created_at')
    .orderBy('recipient_name')
    .execute();
  const events =
    dispatches.length === 0
      ? []
      : await db
          .selectFrom('outgoing_dispatch_events as e')
          .leftJoin('users as u', 'u.id', 'e.actor_user_id')
          .select(['e.dispatch_id', 'e.status', 'e.reason', 'e.occurred_at', 'u.full_name as actor_name'])
          .where(
            'e.dispatch_id',
            'in',
            dispatches.map((d) => d.id),
          )
          .orderBy('e.id')
          .execute();
  return dispatches.map((d) => ({ ...d, history: events.filter((e) => e.dispatch_id === d.id) }));
}

/**
 * The sender asks every recipient to give the document back (13): the clerks of those on EduGov are told, and
 * those reached through the axis get status packet 13.
 */
export async function recallOutgoing(deps: Deps, ctx: UseCaseContext, id: string, input: { reason: string }) {
  const { actor } = ctx;
  const reason = nfc(input.reason.trim());
  if (!reason) throw new AppError('request.invalid', { field: 'reason' });
  return deps.db.transaction().execute(async (trx) => {
    const scope = await resolveReviewerScope(trx, actor);
    const doc = await getLockedVisible(trx, scope, id);
    if (doc.status !== 'issued')
      throw new AppError('documents.invalid_state', { status: doc.status, allowed: ['issued'] });
    authorize(mayRecall(actor, doc), { action: 'recall' });
    const now = new Date();
    const open = await trx
      .selectFrom('outgoing_dispatches')
      .select([
        'id',
        'status',
        'channel',
        'recipient_organization_id',
        'incoming_id',
        'recipient_code',
        'axis_document_id',
      ])
      .where('outgoing_id', '=', id)
      .where('channel', 'in', ['edugov', 'axis'])
      .where('status', 'not in', ['02', '13', '15'])
      .forUpdate()
      .execute();
    if (open.length === 0) throw new AppError('documents.invalid_state', { reason: 'nothing left to recall' });
    const overAxis = open.filter((d) => d.channel === 'axis');
    if (overAxis.length > 0) {
      await exchangePort().sendRecall(trx, {
        outgoingId: id,
        organizationId: doc.organization_id,
        dispatches: overAxis.map((d) => ({
          id: d.id,
          recipientCode: d.recipient_code!,
          documentId: d.axis_document_id!,
        })),
        reason,
      });
    }
    for (const d of open) {
      await setDispatchStatus(trx, d, '13', { reason, actorUserId: actor.userId, at: now });
      if (d.channel !== 'edugov') continue;
      await notifyClerks(trx, deps.jobs, d.recipient_organization_id!, {
        kind: 'incoming.recall_requested',
        title: { vi: 'Cơ quan gửi đề nghị thu hồi văn bản', en: 'The sender asks to recall a document' },
        body: { vi: `${doc.full_number ?? ''}: ${reason}`, en: `${doc.full_number ?? ''}: ${reason}` },
        link: `/e-office/incoming/${d.incoming_id}`,
        email: doc.confidentiality === 'normal',
      });
    }
    const after = await trx
      .updateTable('outgoing_documents')
      .set({ recall_reason: reason, version: doc.version + 1, last_activity_at: now, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await drafts.insertEvent(trx, {
      documentId: id,
      actor,
      action: 'recall_requested',
      fromStatus: doc.status,
      toStatus: doc.status,
      note: reason,
      details: { dispatchIds: open.map((d) => d.id) },
    });
    await writeAudit(trx, ctx.audit, {
      action: 'documents.outgoing_recall_requested',
      targetType: 'outgoing_document',
      targetId: id,
      summary: { after: { dispatches: open.length } },
    });
    return after;
  });
}

/** Closes the recipient's copy as refused or withdrawn: its open assignments end with it, and any recall request. */
async function closeCopy(
  trx: Trx,
  doc: { id: string; version: number },
  outcome: 'refused' | 'withdrawn',
  by: string,
  now: Date,
) {
  await trx
    .updateTable('incoming_assignments')
    .set({ status: 'closed', status_changed_at: now })
    .where('document_id', '=', doc.id)
    .where('status', '=', 'active')
    .execute();
  return trx
    .updateTable('incoming_documents')
    .set({
      status: 'closed',
      outcome,
      recall_requested_at: null,
      recall_reason: null,
      closed_at: now,
      closed_by: by,
      version: doc.version + 1,
      last_activity_at: now,
      updated_at: now,
    })
    .where('id', '=', doc.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The recipient's clerk refuses a document received on EduGov or over the axis (not for us, wrong, unreadable): 02. */
export async function refuseIncoming(
  deps: Pick<AppDeps, 'db' | 'jobs'>,
  ctx: UseCaseContext,
  id: string,
  input: { note: string },
) {
  const { actor } = ctx;
  const note = nfc(input.note.trim());
  if (!note) throw new AppError('request.invalid', { field: 'note' });
  return deps.db.transaction().execute(async (trx) => {
    const doc = await getLockedIncoming(trx, actor, id);
    if (doc.status !== 'received')
      throw new AppError('documents.invalid_state', { status: doc.status, allowed: ['received'] });
    authorize(incomingPolicy.canRefuse(actor, doc, await hasSenderToAnswer(trx, id)), { action: 'refuse' });
    const now = new Date();
    const after = await closeCopy(trx, doc, 'refused', actor.userId, now);
    await incomingRepo.insertEvent(trx, {
      documentId: id,
      actor,
      action: 'refused',
      fromStatus: doc.status,
      toStatus: 'closed',
      note,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'documents.incoming_refused',
      targetType: 'incoming_document',
      targetId: id,
      summary: { before: { status: doc.status }, after: { status: 'closed', outcome: 'refused' } },
    });
    await recordRecipientStatus(trx, deps.jobs, after, '02', { reason: note, actorUserId: actor.userId });
    return after;
  });
}

/**
 * The recipient's clerk answers the sender's recall: accepted (15, the copy is withdrawn) or refused (16). The
 * answer reaches the sender as any other status: its dispatch on EduGov, or a status packet over the axis.
 */
export async function answerRecall(
  deps: Pick<AppDeps, 'db' | 'jobs'>,
  ctx: UseCaseContext,
  id: string,
  input: { accept: boolean; note?: string },
) {
  const { actor } = ctx;
  const note = input.note ? nfc(input.note.trim()) || null : null;
  return deps.db.transaction().execute(async (trx) => {
    const doc = await getLockedIncoming(trx, actor, id);
    const outgoingId = sourceOutgoingId(doc);
    const dispatch = outgoingId
      ? await trx.selectFrom('outgoing_dispatches').select('status').where('incoming_id', '=', id).executeTakeFirst()
      : undefined;
    const pending = receivedOverAxis(doc) ? doc.recall_requested_at !== null : dispatch?.status === '13';
    if (!pending) {
      throw new AppError('documents.invalid_state', {
        status: dispatch?.status ?? null,
        reason: 'no recall requested',
      });
    }
    authorize(hasRole(actor, 'clerk') && doc.organization_id === actor.organizationId, { action: 'recall_answer' });
    const now = new Date();
    const after = input.accept
      ? await closeCopy(trx, doc, 'withdrawn', actor.userId, now)
      : await trx
          .updateTable('incoming_documents')
          .set({
            recall_requested_at: null,
            recall_reason: null,
            version: doc.version + 1,
            last_activity_at: now,
            updated_at: now,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
    const action = input.accept ? 'withdrawn' : 'recall_refused';
    await incomingRepo.insertEvent(trx, {
      documentId: id,
      actor,
      action,
      fromStatus: doc.status,
      toStatus: after.status,
      note,
      details: outgoingId ? { outgoingId } : { channel: 'axis' },
    });
    await writeAudit(trx, ctx.audit, {
      action: `documents.incoming_${action}`,
      targetType: 'incoming_document',
      targetId: id,
      summary: { before: { status: doc.status }, after: { status: after.status, accepted: input.accept } },
    });
    await recordRecipientStatus(trx, deps.jobs, after, input.accept ? '15' : '16', {
      reason: note,
      actorUserId: actor.userId,
    });
    return after;
  });
}

/**
 * Thay thế, đính chính (STANDARDS §1.7 step 8): once the new document is issued, the old one's trail says so,
 * and a replaced document records its replacement (it stays issued and visible).
 */
async function markRelated(
  trx: Trx,
  ctx: UseCaseContext,
  oldId: string,
  kind: 'replaces' | 'corrects',
  newId: string,
  fullNumber: string,
  now: Date,
) {
  const old = await drafts.lockOutgoing(trx, oldId);
  if (!old) return;
  const action = kind === 'replaces' ? 'replaced' : 'corrected';
  await trx
    .updateTable('outgoing_documents')
    .set({
      ...(kind === 'replaces' ? { replaced_by_id: newId } : {}),
      version: old.version + 1,
      last_activity_at: now,
      updated_at: now,
    })
    .where('id', '=', oldId)
    .execute();
  await drafts.insertEvent(trx, {
    documentId: oldId,
    actor: ctx.actor,
    action,
    fromStatus: old.status,
    toStatus: old.status,
    note: null,
    details: { byDocumentId: newId, fullNumber },
  });
  await writeAudit(trx, ctx.audit, {
    action: `documents.outgoing_${action}`,
    targetType: 'outgoing_document',
    targetId: oldId,
    summary: { after: { [kind === 'replaces' ? 'replacedBy' : 'correctedBy']: newId, fullNumber } },
  });
}
