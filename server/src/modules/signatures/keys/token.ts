/**
 * Extension point: signing with a USB token or smart card in the user's browser (the "thiết bị lưu khóa
 * bí mật" of Nghị định 30 Điều 32–33, e.g. a VGCA token). Not implemented; this is the contract.
 *
 * The key never reaches the server, so signing is split in two round trips around `SigningKey.signHash`:
 *
 * 1. The server prepares the PDF (`signPdfWith` in pades/pdf-sign.ts with a `makeCms` that builds the
 *    signed attributes from the certificate the browser sent) and returns the SHA-256 digest of the DER
 *    signed attributes plus a one-time session id; the prepared PDF stays on the server.
 * 2. The browser asks the local signing agent (the token vendor's plug-in or a WebSocket agent on
 *    127.0.0.1, as Vietnamese CA vendors ship) to sign the digest with RSASSA-PKCS1-v1_5, and posts the
 *    signature back with the session id.
 * 3. The server completes the CMS (`createCadesSignature` with a SigningKey whose `signHash` resolves to
 *    that signature), embeds it, and continues exactly as with the other providers (timestamp, audit).
 *
 * A provider implementing this interface is all the signing code needs.
 */
import type { SigningKey } from '../pades/cms.ts';

export interface BrowserTokenSession {
  /** The certificate chain the browser read from the token (signer first). */
  readonly certificates: readonly Uint8Array[];
  /** Sends the digest to the browser and resolves with the token's signature (or rejects on timeout). */
  requestSignature(digest: Uint8Array): Promise<Uint8Array>;
}

/** Adapts a browser/token session to the SigningKey every signer uses. */
export function browserTokenSigningKey(session: BrowserTokenSession): SigningKey {
  const [certificate, ...chain] = session.certificates;
  if (!certificate) throw new RangeError('The token sent no certificate');
  return { certificate, chain, signHash: (digest) => session.requestSignature(digest) };
}
