/**
 * Use cases of incoming documents up to registration, and reading them: register a received paper or
 * scanned document (with its arrival number), receive one from another organisation on EduGov, register a
 * received one, read one (which marks it read), list the inbox views, count them.
 */
import { writeAudit } from '../../../platform/audit/audit.ts';
import { authorize, type Actor } from '../../../platform/authz.ts';
import type { AppDeps, UseCaseContext } from '../../../platform/context.ts';
import type { Db, DbOrTrx, Trx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { vietnamDate } from '../../../platform/time.ts';
import { addWorkingDays } from '../../calendar/index.ts';
import { assertFilesAttachable } from '../../files/index.ts';
import { latestValidations, latestVerdicts } from '../../signatures/index.ts';
import { INCOMING_VIEWS, type Confidentiality, type Urgency } from '../documents.types.ts';
import { recordRecipientStatus } from '../outgoing/issuing/issuing.status.ts';
import { allocateNumber, findOrCreateDefaultRegister, findRegisterById } from '../registers/registers.repository.ts';
import { availableActions } from './incoming.actions.ts';
import { hasSenderToAnswer, pendingRecallFor } from '../outgoing/issuing/issuing.status.ts';
import { sendIncomingNotices } from './incoming.notices.ts';
import { incomingPolicy } from './incoming.policy.ts';
import * as repo from './incoming.repository.ts';
import {
  checkSignatureAtRegistration,
  checkSignatureDecision,
  validateOnArrival,
  type SignatureDecision,
} from './incoming.signatures.ts';

export interface IncomingMetadata {
  readonly issuerName: string;
  readonly numberNotation: string;
  readonly documentDate: string;
  readonly docType: string;
  readonly subject: string;
  readonly signerName?: string | null;
  readonly signerPosition?: string | null;
  readonly urgency: Urgency;
  readonly confidentiality: Confidentiality;
  readonly pageCount?: number | null;
  readonly replyDueDate?: string | null;
  readonly notes?: string | null;
}

export interface CreateIncomingInput extends IncomingMetadata {
  readonly source: 'paper' | 'electronic';
  readonly receivedAt?: string;
  readonly registerId?: string;
  readonly mainFileId: string;
  readonly attachmentIds?: readonly string[];
  /** The clerk saw the duplicate warning and registers anyway. */
  readonly allowDuplicate?: boolean;
  /** The clerk registers although the main PDF's signature is invalid (needs `signatureNote`). */
  readonly acceptInvalidSignature?: boolean;
  readonly signatureNote?: string | null;
}

/** The first file of a registration is the document itself, the rest its attachments. */
const mainThenAttachments = (index: number) => (index === 0 ? 'main' : 'attachment') as 'main' | 'attachment';

const CLOCK_SKEW_MS = 5 * 60 * 1000;

function checkDates(input: IncomingMetadata, receivedAt: Date, now: Date): void {
  const arrivalDay = vietnamDate(receivedAt);
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError('documents.invalid_dates', { field: 'receivedAt', reason: 'in the future' });
  }
  // A late registration may continue last year's series, never reopen an older one.
  const earliest = `${Number(vietnamDate(now).slice(0, 4)) - 1}-01-01`;
  if (arrivalDay < earliest) {
    throw new AppError('documents.invalid_dates', { field: 'receivedAt', reason: `before ${earliest}` });
  }
  if (input.documentDate > arrivalDay) {
    throw new AppError('documents.invalid_dates', { field: 'documentDate', reason: 'after the arrival date' });
  }
  if (input.replyDueDate && input.replyDueDate < input.documentDate) {
    throw new AppError('documents.invalid_dates', { field: 'replyDueDate', reason: 'before the document date' });
  }
}

/** The register to number a document in: the chosen one (checked) or the organisation's default. */
async function resolveRegister(
  trx: Trx,
  organizationId: string,
  registerId: string | undefined,
  confidential: boolean,
) {
  if (!registerId) return (await findOrCreateDefaultRegister(trx, organizationId, 'incoming', confidential)).register;
  const register = await findRegisterById(trx, registerId);
  if (
    !register ||
    register.organization_id !== organizationId ||
    register.direction !== 'incoming' ||
    !register.active
  ) {
    throw new AppError('documents.register_not_found', { registerId });
  }
  if (register.confidential !== confidential) {
    throw new AppError('documents.register_mismatch', { registerConfidential: register.confidential });
  }
  return register;
}

