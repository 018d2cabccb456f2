/**
 * Use cases of the signatures module: signing credentials (PKCS#12 wrapped at rest, remote CSC), the trust
 * list, signing PDFs as a person or as an organisation (with the Decree 30 appearance), validating PDFs
 * and stored files, signature and seal images, and the demo PKI generated at first start.
 *
 * The signing functions take the caller's transaction and audit context, so the outgoing module can sign in
 * the same transaction as its approval or issuing step; each signature writes an audit row.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { sql } from 'kysely';
import { writeAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { authorize } from '../../platform/authz.ts';
import type { AppDeps, UseCaseContext } from '../../platform/context.ts';
import type { DbOrTrx } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { findFilesByIds, readFileBytes } from '../files/index.ts';
import {
  blankFillAppearance,
  defaultSignerPlacement,
  organizationSealAppearance,
  signerImageAppearance,
  textBlockAppearance,
  type Placement,
} from './appearance/appearance.ts';
import { demoSealPng, demoSignaturePng, readPng } from './appearance/png.ts';
import {
  buildPkcs12,
  derToPem,
  describeCertificate,
  issueCertificate,
  openPkcs12,
  pemToDer,
  readPkcs12,
  WrongPinError,
  type IssuedCertificate,
} from './keys/certificates.ts';
import { cscSigningKey } from './keys/csc.ts';
import { localSigningKey } from './keys/local-key.ts';
import { seal, unseal } from './keys/seal.ts';
import type { SigningKey } from './pades/cms.ts';
import { PdfSignError, signPdf, type SignatureAppearance } from './pades/pdf-sign.ts';
import { httpTimestamp, TimestampError } from './pades/tsa.ts';
import { validatePdfSignatures, type ValidationReport } from './pades/validate.ts';
import { signaturesPolicy } from './signatures.policy.ts';
import * as repo from './signatures.repository.ts';
import type { CredentialOwner, CredentialRow } from './signatures.repository.ts';

export type SignaturesDeps = Pick<AppDeps, 'config' | 'db'>;

/** A blank on a page to write into (the outgoing renderer's layout slots have this shape). */
export type BlankFillSlot = Parameters<typeof blankFillAppearance>[0];

/** The PIN of every demo credential (demo mode only; shown in the README). */
export const DEMO_SIGNING_PIN = '123456';

const ownerKey = (owner: CredentialOwner) =>
  'userId' in owner ? `user:${owner.userId}` : `org:${owner.organizationId}`;
const SYSTEM: AuditContext = { actorUserId: null, actorName: 'EduGov', organizationId: null, requestId: null };

// ───────────────────────────── trust list ─────────────────────────────

/** DER of every trust anchor in force (the demo root in demo deployments, and the roots admins added). */
export async function trustAnchors(db: DbOrTrx): Promise<Uint8Array[]> {
  return (await repo.listTrustRoots(db)).map((r) => new Uint8Array(r.certificate));
}

function parseCertificateInput(text: string): Uint8Array {
  const trimmed = text.trim();
  const der = trimmed.startsWith('-----BEGIN') ? pemToDer(trimmed) : new Uint8Array(Buffer.from(trimmed, 'base64'));
  try {
    new X509Certificate(der);
  } catch {
    throw new AppError('signatures.invalid_certificate');
  }
  return der;
}

export async function addTrustRoot(
  deps: SignaturesDeps,
  ctx: UseCaseContext,
  input: { name: string; certificate: string },
): Promise<repo.TrustRootRow> {
  authorize(signaturesPolicy.canManageTrustList(ctx.actor));
  const der = parseCertificateInput(input.certificate);
  const info = describeCertificate(der);
  if (!new X509Certificate(der).ca) throw new AppError('signatures.invalid_certificate', { reason: 'not a CA' });
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findTrustRootByFingerprint(trx, info.fingerprintSha256);
    if (existing && !existing.removed_at) throw new AppError('record.duplicate', { id: existing.id });
    if (existing) await trx.deleteFrom('signature_trust_roots').where('id', '=', existing.id).execute();
    const row = await repo.insertTrustRoot(trx, {
      name: input.name.normalize('NFC').trim(),
      certificate: Buffer.from(der),
      fingerprint: info.fingerprintSha256,
      subject: info.subject.replaceAll('\n', ', ').normalize('NFC'),
      not_after: info.notAfter,
      source: 'admin',
      sealed_key: null,
      added_by: ctx.actor.userId,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'signatures.trust_root_added',
      targetType: 'signature_trust_root',
      targetId: row.id,
      summary: { name: row.name, subject: row.subject, fingerprint: row.fingerprint },
    });
    return row;
  });
}

