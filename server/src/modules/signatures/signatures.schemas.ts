import { IsoDateTime, Obj, StringEnum, Text, Type, Uuid } from '../../platform/http/schema.ts';

const Verdict = StringEnum(['valid', 'invalid', 'indeterminate'] as const, {
  description:
    'valid; invalid (changed bytes, wrong signature, certificate not valid then); indeterminate (cannot confirm)',
});
const Reason = Obj({ code: Type.String(), vi: Type.String(), en: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const SignatureReport = Obj({
  index: Type.Integer({ minimum: 1 }),
  fieldName: Nullable(Type.String()),
  signerName: Nullable(Type.String({ description: 'CN of the signer certificate' })),
  organization: Nullable(Type.String({ description: 'O of the signer certificate' })),
  subject: Nullable(Type.String()),
  issuer: Nullable(Type.String()),
  serialNumber: Nullable(Type.String()),
  signingTime: Nullable(Type.String({ description: 'ISO 8601 with +07:00' })),
  signingTimeSource: Type.Union([StringEnum(['timestamp', 'pdf', 'cms'] as const), Type.Null()]),
  subFilter: Nullable(Type.String()),
  timestamped: Type.Boolean(),
  intact: Type.Boolean({ description: 'The signed bytes are unchanged and the signature verifies' }),
  coversWholeDocument: Type.Boolean(),
  laterChanges: StringEnum(['none', 'signatures_only', 'unsigned_changes'] as const),
  trusted: Type.Boolean({ description: 'The certificate chains to the trust list' }),
  trustAnchor: Nullable(Type.String()),
  certificateValidAtSigningTime: Type.Boolean(),
  revocationChecked: Type.Boolean({ description: 'Always false: CRL/OCSP are not checked yet' }),
  verdict: Verdict,
  reasons: Type.Array(Reason),
});

export const ValidationReport = Obj({
  verdict: Verdict,
  reasons: Type.Array(Reason),
  signatures: Type.Array(SignatureReport),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  validatedAt: Type.String(),
});

export const ValidationInfo = Obj(
  {
    id: Uuid,
    fileId: Uuid,
    verdict: Verdict,
    report: ValidationReport,
    validatedBy: Type.Union([Uuid, Type.Null()]),
    createdAt: IsoDateTime,
  },
  { description: 'A stored validation of a file’s digital signatures' },
);

export const ValidateBody = Obj({ fileId: Uuid });
export const FileIdQuery = Obj({ fileId: Uuid });

export const TrustRoot = Obj({
  id: Uuid,
  name: Type.String(),
  subject: Type.String(),
  fingerprint: Type.String({ description: 'SHA-256 of the certificate, hex' }),
  notAfter: IsoDateTime,
  source: StringEnum(['demo', 'admin'] as const),
  createdAt: IsoDateTime,
});
export const TrustRootList = Obj({ items: Type.Array(TrustRoot) });
export const TrustRootBody = Obj({
  name: Text(200),
  certificate: Text(20000, 100),
});
export const IdParams = Obj({ id: Uuid });

export const Credential = Obj({
  id: Uuid,
  owner: StringEnum(['person', 'organization'] as const),
  provider: StringEnum(['pkcs12', 'csc'] as const),
  label: Type.String(),
  subject: Type.String(),
  issuer: Type.String(),
  serialNumber: Type.String(),
  fingerprint: Type.String(),
  notBefore: IsoDateTime,
  notAfter: IsoDateTime,
  demo: Type.Boolean(),
});
export const MyCredentials = Obj({
  personal: Type.Union([Credential, Type.Null()]),
  organization: Type.Union([Credential, Type.Null()]),
});
export const ImportPkcs12Body = Obj({
  owner: StringEnum(['me', 'organization'] as const),
  pkcs12: Type.String({ minLength: 100, maxLength: 200_000, description: 'The .p12/.pfx file, base64' }),
  pin: Text(128, 4),
  label: Type.Optional(Text(300)),
});
export const CscBody = Obj({
  owner: StringEnum(['me', 'organization'] as const),
  baseUrl: Type.String({
    pattern: '^https?://',
    maxLength: 500,
    description: 'CSC API v2 root, e.g. https://…/csc/v2',
  }),
  credentialId: Text(200),
  accessToken: Text(4000),
  label: Type.Optional(Text(300)),
});

export const ImageKindParams = Obj({ kind: StringEnum(['signature', 'seal'] as const) });
export const ImageBody = Obj({
  png: Type.String({ minLength: 20, maxLength: 2_000_000, description: 'The PNG (transparent background), base64' }),
});
export const ImageInfo = Obj({
  kind: StringEnum(['signature', 'seal'] as const),
  width: Type.Integer(),
  height: Type.Integer(),
  demo: Type.Boolean(),
  updatedAt: IsoDateTime,
});
export const PngBytes = {
  description: 'The PNG image',
  content: { 'image/png': { schema: Type.String({ format: 'binary' }) } },
};
