import { SignedXml } from 'xml-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdxml, parseEdxml, signEdxml, verifyEdxmlSignature, type EdxmlPackage } from '../index.ts';
import { samplePackage } from './edxml.fixtures.ts';
import { makeTestPki, type TestPki } from './edxml.test-pki.ts';

let pki: TestPki;
let pkg: EdxmlPackage;
let xml: string;
let signed: string;

beforeAll(() => {
  pki = makeTestPki();
  pkg = samplePackage({ attachmentBytes: 4096 });
  xml = buildEdxml(pkg);
  signed = signEdxml(xml, pki.signer);
}, 60_000);

const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);
const HEADER = "/*[local-name()='edXML']/*[local-name()='edXMLEnvelope']/*[local-name()='edXMLHeader']";

describe('edXML XML signature', () => {
  it('signs with RSA-SHA256, exclusive c14n, enveloped, over the whole document; verifies against the trust list', () => {
    expect(signed).toContain('<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>');
    expect(signed).toContain('<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>');
    expect(signed).toContain('<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>');
    expect(signed).toContain('<ds:Reference URI="">');
    expect(signed).toMatch(/<ds:X509Certificate>[A-Za-z0-9+/=]+<\/ds:X509Certificate>/);
    // The signature sits in edXMLHeader and the package still parses.
    expect(signed.indexOf('<ds:Signature')).toBeLessThan(signed.indexOf('</edXML:edXMLHeader>'));
    const parsed = parseEdxml(signed);
    expect(parsed.ok && parsed.signed).toBe(true);

    const result = verifyEdxmlSignature(signed, { trustList: [pki.caPem] });
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(result.signer?.subject).toContain('CN=Bộ Giáo dục và Đào tạo');
    expect(result.signer?.issuer).toContain('CN=CA Chính phủ (thử nghiệm)');
    expect(result.message).toEqual(pkg);
  });

  it('refuses a package whose text or attachment changed after signing', () => {
    const subject = signed.replace('V/v hướng dẫn', 'V/v bãi bỏ');
    expect(codes(verifyEdxmlSignature(subject, { trustList: [pki.caPem] }))).toEqual(['edxml.signature_invalid']);
    const at = signed.indexOf('<edXML:ContentTransferEncoded>') + 40;
    const flipped = signed.slice(0, at) + (signed[at] === 'A' ? 'B' : 'A') + signed.slice(at + 1);
    expect(codes(verifyEdxmlSignature(flipped, { trustList: [pki.caPem] }))).toEqual(['edxml.signature_invalid']);
    const recipient = signed.replace('000.00.01.H41', '000.00.01.H56');
    expect(codes(verifyEdxmlSignature(recipient, { trustList: [pki.caPem] }))).toEqual(['edxml.signature_invalid']);
  });

  it('trusts only certificates that chain to the trust list and are valid', () => {
    expect(codes(verifyEdxmlSignature(signed, { trustList: [pki.otherCaPem] }))).toEqual([
      'edxml.certificate_untrusted',
    ]);
    expect(codes(verifyEdxmlSignature(signed, { trustList: [] }))).toEqual(['edxml.certificate_untrusted']);
    const stranger = signEdxml(xml, pki.stranger);
    expect(codes(verifyEdxmlSignature(stranger, { trustList: [pki.caPem] }))).toEqual(['edxml.certificate_untrusted']);
    const expired = signEdxml(xml, pki.expired);
    expect(codes(verifyEdxmlSignature(expired, { trustList: [pki.caPem] }))).toEqual(['edxml.certificate_expired']);
    // Valid at the time given.
    expect(verifyEdxmlSignature(expired, { trustList: [pki.caPem], at: new Date('2020-06-01') }).valid).toBe(true);
    // Pinning the organisation's own certificate works too.
    expect(verifyEdxmlSignature(signed, { trustList: [pki.signer.certificatePem] }).valid).toBe(true);
  });

  it('refuses an unsigned package and a package with two signatures', () => {
    expect(codes(verifyEdxmlSignature(xml, { trustList: [pki.caPem] }))).toEqual(['edxml.signature_missing']);
    const sig = signed.slice(signed.indexOf('<ds:Signature'), signed.indexOf('</ds:Signature>') + 15);
    const twice = signed.replace('</edXML:edXMLHeader>', `${sig}</edXML:edXMLHeader>`);
    expect(codes(verifyEdxmlSignature(twice, { trustList: [pki.caPem] }))).toEqual(['edxml.signature_multiple']);
  });

  it('accepts RSA-SHA1 on input with a warning', () => {
    const sig = new SignedXml({
      privateKey: pki.signer.privateKeyPem,
      publicCert: pki.signer.certificatePem,
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
      signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
    });
    sig.addReference({
      xpath: '/*',
      isEmptyUri: true,
      digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    });
    sig.computeSignature(xml, { location: { reference: HEADER, action: 'append' } });
    const result = verifyEdxmlSignature(sig.getSignedXml(), { trustList: [pki.caPem] });
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['edxml.signature_sha1']);
    expect(result.message).toEqual(pkg);
  });

  describe('signature wrapping', () => {
    /** A vendor-style signature whose Reference points at the envelope by Id instead of the whole document. */
    function signEnvelopeById(): string {
      const withId = xml.replace('<edXML:edXMLEnvelope>', '<edXML:edXMLEnvelope Id="env1">');
      const sig = new SignedXml({
        privateKey: pki.signer.privateKeyPem,
        publicCert: pki.signer.certificatePem,
        canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
        signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      });
      sig.addReference({
        xpath: "//*[local-name()='edXMLEnvelope']",
        digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
        transforms: [
          'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
          'http://www.w3.org/2001/10/xml-exc-c14n#',
        ],
      });
      sig.computeSignature(withId, { prefix: 'ds', location: { reference: HEADER, action: 'append' } });
      return sig.getSignedXml();
    }

    it('a moved signed envelope with a forged one in its place fails (xml-crypto alone would accept it)', () => {
      const byId = signEnvelopeById();
      // Attack: keep the signed envelope (Id="env1") but hide it in a wrapper, and put a forged envelope where
      // a reader looks — with another subject and the attacker as recipient.
      const start = byId.indexOf('<edXML:edXMLEnvelope');
      const end = byId.indexOf('</edXML:edXMLEnvelope>') + '</edXML:edXMLEnvelope>'.length;
      const original = byId.slice(start, end);
      const forged = original
        .replace(' Id="env1"', '')
        .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
        .replace('V/v hướng dẫn', 'V/v chuyển tiền gấp')
        .replace('000.00.01.H41', '000.00.01.H56');
      const wrapped = `${byId.slice(0, start)}${forged}<edXML:Wrapper>${original}</edXML:Wrapper>${byId.slice(end)}`;

      // The library's own check passes: the referenced element still digests correctly.
      const naive = new SignedXml({ publicCert: pki.signer.certificatePem });
      const doc = wrapped.slice(wrapped.indexOf('<ds:Signature'), wrapped.indexOf('</ds:Signature>') + 15);
      naive.loadSignature(doc);
      expect(naive.checkSignature(wrapped)).toBe(true);
      // And a naive reader would take the forged subject.
      const naiveRead = parseEdxml(wrapped);
      expect(naiveRead.ok && naiveRead.message.kind === 'package' && naiveRead.message.subject).toContain(
        'chuyển tiền',
      );

      // Ours refuses: the signature does not cover the whole document.
      const result = verifyEdxmlSignature(wrapped, { trustList: [pki.caPem] });
      expect(result.valid).toBe(false);
      expect(codes(result)).toEqual(['edxml.signature_scope']);
      expect(result.message).toBeUndefined();
      // Even unmodified, a partial signature is not accepted.
      expect(codes(verifyEdxmlSignature(byId, { trustList: [pki.caPem] }))).toEqual(['edxml.signature_scope']);
    });

    it('moving or duplicating content under a whole-document signature breaks it', () => {
      const start = signed.indexOf('<edXML:MessageHeader>');
      const end = signed.indexOf('</edXML:MessageHeader>') + '</edXML:MessageHeader>'.length;
      const header = signed.slice(start, end);
      const forgedHeader = header.replace('V/v hướng dẫn', 'V/v chuyển tiền gấp');
      // The genuine header moved into a decoy element after the forged one.
      const moved = `${signed.slice(0, start)}${forgedHeader}<edXML:Decoy>${header}</edXML:Decoy>${signed.slice(end)}`;
      expect(codes(verifyEdxmlSignature(moved, { trustList: [pki.caPem] }))).toEqual(['edxml.signature_invalid']);
      // The genuine signature moved to a forged document.
      const sig = signed.slice(signed.indexOf('<ds:Signature'), signed.indexOf('</ds:Signature>') + 15);
      const forgedDoc = buildEdxml({ ...pkg, subject: 'V/v chuyển tiền gấp' }).replace(
        '</edXML:edXMLHeader>',
        `${sig}</edXML:edXMLHeader>`,
      );
      expect(codes(verifyEdxmlSignature(forgedDoc, { trustList: [pki.caPem] }))).toEqual(['edxml.signature_invalid']);
    });
  });
});
