/**
 * The organisation's digital signature on an electronic copy (bản sao điện tử — Nghị định 30/2020, Phụ lục I;
 * STANDARDS §1.10: chữ ký số của cơ quan, tổ chức at ô số 14). The copy's PDF already prints ô 14 (form,
 * organisation, ISO time) at the top right of page 1; the signature itself is invisible there and made with
 * the organisation's certificate (the clerk gives its PIN). An organisation without a signing credential
 * does not sign digitally: its copy carries the printed block only, as before.
 */
import type { AppDeps, UseCaseContext } from '../../../../platform/context.ts';
import type { Trx } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import { organizationSigns, signAsOrganization } from '../../../signatures/index.ts';
import type { CopyForm } from './copies.types.ts';

export interface CopySignatureRequest {
  readonly organizationId: string;
  readonly form: CopyForm;
  readonly fullNumber: string;
  readonly copyId: string | null;
  /** The organisation certificate's PIN and, for a remote one, the service's token. */
  readonly pin?: string;
  readonly cscAccessToken?: string;
}

const REASON: Record<CopyForm, string> = { SY: 'Sao y', SL: 'Sao lục', TrS: 'Trích sao' };

export async function signCopyAsOrganization(
  deps: Pick<AppDeps, 'db' | 'config'>,
  trx: Trx,
  ctx: UseCaseContext,
  pdf: Uint8Array,
  request: CopySignatureRequest,
): Promise<Uint8Array> {
  if (!(await organizationSigns(trx, request.organizationId))) return pdf;
  if (!request.pin) throw new AppError('signatures.pin_required');
  const signed = await signAsOrganization(deps, trx, ctx.audit, {
    organizationId: request.organizationId,
    pin: request.pin,
    ...(request.cscAccessToken ? { cscAccessToken: request.cscAccessToken } : {}),
    pdf,
    invisible: true,
    reason: `${REASON[request.form]} ${request.fullNumber}`,
    target: { type: 'document_copy', id: request.copyId },
  });
  return signed.pdf;
}
