import type { DefaultTimestamp, Generated } from '../../platform/db/schema.ts';
import type { ValidationReport } from './pades/validate.ts';

export interface SigningCredentialsTable {
  id: Generated<string>;
  owner_user_id: string | null;
  owner_organization_id: string | null;
  provider: 'pkcs12' | 'csc';
  label: string;
  /** DER of the signer's certificate. */
  certificate: Buffer;
  /** PEM of the certificates to embed after it (intermediates, root). */
  chain_pem: Generated<string>;
  subject: string;
  issuer: string;
  serial_number: string;
  fingerprint: string;
  not_before: Date;
  not_after: Date;
  /** The PKCS#12 (protected by the owner's PIN) wrapped with AES-256-GCM under the server key. */
  sealed_pkcs12: Buffer | null;
  csc_base_url: string | null;
  csc_credential_id: string | null;
  is_demo: Generated<boolean>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface SignatureTrustRootsTable {
  id: Generated<string>;
  name: string;
  certificate: Buffer;
  fingerprint: string;
  subject: string;
  not_after: Date;
  source: 'demo' | 'admin';
  /** The demo root's private key (PKCS#8 PEM), wrapped like the PKCS#12s; null for other roots. */
  sealed_key: Buffer | null;
  added_by: string | null;
  created_at: DefaultTimestamp;
  removed_at: Date | null;
}

export interface SignatureValidationsTable {
  id: Generated<string>;
  file_id: string;
  organization_id: string;
  verdict: 'valid' | 'invalid' | 'indeterminate';
  signature_count: number;
  report: ValidationReport;
  validated_by: string | null;
  created_at: DefaultTimestamp;
}

export interface SignatureImagesTable {
  id: Generated<string>;
  owner_user_id: string | null;
  owner_organization_id: string | null;
  kind: 'signature' | 'seal';
  png: Buffer;
  width: number;
  height: number;
  is_demo: Generated<boolean>;
  uploaded_by: string | null;
  updated_at: DefaultTimestamp;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    signing_credentials: SigningCredentialsTable;
    signature_trust_roots: SignatureTrustRootsTable;
    signature_validations: SignatureValidationsTable;
    signature_images: SignatureImagesTable;
  }
}