export async function removeTrustRoot(deps: SignaturesDeps, ctx: UseCaseContext, id: string): Promise<void> {
  authorize(signaturesPolicy.canManageTrustList(ctx.actor));
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.removeTrustRoot(trx, id);
    if (!row) throw new AppError('record.not_found', { id });
    await writeAudit(trx, ctx.audit, {
      action: 'signatures.trust_root_removed',
      targetType: 'signature_trust_root',
      targetId: id,
      summary: { name: row.name, fingerprint: row.fingerprint },
    });
  });
}

// ───────────────────────────── credentials ─────────────────────────────

/** Imports a PKCS#12 for the actor (or, for an organisation administrator or clerk, for the organisation). */
export async function importPkcs12(
  deps: SignaturesDeps,
  ctx: UseCaseContext,
  input: { owner: 'me' | 'organization'; pkcs12Base64: string; pin: string; label?: string },
): Promise<CredentialRow> {
  const owner: CredentialOwner =
    input.owner === 'me' ? { userId: ctx.actor.userId } : { organizationId: ctx.actor.organizationId };
  if (input.owner === 'organization') authorize(signaturesPolicy.canManageOrganizationCredential(ctx.actor));
  const p12 = new Uint8Array(Buffer.from(input.pkcs12Base64, 'base64'));
  let content: ReturnType<typeof readPkcs12>;
  try {
    content = readPkcs12(p12, input.pin);
  } catch (error) {
    if (error instanceof WrongPinError) throw new AppError('signatures.wrong_pin');
    throw new AppError('signatures.invalid_pkcs12');
  }
  return storePkcs12Credential(deps.db, deps, owner, {
    p12,
    certificate: content.certificate,
    chain: content.chain,
    label: input.label ?? describeCertificate(content.certificate).subject,
    isDemo: false,
    createdBy: ctx.actor.userId,
    audit: ctx.audit,
  });
}

async function storePkcs12Credential(
  trx: DbOrTrx,
  deps: Pick<SignaturesDeps, 'config'>,
  owner: CredentialOwner,
  input: {
    p12: Uint8Array;
    certificate: Uint8Array;
    chain: readonly Uint8Array[];
    label: string;
    isDemo: boolean;
    createdBy: string | null;
    audit: AuditContext;
  },
): Promise<CredentialRow> {
  const info = describeCertificate(input.certificate);
  const row = await repo.replaceCredential(trx, owner, {
    owner_user_id: 'userId' in owner ? owner.userId : null,
    owner_organization_id: 'organizationId' in owner ? owner.organizationId : null,
    provider: 'pkcs12',
    label: input.label.normalize('NFC').slice(0, 300),
    certificate: Buffer.from(input.certificate),
    chain_pem: input.chain.map((c) => derToPem(c)).join(''),
    subject: info.subject.replaceAll('\n', ', ').normalize('NFC'),
    issuer: info.issuer.replaceAll('\n', ', ').normalize('NFC'),
    serial_number: info.serialNumber,
    fingerprint: info.fingerprintSha256,
    not_before: info.notBefore,
    not_after: info.notAfter,
    sealed_pkcs12: seal(deps.config, input.p12, ownerKey(owner)),
    is_demo: input.isDemo,
    created_by: input.createdBy,
  });
  await writeAudit(trx as never, input.audit, {
    action: 'signatures.credential_added',
    targetType: 'signing_credential',
    targetId: row.id,
    summary: { provider: 'pkcs12', subject: row.subject, fingerprint: row.fingerprint, demo: input.isDemo },
  });
  return row;
}

