/**
 * Test PKI for the edXML signature tests: a CA (with a Vietnamese DN), an organisation certificate it issued,
 * an expired one, and an unrelated CA. Keys come from node:crypto (fast), certificates from node-forge (which
 * encodes UTF8String values itself: pass plain JS strings).
 */
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface TestIdentity {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

function name(commonName: string, organization: string): forge.pki.CertificateField[] {
  return [
    { name: 'countryName', value: 'VN' },
    { name: 'organizationName', value: organization, valueTagClass: UTF8 },
    { name: 'commonName', value: commonName, valueTagClass: UTF8 },
  ];
}

let serial = 1;

function certificate(options: {
  subject: forge.pki.CertificateField[];
  publicKeyPem: string;
  issuer?: { subject: forge.pki.CertificateField[]; privateKeyPem: string };
  selfKeyPem?: string;
  ca: boolean;
  notBefore: Date;
  notAfter: Date;
}): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(options.publicKeyPem);
  cert.serialNumber = (0x10000 + serial++).toString(16);
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  cert.setSubject(options.subject);
  cert.setIssuer(options.issuer?.subject ?? options.subject);
  cert.setExtensions(
    options.ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        ],
  );
  const signingKey = options.issuer?.privateKeyPem ?? options.selfKeyPem!;
  cert.sign(forge.pki.privateKeyFromPem(signingKey), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export interface TestPki {
  readonly caPem: string;
  readonly otherCaPem: string;
  /** Issued by the CA to the Ministry, valid 2020–2040. */
  readonly signer: TestIdentity;
  /** Issued by the CA, expired in 2021. */
  readonly expired: TestIdentity;
  /** Issued by the other CA. */
  readonly stranger: TestIdentity;
}

export function makeTestPki(): TestPki {
  const from = new Date('2020-01-01T00:00:00Z');
  const until = new Date('2040-01-01T00:00:00Z');
  const caKeys = keyPair();
  const caSubject = name('CA Chính phủ (thử nghiệm)', 'Ban Cơ yếu Chính phủ');
  const caPem = certificate({
    subject: caSubject,
    publicKeyPem: caKeys.publicKeyPem,
    selfKeyPem: caKeys.privateKeyPem,
    ca: true,
    notBefore: from,
    notAfter: until,
  });
  const otherKeys = keyPair();
  const otherSubject = name('Other CA', 'Elsewhere');
  const otherCaPem = certificate({
    subject: otherSubject,
    publicKeyPem: otherKeys.publicKeyPem,
    selfKeyPem: otherKeys.privateKeyPem,
    ca: true,
    notBefore: from,
    notAfter: until,
  });
  const issue = (
    commonName: string,
    issuer: { subject: forge.pki.CertificateField[]; privateKeyPem: string },
    notBefore: Date,
    notAfter: Date,
  ): TestIdentity => {
    return {
      privateKeyPem: keys.privateKeyPem,
      certificatePem: certificate({
        subject: name(commonName, 'Bộ Giáo dục và Đào tạo'),
        publicKeyPem: keys.publicKeyPem,
        issuer,
        ca: false,
        notBefore,
        notAfter,
      }),
    };
  };
  // One key for the three end-entity certificates keeps the fixture fast; only the certificates differ.
  const keys = keyPair();
  const ca = { subject: caSubject, privateKeyPem: caKeys.privateKeyPem };
  return {
    caPem,
    otherCaPem,
    signer: issue('Bộ Giáo dục và Đào tạo', ca, from, until),
    expired: issue(
      'Bộ Giáo dục và Đào tạo (cũ)',
      ca,
      new Date('2019-01-01T00:00:00Z'),
      new Date('2021-01-01T00:00:00Z'),
    ),
    stranger: issue('Kẻ lạ', { subject: otherSubject, privateKeyPem: otherKeys.privateKeyPem }, from, until),
  };
}
