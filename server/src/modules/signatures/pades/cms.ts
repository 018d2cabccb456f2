/**
 * The CMS (PKCS#7) SignedData of a PAdES signature, built with pkijs (DEPENDENCIES.md §7: node-forge's
 * PKCS#7 double-encodes UTF-8 issuer names). PAdES baseline B-B: detached, SHA-256, signed attributes
 * contentType + messageDigest + ESS signing-certificate-v2 and no signingTime (the time is /M in the PDF).
 * The private key is behind `SigningKey.signHash`, so a local PKCS#12, a remote CSC service or a token can
 * sign. B-T: an RFC 3161 timestamp over the signature value as the unsigned attribute
 * id-aa-signatureTimeStampToken.
 */
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never }));

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
} as const;

/** The signer's side: its certificate, the chain to embed, and a way to sign a SHA-256 digest. */
export interface SigningKey {
  /** DER of the signer's certificate. */
  readonly certificate: Uint8Array;
  /** DER of the intermediate (and optionally root) certificates to embed in the signature. */
  readonly chain: readonly Uint8Array[];
  /** RSASSA-PKCS1-v1_5 signature of a SHA-256 digest (the digest of the DER signed attributes). */
  signHash(sha256: Uint8Array): Promise<Uint8Array>;
}

/** Gets an RFC 3161 timestamp token (a DER ContentInfo) for a SHA-256 digest; see pades/tsa.ts. */
export type TimestampFn = (sha256: Uint8Array) => Promise<Uint8Array>;

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(der);
}

const algorithm = (oid: string, withNull = false) =>
  new pkijs.AlgorithmIdentifier({ algorithmId: oid, ...(withNull ? { algorithmParams: new asn1js.Null() } : {}) });

/** ESS SigningCertificateV2 with one ESSCertIDv2 (SHA-256 is the default hash, so it is omitted). */
function signingCertificateV2(certDer: Uint8Array, cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames: one directoryName [4], the issuer copied verbatim from the certificate.
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: sha256(certDer) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/**
 * A detached CAdES signature (DER ContentInfo) over `content` (the PDF's byte ranges). With `timestamp`,
 * the signature value is timestamped (PAdES B-T).
 */
export async function createCadesSignature(
  content: Uint8Array,
  key: SigningKey,
  timestamp?: TimestampFn,
): Promise<Uint8Array> {
  const cert = parseCertificate(key.certificate);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: sha256(content) })],
      }),
      new pkijs.Attribute({
        type: OID.signingCertificateV2,
        values: [signingCertificateV2(key.certificate, cert)],
      }),
    ],
  });
  // What is signed is the DER of the attributes with the SET tag instead of the [0] IMPLICIT one.
  const encoded = new Uint8Array(signedAttrs.toSchema().toBER(false));
  encoded[0] = 0x31;
  const signature = await key.signHash(sha256(encoded));

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: algorithm(OID.sha256),
    signedAttrs,
    signatureAlgorithm: algorithm(OID.sha256WithRsa, true),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  if (timestamp) {
    const token = await timestamp(sha256(signature));
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [asn1js.fromBER(token).result] })],
    });
  }
  const certificates = [key.certificate, ...key.chain].map((der) => parseCertificate(der));
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [algorithm(OID.sha256)],
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** A UTF-8 attribute of a certificate name (CN, O), or undefined. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | undefined {
  const found = name.typesAndValues.find((tv) => tv.type === oid);
  if (!found) return undefined;
  const block = found.value.valueBlock as { value?: unknown };
  return typeof block.value === 'string' ? block.value.normalize('NFC') : undefined;
}