/** Registers a remote (CSC API v2) credential for the actor or their organisation. */
export async function registerCscCredential(
  deps: SignaturesDeps,
  ctx: UseCaseContext,
  input: { owner: 'me' | 'organization'; baseUrl: string; credentialId: string; accessToken: string; label?: string },
): Promise<CredentialRow> {
  const owner: CredentialOwner =
    input.owner === 'me' ? { userId: ctx.actor.userId } : { organizationId: ctx.actor.organizationId };
  if (input.owner === 'organization') authorize(signaturesPolicy.canManageOrganizationCredential(ctx.actor));
  const key = await cscSigningKey({
    baseUrl: input.baseUrl,
    credentialId: input.credentialId,
    accessToken: input.accessToken,
  }).catch(() => {
    throw new AppError('signatures.signing_failed', { step: 'credentials/info' });
  });
  const info = describeCertificate(key.certificate);
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.replaceCredential(trx, owner, {
      owner_user_id: 'userId' in owner ? owner.userId : null,
      owner_organization_id: 'organizationId' in owner ? owner.organizationId : null,
      provider: 'csc',
      label: (input.label ?? info.subject).normalize('NFC').slice(0, 300),
      certificate: Buffer.from(key.certificate),
      chain_pem: key.chain.map((c) => derToPem(c)).join(''),
      subject: info.subject.replaceAll('\n', ', ').normalize('NFC'),
      issuer: info.issuer.replaceAll('\n', ', ').normalize('NFC'),
      serial_number: info.serialNumber,
      fingerprint: info.fingerprintSha256,
      not_before: info.notBefore,
      not_after: info.notAfter,
      sealed_pkcs12: null,
      csc_base_url: input.baseUrl,
      csc_credential_id: input.credentialId,
      created_by: ctx.actor.userId,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'signatures.credential_added',
      targetType: 'signing_credential',
      targetId: row.id,
      summary: { provider: 'csc', subject: row.subject, fingerprint: row.fingerprint, service: input.baseUrl },
    });
    return row;
  });
}

