import type { CredentialRow, ImageRow, TrustRootRow, ValidationRow } from './signatures.repository.ts';

export const presentTrustRoot = (r: TrustRootRow) => ({
  id: r.id,
  name: r.name,
  subject: r.subject,
  fingerprint: r.fingerprint,
  notAfter: r.not_after.toISOString(),
  source: r.source,
  createdAt: r.created_at.toISOString(),
});

export const presentCredential = (r: CredentialRow) => ({
  id: r.id,
  owner: r.owner_user_id ? ('person' as const) : ('organization' as const),
  provider: r.provider,
  label: r.label,
  subject: r.subject,
  issuer: r.issuer,
  serialNumber: r.serial_number,
  fingerprint: r.fingerprint,
  notBefore: r.not_before.toISOString(),
  notAfter: r.not_after.toISOString(),
  demo: r.is_demo,
});

export const presentValidation = (r: ValidationRow) => ({
  id: r.id,
  fileId: r.file_id,
  verdict: r.verdict,
  report: r.report,
  validatedBy: r.validated_by,
  createdAt: r.created_at.toISOString(),
});

export const presentImage = (r: ImageRow) => ({
  kind: r.kind,
  width: r.width,
  height: r.height,
  demo: r.is_demo,
  updatedAt: r.updated_at.toISOString(),
});
