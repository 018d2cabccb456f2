/**
 * XML signature of edXML packages (STANDARDS.md §2.5, DEPENDENCIES.md §8): enveloped, exclusive c14n, RSA-SHA256,
 * one Reference with URI="" so the whole document (attachments included) is signed, KeyInfo/X509Data with the
 * signer's certificate (and its chain). Verification accepts RSA-SHA1 with a warning, pins the key to a
 * certificate that chains to the trust list, refuses a signature that does not cover the whole document, and
 * returns the package parsed from the signed bytes only (signature-wrapping defence).
 */
import { X509Certificate } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { issue, type EdxmlIssue } from './edxml.errors.ts';
import { parseEdxml, type EdxmlParseOptions } from './edxml.parse.ts';
import { XMLDSIG_NAMESPACE, type EdxmlMessage } from './edxml.types.ts';
import { decodeXml, screenXml, xmlLimits } from './edxml.xml.ts';

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

const SIGNATURE_ALGORITHMS: Record<string, 'sha1' | 'sha2'> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'sha1',
  [RSA_SHA256]: 'sha2',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'sha2',
};
const DIGEST_ALGORITHMS: Record<string, 'sha1' | 'sha2'> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  [SHA256]: 'sha2',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha2',
};
const TRANSFORMS = new Set([
  ENVELOPED,
  EXC_C14N,
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
]);

export interface EdxmlSigningKey {
  /** PKCS#8 or PKCS#1 PEM. */
  readonly privateKeyPem: string;
  /** The signer's certificate, optionally followed by its intermediates (PEM). */
  readonly certificatePem: string;
}

/** Signs an edXML document (as built by buildEdxml); the ds:Signature goes last in edXMLHeader. */
export function signEdxml(xml: string, key: EdxmlSigningKey): string {
  const sig = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    canonicalizationAlgorithm: EXC_C14N,
    signatureAlgorithm: RSA_SHA256,
  });
  sig.addReference({ xpath: '/*', isEmptyUri: true, digestAlgorithm: SHA256, transforms: [ENVELOPED, EXC_C14N] });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: {
      reference: "/*[local-name()='edXML']/*[local-name()='edXMLEnvelope']/*[local-name()='edXMLHeader']",
      action: 'append',
    },
  });
  return sig.getSignedXml();
}

export interface EdxmlSigner {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly fingerprint256: string;
}

export interface EdxmlVerifyOptions extends EdxmlParseOptions {
  /** Trusted certificates (roots or the signers themselves), PEM. */
  readonly trustList: readonly string[];
  /** When the certificate must be valid (default now). */
  readonly at?: Date;
}

export interface EdxmlVerifyResult {
  readonly valid: boolean;
  readonly errors: EdxmlIssue[];
  readonly warnings: EdxmlIssue[];
  readonly signer?: EdxmlSigner;
  /** The message read from the signed bytes only (present when valid and parseable). */
  readonly message?: EdxmlMessage;
}

function pemOf(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Splits a PEM bundle into certificates. */
export function certificatesFromPem(pem: string): X509Certificate[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
    (block) => new X509Certificate(block),
  );
}

function describe(cert: X509Certificate): EdxmlSigner {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    fingerprint256: cert.fingerprint256,
  };
}

function validAt(cert: X509Certificate, at: Date): boolean {
  return new Date(cert.validFrom).getTime() <= at.getTime() && at.getTime() <= new Date(cert.validTo).getTime();
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Walks leaf → intermediates (from KeyInfo) → an anchor of the trust list. */
function chainsToTrustList(
  leaf: X509Certificate,
  intermediates: readonly X509Certificate[],
  trust: readonly X509Certificate[],
  at: Date,
): 'trusted' | 'untrusted' | 'expired' {
  let current = leaf;
  for (let depth = 0; depth < 6; depth++) {
    if (!validAt(current, at)) return 'expired';
    if (trust.some((t) => t.fingerprint256 === current.fingerprint256)) return 'trusted';
    const anchor = trust.find((t) => t.ca && issuedBy(current, t));
    if (anchor) return validAt(anchor, at) ? 'trusted' : 'expired';
    const next = intermediates.find((c) => c !== current && c.ca && issuedBy(current, c));
    if (!next) return 'untrusted';
    current = next;
  }
  return 'untrusted';
}

function childElements(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName) out.push(n as Element);
  }
  return out;
}