const chainOf = (row: CredentialRow) =>
  (row.chain_pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(pemToDer);

/**
 * Unlocks the owner's active credential for one signing session. PKCS#12: the PIN opens the container;
 * CSC: the PIN (with the caller's access token) authorises the signature at the remote service.
 */
/**
 * Wrong PINs of stored credentials: after PIN_ATTEMPTS consecutive wrong PINs the credential is locked for
 * PIN_LOCK_MS, so a 6-digit PIN cannot be guessed through the API. The count is kept in the process, not in
 * the database: a wrong PIN fails the signing step's transaction, which would roll a stored count back.
 */
export const PIN_ATTEMPTS = 5;
export const PIN_LOCK_MS = 15 * 60_000;
export const pinAttempts = {
  state: new Map<string, { failures: number; lockedUntil: number }>(),
  assertOpen(credentialId: string, at: Date) {
    const entry = this.state.get(credentialId);
    if (entry && entry.lockedUntil > at.getTime()) {
      throw new AppError('signatures.pin_locked', {
        retryAfterSeconds: Math.ceil((entry.lockedUntil - at.getTime()) / 1000),
      });
    }
  },
  /** Records a wrong PIN; returns how many attempts are left before the lock. */
  failed(credentialId: string, at: Date): number {
    const entry = this.state.get(credentialId) ?? { failures: 0, lockedUntil: 0 };
    if (entry.lockedUntil !== 0 && entry.lockedUntil <= at.getTime()) entry.failures = 0;
    entry.failures += 1;
    entry.lockedUntil = entry.failures >= PIN_ATTEMPTS ? at.getTime() + PIN_LOCK_MS : 0;
    this.state.set(credentialId, entry);
    return Math.max(0, PIN_ATTEMPTS - entry.failures);
  },
  succeeded(credentialId: string) {
    this.state.delete(credentialId);
  },
};

export async function openSigningKey(
  deps: SignaturesDeps,
  db: DbOrTrx,
  owner: CredentialOwner,
  secret: { pin: string; cscAccessToken?: string },
  at: Date = new Date(),
): Promise<{ key: SigningKey; credential: CredentialRow }> {
  const credential = await repo.findActiveCredential(db, owner);
  if (!credential) throw new AppError('signatures.no_credential');
  if (at < credential.not_before || at > credential.not_after) throw new AppError('signatures.certificate_not_valid');
  if (credential.provider === 'csc') {
    const key = await cscSigningKey({
      baseUrl: credential.csc_base_url!,
      credentialId: credential.csc_credential_id!,
      accessToken: secret.cscAccessToken ?? '',
      pin: secret.pin,
    }).catch(() => {
      throw new AppError('signatures.signing_failed', { step: 'credentials/info' });
    });
    return { key, credential };
  }
  const keyPem = openStoredKey(deps, credential, owner, secret.pin, at);
  return { key: localSigningKey(keyPem, new Uint8Array(credential.certificate), chainOf(credential)), credential };
}

/** The private key (PEM) of a stored PKCS#12 credential, opened with the PIN under the lock-out rules. */
function openStoredKey(deps: SignaturesDeps, credential: CredentialRow, owner: CredentialOwner, pin: string, at: Date) {
  pinAttempts.assertOpen(credential.id, at);
  const p12 = unseal(deps.config, credential.sealed_pkcs12!, ownerKey(owner));
  let keyPem: string;
  try {
    keyPem = openPkcs12(p12, pin).keyPem;
  } catch {
    const left = pinAttempts.failed(credential.id, at);
    throw new AppError('signatures.wrong_pin', { attemptsLeft: left });
  }
  pinAttempts.succeeded(credential.id);
  return keyPem;
}

/**
 * The organisation's private key and certificate chain as PEM, to sign an edXML package (XML-DSig signs with
 * the key itself, not through a PAdES session). Only a stored PKCS#12 credential gives its key out; a remote
 * (CSC) credential signs hashes only, so this returns undefined for it and the package goes without an XML
 * signature (its PDF still carries the organisation's PAdES signature).
 */
export async function openOrganizationKeyPem(
  deps: SignaturesDeps,
  db: DbOrTrx,
  organizationId: string,
  pin: string,
  at: Date = new Date(),
): Promise<{ privateKeyPem: string; certificatePem: string } | undefined> {
  const owner = { organizationId };
  const credential = await repo.findActiveCredential(db, owner);
  if (!credential) throw new AppError('signatures.no_credential');
  if (at < credential.not_before || at > credential.not_after) throw new AppError('signatures.certificate_not_valid');
  if (credential.provider === 'csc') return undefined;
  const privateKeyPem = openStoredKey(deps, credential, owner, pin, at);
  const certificatePem = [new Uint8Array(credential.certificate), ...chainOf(credential)]
    .map((c) => derToPem(c))
    .join('');
  return { privateKeyPem, certificatePem };
}

// ───────────────────────────── signing ─────────────────────────────

export interface SignedPdf {
  readonly pdf: Uint8Array;
  /** Where the signer's image went (the organisation's seal is placed relative to it). */
  readonly placement: Placement | null;
  readonly signingTime: Date;
  readonly credentialId: string;
}

async function signWith(
  deps: SignaturesDeps,
  trx: DbOrTrx,
  audit: AuditContext,
  input: {
    owner: CredentialOwner;
    pin: string;
    cscAccessToken?: string;
    pdf: Uint8Array;
    appearance: (time: Date) => SignatureAppearance | undefined;
    stamps?: readonly (SignatureAppearance & { text: string })[];
    signerName: string;
    reason: string;
    location?: string;
    target?: { type: string; id: string | null };
  },
): Promise<{ pdf: Uint8Array; signingTime: Date; credentialId: string }> {
  const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
  const { key, credential } = await openSigningKey(deps, trx, input.owner, input, signingTime);
  const appearance = input.appearance(signingTime);
  let signed: Uint8Array;
  try {
    signed = await signPdf(input.pdf, {
      key,
      signingTime,
      signerName: input.signerName,
      reason: input.reason,
      ...(input.location ? { location: input.location } : {}),
      ...(appearance ? { appearance } : {}),
      ...(input.stamps?.length ? { stamps: input.stamps } : {}),
      ...(deps.config.tsaUrl ? { timestamp: httpTimestamp(deps.config.tsaUrl) } : {}),
    });
  } catch (error) {
    if (error instanceof PdfSignError) {
      throw new AppError(error.reason === 'encrypted' ? 'signatures.pdf_encrypted' : 'signatures.not_pdf');
    }
    if (error instanceof TimestampError) throw new AppError('signatures.signing_failed', { step: 'timestamp' });
    if (error instanceof AppError) throw error;
    throw new AppError('signatures.signing_failed', { step: 'sign' });
  }
  await writeAudit(trx as never, audit, {
    action: 'signatures.pdf_signed',
    targetType: input.target?.type ?? 'signing_credential',
    targetId: input.target?.id ?? credential.id,
    summary: {
      credentialId: credential.id,
      provider: credential.provider,
      subject: credential.subject,
      fingerprint: credential.fingerprint,
      reason: input.reason,
      signingTime: signingTime.toISOString(),
      timestamped: Boolean(deps.config.tsaUrl),
      sha256Before: createHash('sha256').update(input.pdf).digest('hex'),
      sha256After: createHash('sha256').update(signed).digest('hex'),
    },
  });
  return { pdf: signed, signingTime, credentialId: credential.id };
}

/**
 * The signer's (leader's) signature: their certificate, their signature image at `placement` (default: the
 * signer block of the last page). Without an uploaded image the signature is still made, invisible.
 */
export async function signAsPerson(
  deps: SignaturesDeps,
  trx: DbOrTrx,
  audit: AuditContext,
  input: {
    userId: string;
    pin: string;
    cscAccessToken?: string;
    pdf: Uint8Array;
    placement?: Placement;
    reason?: string;
    target?: { type: string; id: string | null };
  },
): Promise<SignedPdf> {
  const user = await trx.selectFrom('users').select(['full_name']).where('id', '=', input.userId).executeTakeFirst();
  if (!user) throw new AppError('record.not_found', { id: input.userId });
  const image = await repo.findImage(trx, { userId: input.userId });
  const placement = input.placement ?? (await defaultSignerPlacement(input.pdf).catch(() => null));
  const result = await signWith(deps, trx, audit, {
    owner: { userId: input.userId },
    pin: input.pin,
    ...(input.cscAccessToken ? { cscAccessToken: input.cscAccessToken } : {}),
    pdf: input.pdf,
    appearance: () => (image && placement ? signerImageAppearance(image.png, placement) : undefined),
    signerName: user.full_name,
    reason: input.reason ?? 'Ký ban hành văn bản',
    ...(input.target ? { target: input.target } : {}),
  });
  return { ...result, placement };
}

/**
 * The organisation's signature (by its clerk, after numbering). On the main document: the seal over the
 * left third of the signer's image (`signerPlacement`, as returned by `signAsPerson`), with the name and
 * the time. On an attachment in a separate file or an electronic copy: `textBlock` lines at the top right of
 * page 1 (e.g. ["Số: 12/QĐ-BGDĐT"] or ["SAO Y", "Bộ Giáo dục và Đào tạo"]); the time is added.
 */
export async function signAsOrganization(
  deps: SignaturesDeps,
  trx: DbOrTrx,
  audit: AuditContext,
  input: {
    organizationId: string;
    pin: string;
    cscAccessToken?: string;
    pdf: Uint8Array;
    signerPlacement?: Placement | null;
    textBlock?: readonly string[];
    /** No appearance: the page already prints what the signature stands for (an electronic copy's ô 14). */
    invisible?: boolean;
    /** Text filled into blanks with this signature (the number and date of a document the leader signed). */
    fills?: readonly { slot: BlankFillSlot; text: string; align?: 'center' | 'right' }[];
    reason?: string;
    target?: { type: string; id: string | null };
  },
): Promise<SignedPdf> {
  const org = await trx
    .selectFrom('organizations')
    .select(['name'])
    .where('id', '=', input.organizationId)
    .executeTakeFirst();
  if (!org) throw new AppError('record.not_found', { id: input.organizationId });
  const sealImage = await repo.findImage(trx, { organizationId: input.organizationId });
  const signer = input.signerPlacement ?? (await defaultSignerPlacement(input.pdf).catch(() => null));
  const appearance = (time: Date): SignatureAppearance | undefined => {
    if (input.invisible) return undefined;
    if (input.textBlock) return textBlockAppearance({ lines: input.textBlock, signingTime: time });
    if (sealImage && signer) {
      return organizationSealAppearance({
        sealPng: sealImage.png,
        organizationName: org.name,
        signingTime: time,
        signer,
      });
    }
    return textBlockAppearance({ lines: [org.name], signingTime: time });
  };
  const result = await signWith(deps, trx, audit, {
    owner: { organizationId: input.organizationId },
    pin: input.pin,
    ...(input.cscAccessToken ? { cscAccessToken: input.cscAccessToken } : {}),
    pdf: input.pdf,
    appearance,
    ...(input.fills?.length ? { stamps: input.fills.map((f) => blankFillAppearance(f.slot, f.text, f.align)) } : {}),
    signerName: org.name,
    reason: input.reason ?? 'Ký số của cơ quan, tổ chức',
    ...(input.target ? { target: input.target } : {}),
  });
  return { ...result, placement: signer };
}

// ───────────────────────────── validation ─────────────────────────────

/** Validates a PDF against the configured trust list (nothing stored). */
export async function validatePdf(db: DbOrTrx, pdf: Uint8Array): Promise<ValidationReport> {
  return validatePdfSignatures(pdf, await trustAnchors(db));
}

/** Stores a report already made for a stored file (e.g. right after signing it), with its audit row. */
export async function storeValidationReport(
  trx: DbOrTrx,
  audit: AuditContext,
  input: { fileId: string; organizationId: string; validatedBy: string | null; report: ValidationReport },
): Promise<repo.ValidationRow> {
  const { report } = input;
  const row = await repo.insertValidation(trx, {
    file_id: input.fileId,
    organization_id: input.organizationId,
    verdict: report.verdict,
    signature_count: report.signatures.length,
    report: sql`${JSON.stringify(report)}::jsonb` as never,
    validated_by: input.validatedBy,
  });
  await writeAudit(trx as never, audit, {
    action: 'signatures.file_validated',
    targetType: 'file',
    targetId: input.fileId,
    summary: { verdict: report.verdict, signatures: report.signatures.length, sha256: report.sha256 },
  });
  return row;
}

/**
 * Validates a stored file and stores the report. The caller has checked that the actor may read the file
 * (the route checks the files module's direct-read rule; other modules check their own record first).
 */
export async function validateStoredFile(
  deps: SignaturesDeps,
  trx: DbOrTrx,
  audit: AuditContext,
  input: { fileId: string; organizationId: string; validatedBy: string | null },
): Promise<repo.ValidationRow> {
  const bytes = await readFileBytes({ config: deps.config, db: trx as never }, input.fileId);
  const report = await validatePdf(trx, new Uint8Array(bytes));
  return storeValidationReport(trx, audit, { ...input, report });
}

/** The latest stored report of a file, if any. */
export async function latestValidation(db: DbOrTrx, fileId: string): Promise<repo.ValidationRow | undefined> {
  return repo.latestValidation(db, fileId);
}

export async function assertReadableFile(deps: SignaturesDeps, ctx: UseCaseContext, fileId: string): Promise<void> {
  const [file] = await findFilesByIds(deps.db, [fileId]);
  if (!file || !signaturesPolicy.canValidateFile(ctx.actor, file))
    throw new AppError('files.not_found', { id: fileId });
}

/**
 * The stored report of a PDF, validating it now if it has none: a document issued to 50 organisations is
 * validated once and every arrival reuses that report. `fresh` validates now whatever is stored (at
 * registration: the trust list may have changed). Files that are not PDFs are not validated: undefined.
 * As with `validateStoredFile`, the caller has checked that the actor may read the file.
 */
export async function ensureValidation(
  deps: SignaturesDeps,
  trx: DbOrTrx,
  audit: AuditContext,
  input: { fileId: string; organizationId: string; validatedBy: string | null; fresh?: boolean },
): Promise<repo.ValidationRow | undefined> {
  const [file] = await findFilesByIds(trx, [input.fileId]);
  if (!file || file.media_type !== 'application/pdf') return undefined;
  const stored = input.fresh ? undefined : await repo.latestValidation(trx, input.fileId);
  return (
    stored ??
    validateStoredFile(deps, trx, audit, {
      fileId: input.fileId,
      organizationId: input.organizationId,
      validatedBy: input.validatedBy,
    })
  );
}

/** The latest stored report of each of the files (files never validated are left out). */
export async function latestValidations(db: DbOrTrx, fileIds: readonly string[]): Promise<repo.ValidationRow[]> {
  return repo.latestValidations(db, fileIds);
}

/** The latest verdict of each of the files that has one, in one query (for lists). */
export async function latestVerdicts(
  db: DbOrTrx,
  fileIds: readonly string[],
): Promise<Map<string, repo.ValidationRow['verdict']>> {
  return new Map((await repo.latestVerdicts(db, fileIds)).map((r) => [r.file_id, r.verdict]));
}

// ───────────────────────────── images ─────────────────────────────

export async function setImage(
  deps: SignaturesDeps,
  ctx: UseCaseContext,
  input: { kind: 'signature' | 'seal'; png: Uint8Array },
): Promise<repo.ImageRow> {
  if (input.kind === 'seal') authorize(signaturesPolicy.canManageOrganizationCredential(ctx.actor));
  const info = readPng(input.png);
  if (!info || !info.transparent || info.width > 2000 || info.height > 2000 || info.width < 16 || info.height < 16) {
    throw new AppError('signatures.invalid_image');
  }
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.upsertImage(trx, {
      kind: input.kind,
      owner_user_id: input.kind === 'signature' ? ctx.actor.userId : null,
      owner_organization_id: input.kind === 'seal' ? ctx.actor.organizationId : null,
      png: Buffer.from(input.png),
      width: info.width,
      height: info.height,
      is_demo: false,
      uploaded_by: ctx.actor.userId,
    });
    await writeAudit(trx, ctx.audit, {
      action: input.kind === 'seal' ? 'signatures.seal_image_set' : 'signatures.signature_image_set',
      targetType: 'signature_image',
      targetId: row.id,
      summary: { width: info.width, height: info.height, sizeBytes: input.png.length },
    });
    return row;
  });
}

