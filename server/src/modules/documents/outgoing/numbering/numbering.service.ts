/**
 * Use cases of outgoing numbers: the clerk numbers a document signed outside the system (paper), records a
 * number as cancelled, and clerks, leaders and administrators read the numbers given.
 */
import { writeAudit } from '../../../../platform/audit/audit.ts';
import { authorize } from '../../../../platform/authz.ts';
import type { UseCaseContext } from '../../../../platform/context.ts';
import type { Db } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import type { Confidentiality } from '../../documents.types.ts';
import { findRegisterById } from '../../registers/registers.repository.ts';
import { cancelNumber, findIssuedNumberForUpdate, issueNumber } from './numbering.ts';
import { numberingPolicy } from './numbering.policy.ts';
import * as repo from './numbering.repository.ts';

export async function listIssuedNumbers(db: Db, ctx: UseCaseContext, filter: repo.IssuedNumberFilter) {
  authorize(numberingPolicy.canList(ctx.actor));
  const { rows, total } = await repo.findIssuedNumbers(db, ctx.actor.organizationId, filter);
  const subjects = numberingPolicy.canReadClassifiedSubjects(ctx.actor);
  return {
    rows: rows.map((r) => (subjects || r.confidentiality === 'normal' ? r : { ...r, subject: null })),
    total,
  };
}

export interface PaperNumberInput {
  readonly docType: string;
  readonly confidentiality: Confidentiality;
  readonly draftingUnitId?: string | null | undefined;
  readonly subject?: string | null | undefined;
  readonly signerName?: string | null | undefined;
  readonly notes?: string | null | undefined;
}

/** The clerk gives the next number of an outgoing register to a document signed outside the system. */
export async function issuePaperNumber(
  db: Db,
  ctx: UseCaseContext,
  registerId: string,
  input: PaperNumberInput,
): Promise<repo.IssuedNumberRow> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const register = await findRegisterById(trx, registerId);
    if (!register || register.organization_id !== actor.organizationId) {
      throw new AppError('record.not_found', { type: 'register', id: registerId });
    }
    authorize(numberingPolicy.canIssue(actor, register.organization_id));
    const issued = await issueNumber(trx, {
      organizationId: register.organization_id,
      registerId,
      docType: input.docType,
      confidentiality: input.confidentiality,
      draftingUnitId: input.draftingUnitId ?? null,
      at: new Date(),
      issuedBy: actor.userId,
      subject: input.subject ?? null,
      signerName: input.signerName ?? null,
      notes: input.notes ?? null,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'documents.number_issued',
      targetType: 'issued_number',
      targetId: issued.id,
      summary: {
        after: {
          registerId,
          year: issued.year,
          series: issued.series,
          number: issued.number,
          fullNumber: issued.full_number,
          docType: issued.doc_type,
          confidentiality: issued.confidentiality,
          documentId: null,
        },
      },
    });
    return (await repo.findIssuedNumberWithNames(trx, actor.organizationId, issued.id))!;
  });
}

/** The clerk records a number as cancelled: it stays listed, marked cancelled, and is never given again. */
export async function cancelIssuedNumber(
  db: Db,
  ctx: UseCaseContext,
  id: string,
  input: { reason: string },
): Promise<repo.IssuedNumberRow> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const row = await findIssuedNumberForUpdate(trx, id);
    if (!row || row.organization_id !== actor.organizationId) {
      throw new AppError('record.not_found', { type: 'issued_number', id });
    }
    authorize(numberingPolicy.canCancel(actor, row.organization_id));
    // The number of a document handled in the system is cancelled with that document, not from the list.
    if (row.document_id !== null) {
      throw new AppError('documents.invalid_state', {
        reason: 'the number belongs to a document',
        documentId: row.document_id,
      });
    }
    const cancelled = await cancelNumber(trx, id, { by: actor.userId, reason: input.reason });
    await writeAudit(trx, ctx.audit, {
      action: 'documents.number_cancelled',
      targetType: 'issued_number',
      targetId: id,
      summary: {
        before: { status: row.status, fullNumber: row.full_number, year: row.year },
        after: { status: cancelled.status, reason: cancelled.cancel_reason },
      },
    });
    return (await repo.findIssuedNumberWithNames(trx, actor.organizationId, id))!;
  });
}
