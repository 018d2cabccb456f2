/** A signing key held in this process (opened from a PKCS#12): RSASSA-PKCS1-v1_5 over a SHA-256 digest. */
import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import type { SigningKey } from '../pades/cms.ts';

/** DER prefix of DigestInfo { sha256, OCTET STRING(32) }. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** Signs a SHA-256 digest with an RSA private key (PKCS#1 v1.5 padding). */
export function rsaSignDigest(key: KeyObject, digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new RangeError('A SHA-256 digest has 32 bytes');
  return new Uint8Array(
    privateEncrypt(
      { key, padding: constants.RSA_PKCS1_PADDING },
      Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(digest)]),
    ),
  );
}

export function localSigningKey(keyPem: string, certificate: Uint8Array, chain: readonly Uint8Array[]): SigningKey {
  const key = createPrivateKey(keyPem);
  if (key.asymmetricKeyType !== 'rsa') throw new RangeError('Only RSA signing keys are supported');
  return {
    certificate,
    chain,
    signHash: async (digest) => rsaSignDigest(key, digest),
  };
}
