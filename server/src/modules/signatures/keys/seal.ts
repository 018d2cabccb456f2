/**
 * Wrapping key material at rest: AES-256-GCM under a key derived (HKDF-SHA-256) from SIGNING_KEY_SECRET,
 * bound to its owner (the additional data), so a wrapped PKCS#12 copied onto another row does not open.
 * The PKCS#12 inside is itself protected by the owner's PIN: the server key alone cannot sign.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../../platform/config.ts';
import { AppError } from '../../../platform/errors.ts';

const VERSION = 1;
/** Used only outside production when SIGNING_KEY_SECRET is unset (development, tests, demo). */
const DEVELOPMENT_SECRET = 'edugov-development-signing-key-secret-not-for-production';

function wrappingKey(config: Pick<Config, 'signingKeySecret' | 'env'>): Buffer {
  const secret = config.signingKeySecret ?? (config.env === 'production' ? undefined : DEVELOPMENT_SECRET);
  if (!secret) throw new AppError('signatures.not_configured');
  return Buffer.from(hkdfSync('sha256', secret, 'edugov-signing', 'pkcs12-wrap-v1', 32));
}

export function seal(config: Pick<Config, 'signingKeySecret' | 'env'>, plain: Uint8Array, owner: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(config), iv);
  cipher.setAAD(Buffer.from(owner, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function unseal(config: Pick<Config, 'signingKeySecret' | 'env'>, sealed: Uint8Array, owner: string): Buffer {
  const buf = Buffer.from(sealed);
  if (buf[0] !== VERSION) throw new Error('Unknown sealed format');
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey(config), buf.subarray(1, 13));
  decipher.setAAD(Buffer.from(owner, 'utf8'));
  decipher.setAuthTag(buf.subarray(13, 29));
  return Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]);
}
