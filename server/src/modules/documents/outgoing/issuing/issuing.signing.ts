/**
 * Digital signatures in the outgoing flow (issue 5; STANDARDS §1.7, §1.10): the signer signs → the clerk
 * numbers → the clerk applies the organisation's signature → dispatch.
 *
 * An organisation signs digitally once it has a signing credential. Then:
 * - the leader who gives the last approval signs, with their PIN, the official PDF rendered without its
 *   number and date (the blanks "Số:      /QĐ-BGDĐT" and "ngày    tháng    năm 2026" stay open);
 * - the clerk's issue step writes the number and the date into those blanks and applies the organisation's
 *   signature (its seal over the left third of the leader's signature) in one incremental update, so the
 *   leader's signature stays valid and the organisation's covers the number and date; the result must
 *   validate before anything is issued.
 * A PDF made in a word processor may be issued instead only if it already carries a valid signature.
 */
import type { AppDeps, UseCaseContext } from '../../../../platform/context.ts';
import type { Trx } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import { formatLongDate } from '../../../../platform/pdf/index.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { assertFilesAttachable, findFilesByIds, readFileBytes, storeGeneratedFile } from '../../../files/index.ts';
import { findOrganizationsByIds } from '../../../org/index.ts';
import {
  openOrganizationKeyPem,
  organizationSigns,
  signAsOrganization,
  signAsPerson,
  validatePdf,
  type ValidationReport,
} from '../../../signatures/index.ts';
import type { OutgoingRow } from '../approval/approval.steps.ts';
import type { SignedLayout } from '../drafts/drafts.types.ts';
import { previewNotation } from '../numbering/index.ts';
import { renderOfficialPdfWithLayout } from '../render/index.ts';
import { officialPdfInput } from './issuing.pdf.ts';

type Deps = Pick<AppDeps, 'db' | 'config'>;

export interface SigningInput {
  /** The PIN of the signer's (or, at issue, the organisation's) certificate. */
  readonly pin?: string;
  /** For a remote (CSC) credential: the service's access token. */
  readonly cscAccessToken?: string;
}

const credentialInput = (input: SigningInput) => {
  if (!input.pin) throw new AppError('signatures.pin_required');
  return { pin: input.pin, ...(input.cscAccessToken ? { cscAccessToken: input.cscAccessToken } : {}) };
};

/** The names the PDF lists as recipients: the organisations on EduGov, then the others as typed. */
export async function recipientNames(trx: Trx, doc: OutgoingRow): Promise<string[]> {
  const internal = [...new Set(doc.recipients.internal)];
  const names = new Map((await findOrganizationsByIds(trx, internal)).map((o) => [o.id, o.name]));
  const external = [...new Set(doc.recipients.external.map((n) => n.normalize('NFC').trim()).filter(Boolean))];
  return [...internal.flatMap((id) => (names.has(id) ? [names.get(id)!] : [])), ...external];
}

/**
 * The last approval of a document of an organisation that signs: the approving leader signs its PDF (number
 * and date blank). Returns the columns to set, or null when the organisation does not sign digitally.
 */
export async function signAtApproval(
  deps: Deps,
  trx: Trx,
  ctx: UseCaseContext,
  doc: OutgoingRow,
  now: Date,
  input: SigningInput,
) {
  if (!(await organizationSigns(trx, doc.organization_id))) return null;
  const credential = credentialInput(input);
  const day = vietnamDate(now);
  const notation = await previewNotation(trx, {
    organizationId: doc.organization_id,
    docType: doc.doc_type,
    draftingUnitId: doc.drafting_unit_id,
    day,
  });
  const year = Number(day.slice(0, 4));
  const official = await officialPdfInput(trx, doc, { number: null, notation }, null, await recipientNames(trx, doc));
  const { pdf, layout } = await renderOfficialPdfWithLayout({ ...official, draftYear: year });
  const signed = await signAsPerson(deps, trx, ctx.audit, {
    userId: ctx.actor.userId,
    ...credential,
    pdf,
    reason: 'Ký ban hành văn bản',
    target: { type: 'outgoing_document', id: doc.id },
  });
  const file = await storeGeneratedFile(deps, trx, {
    bytes: signed.pdf,
    name: `${notation.replace(/\//g, '-')} - đã ký.pdf`,
    mediaType: 'application/pdf',
    organizationId: doc.organization_id,
    uploadedBy: ctx.actor.userId,
  });
  const signedLayout: SignedLayout = { notation, year, ...layout, signer: signed.placement };
  return {
    changes: {
      signed_file_id: file.id,
      signed_layout: JSON.stringify(signedLayout),
      signed_at: signed.signingTime,
      signed_by: ctx.actor.userId,
    },
    details: { signedFileId: file.id, signingTime: signed.signingTime.toISOString() },
  };
}

/** "05", and the day and month as the date line writes them ("05", "3"; January and February "01", "02"). */
function dateParts(day: string): { day: string; month: string } {
  const match = /^ngày (\d+) tháng (\d+) năm/.exec(formatLongDate(day));
  return { day: match![1]!, month: match![2]! };
}

/**
 * The clerk's issue step for an organisation that signs: the number and date go into the leader's signed PDF
 * and the organisation signs it. Returns the PDF to issue and its validation report (valid, or nothing is
 * issued), or null when the organisation does not sign digitally. With `xmlSignature` (recipients reached
 * through the axis) it also opens the organisation's key, with the same PIN, to sign the edXML package.
 */