export async function getImage(db: DbOrTrx, ctx: UseCaseContext, kind: 'signature' | 'seal') {
  const row = await repo.findImage(
    db,
    kind === 'signature' ? { userId: ctx.actor.userId } : { organizationId: ctx.actor.organizationId },
  );
  if (!row) throw new AppError('record.not_found');
  return row;
}

/**
 * Whether an organisation signs digitally: it does once it has a signing credential. From then on what it
 * issues carries the approving leader's signature and its own; before, it issues on paper as it used to.
 */
export async function organizationSigns(db: DbOrTrx, organizationId: string): Promise<boolean> {
  return (await repo.findActiveCredential(db, { organizationId })) !== undefined;
}

export async function myCredentials(db: DbOrTrx, ctx: UseCaseContext) {
  return {
    personal: (await repo.findActiveCredential(db, { userId: ctx.actor.userId })) ?? null,
    organization: (await repo.findActiveCredential(db, { organizationId: ctx.actor.organizationId })) ?? null,
  };
}

// ───────────────────────────── demo PKI ─────────────────────────────

/**
 * Demo mode, at start: a demo root CA (in the trust list), a certificate for each organisation that has
 * demo people and one for each demo person, all marked DEMO in the subject and stored as PKCS#12 with PIN
 * `DEMO_SIGNING_PIN`, plus drawn signature and seal images. Only what is missing is made, so it runs at
 * every start. Returns how many credentials were made.
 */
