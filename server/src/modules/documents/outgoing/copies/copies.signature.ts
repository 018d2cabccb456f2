/**
 * HOOK for the signatures issue: the organisation's digital signature on an electronic copy (bản sao điện tử
 * — Nghị định 30/2020, Phụ lục I; STANDARDS §1.10: chữ ký số của cơ quan, tổ chức at ô số 14). Today it
 * returns the PDF unchanged: the copy carries the printed ô 14 text block (form, organisation, ISO time)
 * but NO digital signature yet. The signatures issue replaces this function's body (PAdES with the
 * organisation's certificate); its caller already passes everything the signature shows.
 */
import type { CopyForm } from './copies.types.ts';

export interface CopySignatureRequest {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly form: CopyForm;
  readonly fullNumber: string;
  /** The signing time printed in ô 14. */
  readonly signedAt: Date;
}

export async function signCopyAsOrganization(pdf: Uint8Array, request: CopySignatureRequest): Promise<Uint8Array> {
  void request; // not signed yet: see the file comment
  return pdf;
}
