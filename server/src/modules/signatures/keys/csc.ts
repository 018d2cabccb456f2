/**
 * Remote signing through the Cloud Signature Consortium API v2 (the way Vietnamese remote-signing services
 * work): `credentials/list`, `credentials/info` (the certificate chain), `credentials/authorize` (the PIN →
 * a Signature Activation Data token for the hash) and `signatures/signHash`. The key never leaves the
 * provider: EduGov sends the SHA-256 digest of the CMS signed attributes and receives the RSA signature.
 */
import type { SigningKey } from '../pades/cms.ts';

export interface CscOptions {
  /** The service's API root, e.g. https://rs.example.vn/csc/v2 */
  readonly baseUrl: string;
  readonly credentialId: string;
  /** OAuth2 bearer token of the user at the service. */
  readonly accessToken: string;
  /** The PIN that authorises the signature (credentials/authorize); absent when the service needs none. */
  readonly pin?: string;
  readonly timeoutMs?: number;
}

export class CscError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly error?: string,
  ) {
    super(`CSC ${endpoint} failed: HTTP ${status}${error ? ` (${error})` : ''}`);
    this.name = 'CscError';
  }
}

const SHA256 = '2.16.840.1.101.3.4.2.1';
const RSA = '1.2.840.113549.1.1.1';

async function call<T>(baseUrl: string, token: string, endpoint: string, body: object, timeoutMs = 20_000): Promise<T> {
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const json = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new CscError(endpoint, response.status, json.error);
  return json;
}

export async function cscListCredentials(baseUrl: string, accessToken: string): Promise<string[]> {
  const result = await call<{ credentialIDs?: string[] }>(baseUrl, accessToken, 'credentials/list', {
    maxResults: 100,
  });
  return result.credentialIDs ?? [];
}

interface CredentialInfo {
  key?: { status?: string; algo?: string[] };
  cert?: { status?: string; certificates?: string[] };
  authMode?: string;
}

/** A SigningKey backed by a CSC credential (certificates fetched once with credentials/info). */
export async function cscSigningKey(options: CscOptions): Promise<SigningKey> {
  const { baseUrl, accessToken, credentialId } = options;
  const info = await call<CredentialInfo>(
    baseUrl,
    accessToken,
    'credentials/info',
    { credentialID: credentialId, certificates: 'chain', certInfo: true },
    options.timeoutMs,
  );
  const certificates = (info.cert?.certificates ?? []).map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
  if (certificates.length === 0) throw new CscError('credentials/info', 200, 'no certificate');
  if (info.key?.status && info.key.status !== 'enabled') throw new CscError('credentials/info', 200, 'key disabled');
  return {
    certificate: certificates[0]!,
    chain: certificates.slice(1),
    async signHash(digest) {
      const hash = Buffer.from(digest).toString('base64');
      let sad: string | undefined;
      if (options.pin !== undefined) {
        const authorized = await call<{ SAD?: string }>(
          baseUrl,
          accessToken,
          'credentials/authorize',
          { credentialID: credentialId, numSignatures: 1, hashes: [hash], hashAlgorithmOID: SHA256, PIN: options.pin },
          options.timeoutMs,
        );
        sad = authorized.SAD;
      }
      const signed = await call<{ signatures?: string[] }>(
        baseUrl,
        accessToken,
        'signatures/signHash',
        {
          credentialID: credentialId,
          ...(sad ? { SAD: sad } : {}),
          hashes: [hash],
          hashAlgorithmOID: SHA256,
          signAlgo: RSA,
        },
        options.timeoutMs,
      );
      const signature = signed.signatures?.[0];
      if (!signature) throw new CscError('signatures/signHash', 200, 'no signature');
      return new Uint8Array(Buffer.from(signature, 'base64'));
    },
  };
}