async function number(
  trx: Trx,
  organizationId: string,
  registerId: string | undefined,
  confidentiality: Confidentiality,
  receivedAt: Date,
) {
  const register = await resolveRegister(trx, organizationId, registerId, confidentiality !== 'normal');
  const year = Number(vietnamDate(receivedAt).slice(0, 4));
  const arrivalNumber = await allocateNumber(trx, register.id, year);
  return { register, year, arrivalNumber };
}

function metadataColumns(input: IncomingMetadata) {
  return {
    issuer_name: input.issuerName,
    number_notation: input.numberNotation,
    document_date: input.documentDate,
    doc_type: input.docType,
    subject: input.subject,
    signer_name: input.signerName ?? null,
    signer_position: input.signerPosition ?? null,
    urgency: input.urgency,
    confidentiality: input.confidentiality,
    page_count: input.pageCount ?? null,
    reply_due_date: input.replyDueDate ?? null,
    notes: input.notes ?? null,
  };
}

/** The clerk registers a document received on paper or by e-mail, from its scan: it gets the next arrival number. */
export async function createIncoming(
  deps: Pick<AppDeps, 'db' | 'jobs' | 'config'>,
  ctx: UseCaseContext,
  input: CreateIncomingInput,
) {
  const { actor } = ctx;
  authorize(incomingPolicy.canRegister(actor));
  checkSignatureDecision(input);
  const now = new Date();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  checkDates(input, receivedAt, now);
  const fileIds = [input.mainFileId, ...(input.attachmentIds ?? [])];
  if (new Set(fileIds).size !== fileIds.length)
    throw new AppError('request.invalid', { reason: 'a file is listed twice' });

  return deps.db.transaction().execute(async (trx) => {
    await assertFilesAttachable(trx, actor, fileIds);
    if (!input.allowDuplicate) {
      const duplicates = await repo.findPossibleDuplicates(trx, actor.organizationId, input);
      if (duplicates.length > 0) {
        throw new AppError('documents.possible_duplicate', {
          duplicates: duplicates.map((d) => ({
            id: d.id,
            arrivalNumber: d.arrival_number,
            arrivalYear: d.arrival_year,
            subject: d.subject,
          })),
        });
      }
    }
    const { register, year, arrivalNumber } = await number(
      trx,
      actor.organizationId,
      input.registerId,
      input.confidentiality,
      receivedAt,
    );
    // After numbering: a transaction takes the register's counter before the audit chain, never the reverse.
    const signature = await checkSignatureAtRegistration(deps, trx, ctx.audit, {
      fileId: input.mainFileId,
      organizationId: actor.organizationId,
      validatedBy: actor.userId,
      fresh: false,
      acceptInvalidSignature: input.acceptInvalidSignature,
      signatureNote: input.signatureNote,
    });
    await validateOnArrival(deps, trx, ctx.audit, {
      organizationId: actor.organizationId,
      fileIds: input.attachmentIds ?? [],
    });
    const doc = await trx
      .insertInto('incoming_documents')
      .values({
        organization_id: actor.organizationId,
        status: 'registered',
        source: input.source,
        register_id: register.id,
        arrival_year: year,
        arrival_number: arrivalNumber,
        received_at: receivedAt,
        registered_at: now,
        registered_by: actor.userId,
        ...metadataColumns(input),
        last_activity_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.insertDocumentFiles(trx, doc.id, fileIds, mainThenAttachments, actor.userId, now);
    await repo.insertEvent(trx, {
      documentId: doc.id,
      actor,
      action: 'registered',
      fromStatus: null,
      toStatus: 'registered',
      note: signature.note,
      details: {
        registerId: register.id,
        registerName: register.name,
        arrivalNumber,
        arrivalYear: year,
        signature: signature.trail,
      },
    });
    await repo.markRead(trx, doc.id, actor.userId, now);
    await writeAudit(trx, ctx.audit, {
      action: 'documents.incoming_registered',
      targetType: 'incoming_document',
      targetId: doc.id,
      summary: {
        after: {
          registerId: register.id,
          arrivalYear: year,
          arrivalNumber,
          numberNotation: doc.number_notation,
          issuerName: doc.issuer_name,
          confidentiality: doc.confidentiality,
          duplicateConfirmed: input.allowDuplicate === true,
          ...signature.audit,
        },
      },
    });
    return doc;
  });
}

export interface ReceivedFromOrganization extends IncomingMetadata {
  readonly organizationId: string;
  readonly senderOrganizationId: string;
  readonly sourceReference: string;
  readonly mainFileId: string;
  readonly attachmentIds?: readonly string[];
  /** Who on the sending side sent it (for the audit row). */
  readonly sentBy: string;
}

/**
 * A document sent by another organisation on EduGov arrives: it waits for the recipient's clerk to register
 * it (chờ vào sổ). Runs inside the sender's transaction, so the sending and the arrival commit together.
 * Its PDFs get a stored signature report (the sender's, when the same file was already validated).
 */
export async function receiveIncoming(
  trx: Trx,
  deps: Pick<AppDeps, 'jobs' | 'config'>,
  input: ReceivedFromOrganization,
) {
  const { jobs, config } = deps;
  const now = new Date();
  const doc = await trx
    .insertInto('incoming_documents')
    .values({
      organization_id: input.organizationId,
      status: 'received',
      source: 'edugov',
      sender_organization_id: input.senderOrganizationId,
      source_reference: input.sourceReference,
      received_at: now,
      ...metadataColumns(input),
      last_activity_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const fileIds = [input.mainFileId, ...(input.attachmentIds ?? [])];
  await repo.insertDocumentFiles(trx, doc.id, fileIds, mainThenAttachments, input.sentBy, now);
  const audit = { actorUserId: input.sentBy, actorName: null, organizationId: input.organizationId, requestId: null };
  const verdicts = await validateOnArrival({ config }, trx, audit, {
    organizationId: input.organizationId,
    fileIds,
  });
  await repo.insertEvent(trx, {
    documentId: doc.id,
    actor: null,
    action: 'received',
    fromStatus: null,
    toStatus: 'received',
    details: {
      senderOrganizationId: input.senderOrganizationId,
      sourceReference: input.sourceReference,
      signatureVerdict: verdicts.get(input.mainFileId) ?? null,
    },
  });
  await writeAudit(trx, audit, {
    action: 'documents.incoming_received',
    targetType: 'incoming_document',
    targetId: doc.id,
    summary: { after: { senderOrganizationId: input.senderOrganizationId, numberNotation: doc.number_notation } },
  });
  await sendIncomingNotices(trx, jobs, null, [{ kind: 'received', to: [{ role: 'clerk' }], document: doc }]);
  return doc;
}

/** The clerk registers a document received from another organisation: it gets its arrival number now. */
export async function registerReceived(
  deps: Pick<AppDeps, 'db' | 'jobs' | 'config'>,
  ctx: UseCaseContext,
  id: string,
  input: { version: number; registerId?: string; urgency?: Urgency; notes?: string | null } & SignatureDecision,
) {
  const { actor } = ctx;
  return deps.db.transaction().execute(async (trx) => {
    const doc = await getLockedVisible(trx, actor, id);
    if (doc.status !== 'received')
      throw new AppError('documents.invalid_state', { status: doc.status, allowed: ['received'] });
    authorize(incomingPolicy.canRegister(actor, doc));
    if (doc.version !== input.version) throw new AppError('record.conflict', { version: doc.version });
    checkSignatureDecision(input);
    const now = new Date();
    // Numbered in the series of the year it arrived (as the register book lists it by arrival date).
    const { register, year, arrivalNumber } = await number(
      trx,
      doc.organization_id,
      input.registerId,
      doc.confidentiality,
      doc.received_at,
    );
    // Validated again now (the trust list may have changed since it arrived); after numbering, as above.
    const main = (await repo.findDocumentFiles(trx, id)).find((f) => f.kind === 'main');
    const signature = main
      ? await checkSignatureAtRegistration(deps, trx, ctx.audit, {
          fileId: main.file_id,
          organizationId: doc.organization_id,
          validatedBy: actor.userId,
          fresh: true,
          acceptInvalidSignature: input.acceptInvalidSignature,
          signatureNote: input.signatureNote,
        })
      : { trail: null, audit: { signatureVerdict: null }, note: null };
    const after = await trx
      .updateTable('incoming_documents')
      .set({
        status: 'registered',
        register_id: register.id,
        arrival_year: year,
        arrival_number: arrivalNumber,
        registered_at: now,
        registered_by: actor.userId,
        ...(input.urgency ? { urgency: input.urgency } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        version: doc.version + 1,
        last_activity_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.insertEvent(trx, {
      documentId: id,
      actor,
      action: 'registered',
      fromStatus: 'received',
      toStatus: 'registered',
      note: signature.note,
      details: {
        registerId: register.id,
        registerName: register.name,
        arrivalNumber,
        arrivalYear: year,
        signature: signature.trail,
      },
    });
    await repo.markRead(trx, id, actor.userId, now);
    await writeAudit(trx, ctx.audit, {
      action: 'documents.incoming_registered',
      targetType: 'incoming_document',
      targetId: id,
      summary: {
        before: { status: 'received' },
        after: { registerId: register.id, arrivalYear: year, arrivalNumber, ...signature.audit },
      },
    });
    await recordRecipientStatus(trx, deps.jobs, after, 'registered', { actorUserId: actor.userId });
    return after;
  });
}

/** The document, locked for a change, if the actor may see it; otherwise 404 (never reveal what one may not see). */
export async function getLockedVisible(trx: Trx, actor: Actor, id: string) {
  const visible = await repo.findVisibleIncomingById(trx, actor, id);
  const doc = visible ? await repo.lockIncoming(trx, id) : undefined;
  if (!doc) throw new AppError('record.not_found', { type: 'incoming_document', id });
  return doc;
}

/** One document with its assignments, trail, files, extension requests and the actions open to the actor; marks it read. */
/**
 * Marks the document read for the person opening it. Opening must not fail because of it: under load the
 * upsert can meet a deadlock or a serialization failure with a step of the same person on the same document
 * (PostgreSQL 40P01/40001); it is tried again once, then left (the document shows as unread a little longer).
 */
async function markReadBestEffort(db: Db, id: string, userId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await repo.markRead(db, id, userId, new Date());
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== '40P01' && code !== '40001') throw error;
      if (attempt === 2) return;
    }
  }
}

export async function getIncomingDetail(db: Db, actor: Actor, id: string) {
  const doc = await repo.findVisibleIncomingById(db, actor, id);
  if (!doc) throw new AppError('record.not_found', { type: 'incoming_document', id });
  const [assignments, events, files, extensions, recallPending, hasSender] = await Promise.all([
    repo.findAssignments(db, id),
    repo.findEvents(db, id),
    repo.findDocumentFiles(db, id),
    repo.findExtensions(db, id),
    pendingRecallFor(db, id),
    hasSenderToAnswer(db, id),
  ]);
  const validations = await latestValidations(
    db,
    files.map((f) => f.file_id),
  );
  // Already read since its last activity: nothing to write (a detail view stays a read, with no commit to wait for).
  if (doc.unread) await markReadBestEffort(db, id, actor.userId);
  return {
    doc: { ...doc, unread: false },
    assignments,
    events,
    files,
    validations,
    extensions,
    actions: availableActions(actor, doc, assignments, extensions, recallPending, hasSender),
  };
}

export async function viewDates(db: DbOrTrx, dueSoonWorkingDays: number, now = new Date()): Promise<repo.ViewDates> {
  const { dueDate } = await addWorkingDays(db, now, dueSoonWorkingDays);
  return { today: vietnamDate(now), dueSoonUntil: dueDate };
}

/** One page of the inbox, each document with the latest signature verdict of its main file. */
export async function listIncoming(deps: Pick<AppDeps, 'db' | 'config'>, actor: Actor, filter: repo.IncomingFilter) {
  const page = await repo.findIncomingPage(
    deps.db,
    actor,
    filter,
    await viewDates(deps.db, deps.config.dueSoonWorkingDays),
  );
  const mainFiles = await repo.findMainFileIds(
    deps.db,
    page.rows.map((r) => r.id),
  );
  const verdicts = await latestVerdicts(deps.db, [...mainFiles.values()]);
  return {
    rows: page.rows.map((r) => ({ ...r, signature_verdict: verdicts.get(mainFiles.get(r.id) ?? '') ?? null })),
    total: page.total,
  };
}

export async function countIncoming(deps: Pick<AppDeps, 'db' | 'config'>, actor: Actor) {
  return repo.countViews(deps.db, actor, INCOMING_VIEWS, await viewDates(deps.db, deps.config.dueSoonWorkingDays));
}

export async function checkDuplicates(
  db: Db,
  actor: Actor,
  input: { issuerName: string; numberNotation: string; documentDate: string },
) {
  authorize(incomingPolicy.canRegister(actor));
  return repo.findPossibleDuplicates(db, actor.organizationId, input);
}