export async function sealAtIssue(
  deps: Deps,
  trx: Trx,
  ctx: UseCaseContext,
  doc: OutgoingRow,
  issued: { number: number; notation: string },
  day: string,
  input: SigningInput & { finalFileId?: string; xmlSignature?: boolean },
): Promise<{ pdf: Uint8Array; report: ValidationReport; xmlSigner?: EdxmlSigner } | null> {
  const signs = await organizationSigns(trx, doc.organization_id);
  if (!doc.signed_file_id && !signs) return null;
  let signed: Uint8Array;
  let fills: { slot: NonNullable<SignedLayout['number']>; text: string; align?: 'right' }[] = [];
  let signerPlacement: SignedLayout['signer'] = null;
  if (doc.signed_file_id) {
    if (input.finalFileId) {
      throw new AppError('request.invalid', {
        field: 'finalFileId',
        reason: 'the document was signed at approval: the signed PDF is what is issued',
      });
    }
    const layout = doc.signed_layout!;
    if (layout.notation !== issued.notation || layout.year !== Number(day.slice(0, 4))) {
      throw new AppError('documents.signed_pdf_mismatch', {
        signed: { notation: layout.notation, year: layout.year },
        issue: { notation: issued.notation, year: Number(day.slice(0, 4)) },
      });
    }
    signed = new Uint8Array(await readFileBytes({ config: deps.config, db: trx }, doc.signed_file_id));
    const parts = dateParts(day);
    const number = String(issued.number).padStart(2, '0');
    fills = [
      ...(layout.number ? [{ slot: layout.number, text: number, align: 'right' as const }] : []),
      ...(layout.day ? [{ slot: layout.day, text: parts.day }] : []),
      ...(layout.month ? [{ slot: layout.month, text: parts.month }] : []),
    ];
    signerPlacement = layout.signer;
  } else {
    // A PDF made elsewhere: it must already carry a valid signature (the signer's) to be sealed and issued.
    if (!input.finalFileId) throw new AppError('documents.signature_required', { reason: 'not signed at approval' });
    // The same rule as an unsigned final PDF: a file the clerk may attach (their upload, not yet used), a PDF.
    const [file] = await assertFilesAttachable(trx, ctx.actor, [input.finalFileId]);
    if (file!.media_type !== 'application/pdf') {
      throw new AppError('request.invalid', { field: 'finalFileId', reason: 'a PDF file is required' });
    }
    signed = new Uint8Array(await readFileBytes({ config: deps.config, db: trx }, file!.id));
    const report = await validatePdf(trx, signed);
    if (report.verdict !== 'valid') {
      throw new AppError('documents.signature_required', { verdict: report.verdict, reasons: report.reasons });
    }
  }
  const sealed = await signAsOrganization(deps, trx, ctx.audit, {
    organizationId: doc.organization_id,
    ...credentialInput(input),
    pdf: signed,
    ...(signerPlacement ? { signerPlacement } : {}),
    fills,
    reason: 'Ký số của cơ quan, tổ chức khi phát hành',
    target: { type: 'outgoing_document', id: doc.id },
  });
  const report = await validatePdf(trx, sealed.pdf);
  if (report.verdict !== 'valid') {
    throw new AppError('signatures.result_not_valid', {
      reasons: report.signatures.flatMap((s) => s.reasons.map((r) => r.en)),
    });
  }
  if (!input.xmlSignature) return { pdf: sealed.pdf, report };
  const xmlSigner = await openOrganizationKeyPem(deps, trx, doc.organization_id, credentialInput(input).pin);
  return { pdf: sealed.pdf, report, ...(xmlSigner ? { xmlSigner } : {}) };
}

/** The organisation's key and certificate (PEM) that sign an edXML package. */
export type EdxmlSigner = { readonly privateKeyPem: string; readonly certificatePem: string };

/**
 * Attachments in separate files (phụ lục) of a document the organisation sealed: each PDF gets the
 * organisation's signature with the small block at the top right of page 1 (the số, ký hiệu and the time —
 * STANDARDS §1.10). Returns, in order, the file to send for each attachment (the signed copy, or the file
 * itself when it is not a PDF).
 */
export async function sealAttachments(
  deps: Deps,
  trx: Trx,
  ctx: UseCaseContext,
  doc: OutgoingRow,
  fullNumber: string,
  attachmentIds: readonly string[],
  input: SigningInput,
): Promise<{ original: string; sent: string }[]> {
  const files = new Map((await findFilesByIds(trx, [...attachmentIds])).map((f) => [f.id, f]));
  const sent: { original: string; sent: string }[] = [];
  for (const id of attachmentIds) {
    const file = files.get(id);
    if (file?.media_type !== 'application/pdf') {
      sent.push({ original: id, sent: id });
      continue;
    }
    const sealed = await signAsOrganization(deps, trx, ctx.audit, {
      organizationId: doc.organization_id,
      ...credentialInput(input),
      pdf: new Uint8Array(await readFileBytes({ config: deps.config, db: trx }, id)),
      textBlock: [`Số: ${fullNumber}`],
      reason: `Ký số phụ lục kèm văn bản ${fullNumber}`,
      target: { type: 'outgoing_document', id: doc.id },
    });
    const stored = await storeGeneratedFile(deps, trx, {
      bytes: sealed.pdf,
      name: file.original_name,
      mediaType: 'application/pdf',
      organizationId: doc.organization_id,
      uploadedBy: ctx.actor.userId,
    });
    sent.push({ original: id, sent: stored.id });
  }
  return sent;
}