export async function ensureDemoSigningMaterial(deps: SignaturesDeps): Promise<number> {
  if (deps.config.env === 'production') throw new Error('Demo signing material is never made with NODE_ENV=production');
  return deps.db.transaction().execute(async (trx) => {
    // One process at a time (several may start together on PostgreSQL).
    await sql`SELECT pg_advisory_xact_lock(hashtext('signatures.demo'))`.execute(trx);
    const rootRow = await repo.findDemoRoot(trx);
    let root: IssuedCertificate;
    const rootSubject = {
      commonName: 'EduGov DEMO Root CA — không dùng cho văn bản thật',
      organization: 'EduGov DEMO',
    };
    if (!rootRow) {
      root = issueCertificate({
        subject: rootSubject,
        profile: 'root-ca',
        notBefore: new Date('2025-01-01T00:00:00Z'),
      });
      const info = describeCertificate(root.der);
      await repo.insertTrustRoot(trx, {
        name: 'EduGov DEMO Root CA',
        certificate: Buffer.from(root.der),
        fingerprint: info.fingerprintSha256,
        subject: info.subject.replaceAll('\n', ', '),
        not_after: info.notAfter,
        source: 'demo',
        sealed_key: seal(deps.config, Buffer.from(root.keyPem), 'demo-root'),
        added_by: null,
      });
    } else {
      root = {
        subject: rootSubject,
        der: new Uint8Array(rootRow.certificate),
        certPem: derToPem(rootRow.certificate),
        keyPem: unseal(deps.config, rootRow.sealed_key!, 'demo-root').toString('utf8'),
      };
    }
    const notBefore = new Date('2025-06-01T00:00:00Z');
    let made = 0;
    const users = await trx
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
      .select([
        'users.id as userId',
        'users.full_name as fullName',
        'organizations.id as orgId',
        'organizations.name as orgName',
      ])
      .where('users.is_demo', '=', true)
      .orderBy('users.username')
      .orderBy('memberships.is_primary', 'desc')
      .execute();
    const seenUsers = new Set<string>();
    const orgs = new Map<string, string>();
    for (const u of users) {
      orgs.set(u.orgId, u.orgName);
      if (seenUsers.has(u.userId)) continue;
      seenUsers.add(u.userId);
      if (!(await repo.findActiveCredential(trx, { userId: u.userId }))) {
        const cert = issueCertificate({
          subject: { commonName: `${u.fullName} (DEMO)`, organization: u.orgName, organizationalUnit: 'DEMO' },
          profile: 'signing',
          issuer: root,
          notBefore,
        });
        await storePkcs12Credential(
          trx,
          deps,
          { userId: u.userId },
          {
            p12: buildPkcs12(cert, [root], DEMO_SIGNING_PIN),
            certificate: cert.der,
            chain: [root.der],
            label: `Chứng thư số DEMO — ${u.fullName}`,
            isDemo: true,
            createdBy: null,
            audit: SYSTEM,
          },
        );
        made++;
      }
      if (!(await repo.findImage(trx, { userId: u.userId }))) {
        const png = demoSignaturePng(made + u.fullName.length);
        const info = readPng(png)!;
        await repo.upsertImage(trx, {
          kind: 'signature',
          owner_user_id: u.userId,
          png,
          width: info.width,
          height: info.height,
          is_demo: true,
          uploaded_by: null,
        });
      }
    }
    for (const [orgId, orgName] of orgs) {
      if (!(await repo.findActiveCredential(trx, { organizationId: orgId }))) {
        const cert = issueCertificate({
          subject: { commonName: `${orgName} (DEMO)`, organization: orgName, organizationalUnit: 'DEMO' },
          profile: 'signing',
          issuer: root,
          notBefore,
        });
        await storePkcs12Credential(
          trx,
          deps,
          { organizationId: orgId },
          {
            p12: buildPkcs12(cert, [root], DEMO_SIGNING_PIN),
            certificate: cert.der,
            chain: [root.der],
            label: `Chứng thư số DEMO — ${orgName}`,
            isDemo: true,
            createdBy: null,
            audit: SYSTEM,
          },
        );
        made++;
      }
      if (!(await repo.findImage(trx, { organizationId: orgId }))) {
        const png = demoSealPng();
        const info = readPng(png)!;
        await repo.upsertImage(trx, {
          kind: 'seal',
          owner_organization_id: orgId,
          png,
          width: info.width,
          height: info.height,
          is_demo: true,
          uploaded_by: null,
        });
      }
    }
    return made;
  });
}
