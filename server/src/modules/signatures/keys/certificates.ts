/**
 * Certificates and PKCS#12 containers made by EduGov itself: the demo root CA, demo organisation and
 * personal certificates, and test CAs. RSA keys come from node:crypto (fast, native); the certificates and
 * the PKCS#12 are built with node-forge, whose X.509 encoder writes UTF-8 names correctly (its PKCS#7 does
 * not — EduGov never uses it; see pades/cms.ts).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { rsaSignDigest } from './local-key.ts';

/** A distinguished name: CN and O are what validators show; C defaults to VN. Text is NFC UTF-8. */
export interface DistinguishedName {
  readonly commonName: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  readonly locality?: string;
  readonly province?: string;
  readonly country?: string;
  readonly email?: string;
}

export type CertificateProfile = 'root-ca' | 'signing' | 'timestamping';

export interface IssuedCertificate {
  readonly subject: DistinguishedName;
  /** DER of the certificate. */
  readonly der: Uint8Array;
  /** The private key, PKCS#8 PEM (kept only inside a PKCS#12 or in tests). */
  readonly keyPem: string;
  readonly certPem: string;
}

export interface IssueOptions {
  readonly subject: DistinguishedName;
  readonly profile: CertificateProfile;
  /** The issuer; absent for a self-signed root. */
  readonly issuer?: IssuedCertificate;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly keyBits?: 2048 | 3072 | 4096;
}

function nameAttributes(dn: DistinguishedName): forge.pki.CertificateField[] {
  const utf8 = (name: string, value: string | undefined): forge.pki.CertificateField[] =>
    value === undefined || value.trim() === ''
      ? []
      : // forge UTF-8-encodes values tagged UTF8String itself; it does not decode them when parsing, so an
        // issuer name is always rebuilt from the issuer's DistinguishedName, never from a parsed certificate.
        [
          {
            name,
            value: value.normalize('NFC').trim(),
            valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
          },
        ];
  return [
    { name: 'countryName', value: dn.country ?? 'VN' },
    ...utf8('stateOrProvinceName', dn.province),
    ...utf8('localityName', dn.locality),
    ...utf8('organizationName', dn.organization),
    ...utf8('organizationalUnitName', dn.organizationalUnit),
    ...utf8('commonName', dn.commonName),
    ...(dn.email ? [{ name: 'emailAddress', value: dn.email }] : []),
  ] as forge.pki.CertificateField[];
}

/** Issues a certificate (self-signed when no issuer is given) with a fresh RSA key. */
export function issueCertificate(options: IssueOptions): IssuedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: options.keyBits ?? 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // A positive 16-byte serial (high bit clear).
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  cert.serialNumber = serial.toString('hex');
  const notBefore = options.notBefore ?? new Date(Date.now() - 24 * 3600 * 1000);
  const years = options.profile === 'root-ca' ? 20 : 5;
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = options.notAfter ?? new Date(notBefore.getTime() + years * 365.25 * 24 * 3600 * 1000);
  const subject = nameAttributes(options.subject);
  cert.setSubject(subject);
  const issuerCert = options.issuer ? forge.pki.certificateFromPem(options.issuer.certPem) : undefined;
  cert.setIssuer(options.issuer ? nameAttributes(options.issuer.subject) : subject);
  const extensions: object[] = [];
  if (options.profile === 'root-ca') {
    extensions.push(
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    );
  } else if (options.profile === 'signing') {
    extensions.push(
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      // emailProtection + document signing (1.3.6.1.4.1.311.10.3.12, Adobe/Microsoft) for PDF signers.
      { name: 'extKeyUsage', emailProtection: true, '1.3.6.1.4.1.311.10.3.12': true },
    );
  } else {
    extensions.push(
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'extKeyUsage', timeStamping: true, critical: true },
    );
  }
  extensions.push({ name: 'subjectKeyIdentifier' });
  if (issuerCert) {
    extensions.push({
      name: 'authorityKeyIdentifier',
      keyIdentifier: issuerCert.generateSubjectKeyIdentifier().getBytes(),
    });
  }
  cert.setExtensions(extensions);
  // forge computes the to-be-signed digest; node:crypto makes the RSA signature (much faster than forge's).
  const issuerKey = createPrivateKey(options.issuer?.keyPem ?? privateKey);
  const nativeSigner = {
    sign: (md: forge.md.MessageDigest) =>
      Buffer.from(rsaSignDigest(issuerKey, Buffer.from(md.digest().getBytes(), 'binary'))).toString('binary'),
  };
  cert.sign(nativeSigner as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    subject: options.subject,
    der: new Uint8Array(der),
    keyPem: privateKey,
    certPem: forge.pki.certificateToPem(cert),
  };
}

/**
 * A PKCS#12 (PBES2 / AES-256, SHA-256 MAC) holding the key and the chain, protected by the owner's PIN.
 * Read back with `openPkcs12`; OpenSSL 3 reads it too.
 */
export function buildPkcs12(cert: IssuedCertificate, chain: readonly IssuedCertificate[], pin: string): Uint8Array {
  const key = forge.pki.privateKeyFromPem(cert.keyPem);
  const certs = [cert, ...chain].map((c) => forge.pki.certificateFromPem(c.certPem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, pin, { algorithm: 'aes256', generateLocalKeyId: true });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}

export class WrongPinError extends Error {
  constructor() {
    super('PKCS#12 could not be opened with this PIN');
    this.name = 'WrongPinError';
  }
}

/** The private key (PKCS#8 PEM) of a PKCS#12; `WrongPinError` when the PIN does not open it. */
export function openPkcs12(p12: Uint8Array, pin: string): { keyPem: string } {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(Buffer.from(p12).toString('binary'));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, true, pin);
  } catch {
    throw new WrongPinError();
  }
  const bags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = bags.find((b) => b.key)?.key;
  if (!key) throw new WrongPinError();
  const pem = forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key)));
  return { keyPem: pem };
}

/** Subject, issuer, serial and validity read by node:crypto (for listing; validation uses pkijs). */
export function describeCertificate(der: Uint8Array): {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
} {
  const x = new X509Certificate(der);
  return {
    subject: x.subject,
    issuer: x.issuer,
    serialNumber: x.serialNumber.toLowerCase(),
    notBefore: new Date(x.validFrom),
    notAfter: new Date(x.validTo),
    fingerprintSha256: x.fingerprint256.replaceAll(':', '').toLowerCase(),
  };
}

export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

export function pemToDer(pem: string): Uint8Array {
  const b64 = pem.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/**
 * The key, the certificate that matches it and the other certificates of a PKCS#12 (DER as stored in the
 * container: forge keeps a parsed certificate's original to-be-signed part). `WrongPinError` on a bad PIN.
 */
export function readPkcs12(
  p12: Uint8Array,
  pin: string,
): { keyPem: string; certificate: Uint8Array; chain: Uint8Array[] } {
  const { keyPem } = openPkcs12(p12, pin);
  const asn1 = forge.asn1.fromDer(Buffer.from(p12).toString('binary'));
  const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, true, pin);
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).flatMap((b) =>
    b.cert
      ? [new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert)).getBytes(), 'binary'))]
      : [],
  );
  const publicKey = createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
  const index = certs.findIndex((der) =>
    Buffer.from(new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' })).equals(publicKey),
  );
  if (index < 0) throw new Error('No certificate matches the key');
  return { keyPem, certificate: certs[index]!, chain: certs.filter((_, i) => i !== index) };
}
