/**
 * The digital signatures of received documents (Decree 30/2020: check authenticity and integrity on receipt).
 * On arrival every PDF of the document gets a stored validation report (reused when the same file already
 * has one: a document issued to 50 organisations is validated once). At registration the main PDF is
 * validated again (the trust list may have changed): an invalid signature refuses the registration unless
 * the clerk confirms it with a note; the verdict goes into the processing trail and the audit row.
 */
import type { AuditContext } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/context.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { ensureValidation, type ValidationReport, type ValidationRow, type Verdict } from '../../signatures/index.ts';

type Reason = ValidationReport['reasons'][number];

/** Every reason of a report (the overall ones, then each signature's), once per code. */
export function reasonsOf(report: ValidationReport): Reason[] {
  const all = [...report.reasons, ...report.signatures.flatMap((s) => s.reasons)];
  return [...new Map(all.map((r) => [r.code, { code: r.code, vi: r.vi, en: r.en }])).values()];
}

/**
 * Makes sure each PDF of an arriving document has a stored report, reusing a stored one; returns the verdict
 * of each file that has one.
 */
export async function validateOnArrival(
  deps: Pick<AppDeps, 'config'>,
  trx: Trx,
  audit: AuditContext,
  input: { organizationId: string; fileIds: readonly string[] },
): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  for (const fileId of input.fileIds) {
    const row = await ensureValidation({ config: deps.config, db: trx }, trx, audit, {
      fileId,
      organizationId: input.organizationId,
      validatedBy: null,
    });
    if (row) verdicts.set(fileId, row.verdict);
  }
  return verdicts;
}

/** What the clerk said about an invalid signature when registering. */
export interface SignatureDecision {
  readonly acceptInvalidSignature?: boolean;
  readonly signatureNote?: string | null;
}

export interface SignatureOutcome {
  /** For the trail event's details (null: the main file is not a PDF). */
  readonly trail: Record<string, unknown> | null;
  /** For the audit row's summary. */
  readonly audit: Record<string, unknown>;
  /** The clerk's note when an invalid signature was accepted (the trail event's note). */
  readonly note: string | null;
}

/** Refuses `acceptInvalidSignature` without a note before anything is done. */
export function checkSignatureDecision(decision: SignatureDecision): void {
  if (decision.acceptInvalidSignature === true && !decision.signatureNote?.trim()) {
    throw new AppError('request.invalid', {
      field: 'signatureNote',
      reason: 'a note is required to register a document whose signature is invalid',
    });
  }
}

/**
 * The verdict on the main file at registration: `documents.signature_invalid` (409, with the reasons) if it
 * is invalid and the clerk has not accepted it with a note; otherwise what to record in the trail and audit.
 * Indeterminate (an unsigned scan, an untrusted CA) registers normally.
 */
export async function checkSignatureAtRegistration(
  deps: Pick<AppDeps, 'config'>,
  trx: Trx,
  audit: AuditContext,
  input: {
    fileId: string;
    organizationId: string;
    validatedBy: string;
    /** Validate now even if a report is stored (registration of a received document). */
    fresh: boolean;
  } & SignatureDecision,
): Promise<SignatureOutcome> {
  const row: ValidationRow | undefined = await ensureValidation({ config: deps.config, db: trx }, trx, audit, {
    fileId: input.fileId,
    organizationId: input.organizationId,
    validatedBy: input.validatedBy,
    fresh: input.fresh,
  });
  if (!row) return { trail: null, audit: { signatureVerdict: null }, note: null };
  const reasons = reasonsOf(row.report);
  const accepted = row.verdict === 'invalid' && input.acceptInvalidSignature === true;
  if (row.verdict === 'invalid' && !accepted) {
    throw new AppError('documents.signature_invalid', { fileId: input.fileId, verdict: row.verdict, reasons });
  }
  const note = accepted ? input.signatureNote!.trim() : null;
  return {
    trail: {
      fileId: input.fileId,
      verdict: row.verdict,
      signatureCount: row.signature_count,
      signers: row.report.signatures.map((s) => s.signerName),
      reasons: reasons.map((r) => r.code),
      ...(accepted ? { invalidAccepted: true, note } : {}),
    },
    audit: {
      signatureVerdict: row.verdict,
      ...(accepted ? { invalidSignatureAccepted: true, signatureNote: note } : {}),
    },
    note,
  };
}