/** Checks the XML signature of a package against the trust list; never throws on bad input. */
export function verifyEdxmlSignature(input: string | Uint8Array, options: EdxmlVerifyOptions): EdxmlVerifyResult {
  const errors: EdxmlIssue[] = [];
  const warnings: EdxmlIssue[] = [];
  const fail = (e: EdxmlIssue, signer?: EdxmlSigner): EdxmlVerifyResult => ({
    valid: false,
    errors: [...errors, e],
    warnings,
    ...(signer ? { signer } : {}),
  });
  const limits = xmlLimits(options.limits);
  const xml = decodeXml(input, limits);
  if (typeof xml !== 'string') return fail(xml);
  const screened = screenXml(xml, limits);
  if (screened) return fail(screened);

  let doc;
  try {
    doc = new DOMParser().parseFromString(xml, 'text/xml');
  } catch (e) {
    return fail(issue('edxml.malformed_xml', '', (e as Error).message));
  }
  const signatures = doc.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'Signature');
  if (signatures.length === 0) return fail(issue('edxml.signature_missing', ''));
  if (signatures.length > 1) return fail(issue('edxml.signature_multiple', '', `${signatures.length}`));
  const signatureNode = signatures.item(0)!;

  // The certificates in KeyInfo: the first is the signer's, the rest may be its chain.
  const certs: X509Certificate[] = [];
  for (const keyInfo of childElements(signatureNode, 'KeyInfo')) {
    for (const data of childElements(keyInfo, 'X509Data')) {
      for (const c of childElements(data, 'X509Certificate')) {
        try {
          certs.push(new X509Certificate(pemOf(c.textContent ?? '')));
        } catch {
          return fail(issue('edxml.certificate_missing', 'Signature/KeyInfo', 'unreadable X509Certificate'));
        }
      }
    }
  }
  const leaf = certs[0];
  if (!leaf) return fail(issue('edxml.certificate_missing', 'Signature/KeyInfo'));
  const signer = describe(leaf);

  const sig = new SignedXml({ publicCert: leaf.toString(), getCertFromKeyInfo: () => null });
  try {
    sig.loadSignature(signatureNode as unknown as Parameters<SignedXml['loadSignature']>[0]);
  } catch (e) {
    return fail(issue('edxml.signature_invalid', 'Signature', (e as Error).message), signer);
  }
  const strength = SIGNATURE_ALGORITHMS[sig.signatureAlgorithm ?? ''];
  if (!strength)
    return fail(issue('edxml.signature_algorithm', 'Signature/SignedInfo', sig.signatureAlgorithm), signer);
  const references = sig.getReferences();
  if (references.length !== 1) {
    return fail(issue('edxml.signature_scope', 'Signature/SignedInfo', `${references.length} references`), signer);
  }
  const ref = references[0]!;
  const digest = DIGEST_ALGORITHMS[ref.digestAlgorithm];
  if (!digest)
    return fail(issue('edxml.signature_algorithm', 'Signature/SignedInfo/Reference', ref.digestAlgorithm), signer);
  const badTransform = ref.transforms.find((t) => !TRANSFORMS.has(t));
  if (badTransform)
    return fail(issue('edxml.signature_algorithm', 'Signature/SignedInfo/Reference', badTransform), signer);
  if (!ref.transforms.includes(ENVELOPED)) {
    return fail(issue('edxml.signature_algorithm', 'Signature/SignedInfo/Reference', 'not enveloped'), signer);
  }
  // Only a reference to the whole document is accepted: URI="" or the Id of the document element.
  const uri = ref.uri ?? '';
  const root = doc.documentElement!;
  const rootIds = ['Id', 'ID', 'id'].map((a) => root.getAttribute(a)).filter((v): v is string => !!v);
  if (uri !== '' && !(uri.startsWith('#') && rootIds.includes(uri.slice(1)))) {
    return fail(issue('edxml.signature_scope', 'Signature/SignedInfo/Reference', `URI="${uri}"`), signer);
  }
  if (strength === 'sha1' || digest === 'sha1')
    warnings.push(issue('edxml.signature_sha1', 'Signature', undefined, 'warning'));

  const trust = options.trustList.flatMap((pem) => certificatesFromPem(pem));
  const chain = chainsToTrustList(leaf, certs.slice(1), trust, options.at ?? new Date());
  if (chain === 'expired') return fail(issue('edxml.certificate_expired', 'Signature/KeyInfo', signer.validTo), signer);
  if (chain === 'untrusted')
    return fail(issue('edxml.certificate_untrusted', 'Signature/KeyInfo', signer.subject), signer);

  let ok: boolean;
  try {
    ok = sig.checkSignature(xml) === true;
  } catch (e) {
    return fail(issue('edxml.signature_invalid', 'Signature', (e as Error).message.slice(0, 120)), signer);
  }
  if (!ok) return fail(issue('edxml.signature_invalid', 'Signature', 'digest mismatch'), signer);

  // Read the package from what was signed, never from the original tree.
  const signed = sig.getSignedReferences();
  if (signed.length !== 1) return fail(issue('edxml.signature_scope', 'Signature'), signer);
  const parsed = parseEdxml(signed[0]!, options);
  if (!parsed.ok) {
    return { valid: true, errors: parsed.errors, warnings: [...warnings, ...parsed.warnings], signer };
  }
  return { valid: true, errors: [], warnings: [...warnings, ...parsed.warnings], signer, message: parsed.message };
}
