/**
 * The signatures module's public door (issue 5): PAdES signing with the Decree 30 appearance, validation
 * of any PDF's signatures against the trust list, signing credentials (PKCS#12 wrapped at rest, remote CSC
 * API v2, a browser/token extension point) and the demo PKI.
 *
 * For the outgoing module: the leader's approval calls `signAsPerson`, the clerk's issue step (after
 * numbering) calls `signAsOrganization` with the signer placement it got back; both take the caller's
 * transaction and audit context. Incoming arrival and registration call `ensureValidation` (the stored report,
 * or a new one); the incoming views read `latestValidations` / `latestVerdicts`.
 */
import type { AppModule } from '../../platform/context.ts';
import { signaturesMigrations } from './migrations/index.ts';
import { signaturesRoutes } from './signatures.routes.ts';
import './signatures.tables.ts';

export const signaturesModule: AppModule = {
  name: 'signatures',
  migrations: signaturesMigrations,
  jobs: [],
  routes: signaturesRoutes,
};

export {
  DEMO_SIGNING_PIN,
  ensureDemoSigningMaterial,
  ensureValidation,
  latestValidation,
  latestValidations,
  latestVerdicts,
  openOrganizationKeyPem,
  openSigningKey,
  organizationSigns,
  signAsOrganization,
  signAsPerson,
  storeValidationReport,
  trustAnchors,
  validatePdf,
  validateStoredFile,
  type BlankFillSlot,
  type SignaturesDeps,
  type SignedPdf,
} from './signatures.service.ts';
export { type Placement, SEAL_SIZE } from './appearance/appearance.ts';
export { type ValidationReport, type SignatureReport, type Verdict, isoVietnam } from './pades/validate.ts';
export { signPdf, signPdfWith, type SignPdfOptions } from './pades/pdf-sign.ts';
export type { SigningKey } from './pades/cms.ts';
export type { ValidationRow } from './signatures.repository.ts';
