/**
 * PAdES signing and validation, checked by independent validators: poppler's pdfsig (with an NSS database
 * trusting the test root) must say "Signature is Valid" and "Certificate is Trusted" for every signature of a
 * PDF signed three times by incremental updates (signer, co-signer, organisation); `openssl cms -verify`
 * must accept each extracted CMS; one flipped byte must make them (and EduGov's validator) say invalid.
 * Names are Vietnamese (UTF-8) in the subject and in the issuer.
 */
import fs from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extractSignature,
  makeTestPki,
  nssDbTrusting,
  opensslCmsSign,
  opensslCmsVerify,
  pdfsig,
  samplePdf,
  startLocalTsa,
  tempDir,
  toolsMissing,
  type LocalTsa,
  type TestPki,
} from '../signatures.fixtures.ts';
import { OID } from './cms.ts';
import { signPdf, signPdfWith } from './pdf-sign.ts';
import { httpTimestamp } from './tsa.ts';
import { validatePdfSignatures } from './validate.ts';

const missing = toolsMissing(['pdfsig', 'certutil', 'openssl']);
const toolIt = it.skipIf(missing !== undefined);
const skipNote = missing ? ` — skipped: ${missing}` : '';

let pki: TestPki;
let dir: string;
let nss: string;
let threeSigned: Uint8Array;
const t0 = new Date('2026-03-05T07:32:10Z');

beforeAll(async () => {
  pki = makeTestPki();
  dir = await tempDir();
  if (!missing) nss = await nssDbTrusting(dir, [pki.root]);
  const unsigned = await samplePdf('Quyết định thử nghiệm');
  const first = await signPdf(unsigned, {
    key: pki.key(pki.signer),
    signingTime: t0,
    signerName: 'Nguyễn Văn Ấn',
    reason: 'Ký ban hành',
    location: 'Hà Nội',
  });
  const second = await signPdf(first, {
    key: pki.key(pki.coSigner),
    signingTime: new Date(t0.getTime() + 60_000),
  });
  threeSigned = await signPdf(second, {
    key: pki.key(pki.organization),
    signingTime: new Date(t0.getTime() + 120_000),
  });
}, 120_000);

afterAll(async () => {
  if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
});

describe('PAdES signatures', () => {
  toolIt(
    `pdfsig: three incremental signatures, each valid and trusted, the last covers the whole file${skipNote}`,
    async () => {
      const report = await pdfsig(nss, threeSigned, dir);
      expect(report.map((s) => s.signerName)).toEqual([
        'Nguyễn Văn Ấn',
        'Trần Thị Hương Giang',
        'Sở Giáo dục và Đào tạo Hà Nội',
      ]);
      for (const s of report) {
        expect(s.signatureValidation).toBe('Signature is Valid.');
        expect(s.certificateValidation).toBe('Certificate is Trusted.');
      }
      expect(report.map((s) => s.totalDocumentSigned)).toEqual([false, false, true]);
    },
  );

  toolIt(`openssl cms -verify accepts each extracted CMS; a flipped byte is rejected${skipNote}`, async () => {
    for (const n of [0, 1, 2]) {
      const { content, cms } = extractSignature(threeSigned, n);
      const result = await opensslCmsVerify(content, cms, pki.root, dir);
      expect(result.output).toContain('Verification successful');
      expect(result.ok).toBe(true);
    }
    const { content, cms } = extractSignature(threeSigned, 0);
    content[300] = content[300]! ^ 0x01;
    const tampered = await opensslCmsVerify(content, cms, pki.root, dir);
    expect(tampered.ok).toBe(false);
  });

  it('the CMS is PAdES B-B: SHA-256, contentType + messageDigest + signing-certificate-v2, no signingTime', () => {
    const { cms } = extractSignature(threeSigned, 0);
    const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content });
    const info = signedData.signerInfos[0]!;
    expect(info.digestAlgorithm.algorithmId).toBe(OID.sha256);
    expect(info.signedAttrs!.attributes.map((a) => a.type).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    // The signing time is /M in the PDF (Vietnam time), not in the CMS.
    expect(Buffer.from(threeSigned).toString('latin1')).toContain("/M (D:20260305143210+07'00')");
    expect(Buffer.from(threeSigned).toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    // The issuer is copied verbatim: the signer certificate is found by issuer and serial.
    const sid = info.sid as pkijs.IssuerAndSerialNumber;
    const cert = signedData.certificates![0] as pkijs.Certificate;
    expect(Buffer.from(sid.issuer.toSchema().toBER()).equals(Buffer.from(cert.issuer.toSchema().toBER()))).toBe(true);
    expect(asn1js.fromBER(cms).offset).toBe(cms.length);
  });

  it("EduGov's validator: valid, with signer, organisation and ISO 8601 +07:00 signing time", async () => {
    const report = await validatePdfSignatures(threeSigned, [pki.root.der]);
    expect(report.verdict).toBe('valid');
    expect(report.signatures).toHaveLength(3);
    const [first, , last] = report.signatures;
    expect(first).toMatchObject({
      signerName: 'Nguyễn Văn Ấn',
      organization: 'Sở Giáo dục và Đào tạo Hà Nội',
      signingTime: '2026-03-05T14:32:10+07:00',
      signingTimeSource: 'pdf',
      intact: true,
      coversWholeDocument: false,
      laterChanges: 'signatures_only',
      trusted: true,
      certificateValidAtSigningTime: true,
      verdict: 'valid',
    });
    expect(last).toMatchObject({ coversWholeDocument: true, laterChanges: 'none', verdict: 'valid' });
  });

  it('without the root in the trust list: indeterminate, untrusted chain', async () => {
    const report = await validatePdfSignatures(threeSigned, []);
    expect(report.verdict).toBe('indeterminate');
    expect(report.signatures[0]!.reasons.map((r) => r.code)).toEqual(['untrusted_chain']);
    expect(report.signatures[0]!.intact).toBe(true);
  });

  toolIt(`a flipped byte inside the first signed range: pdfsig and EduGov say invalid${skipNote}`, async () => {
    const tampered = new Uint8Array(threeSigned);
    const text = Buffer.from(tampered).toString('latin1');
    const at = text.indexOf('/MediaBox') + 12;
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const report = await pdfsig(nss, tampered, dir);
    expect(report.every((s) => s.signatureValidation !== 'Signature is Valid.')).toBe(true);
    const ours = await validatePdfSignatures(tampered, [pki.root.der]);
    expect(ours.verdict).toBe('invalid');
    expect(ours.signatures[0]!.intact).toBe(false);
    expect(ours.signatures[0]!.reasons.map((r) => r.code)).toContain('digest_mismatch');
  });

  it('an incremental change appended after the last signature is flagged on every signature', async () => {
    const text = Buffer.from(threeSigned).toString('latin1');
    const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1];
    const offset = threeSigned.length;
    const obj = '900 0 obj\n<< /Injected (changed after signing) >>\nendobj\n';
    const xrefAt = offset + obj.length;
    const update =
      `${obj}xref\n900 1\n${String(offset).padStart(10, '0')} 00000 n \ntrailer\n` +
      `<< /Size 901 /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const changed = new Uint8Array(Buffer.concat([Buffer.from(threeSigned), Buffer.from(update, 'latin1')]));
    const report = await validatePdfSignatures(changed, [pki.root.der]);
    expect(report.verdict).toBe('indeterminate');
    for (const s of report.signatures) {
      expect(s.intact).toBe(true);
      expect(s.laterChanges).toBe('unsigned_changes');
      expect(s.reasons.map((r) => r.code)).toContain('modified_after_signing');
    }
  });

  toolIt(
    `a PDF signed by another tool (openssl cms -sign) validates; a flipped byte makes it invalid${skipNote}`,
    async () => {
      const foreign = await signPdfWith(await samplePdf('Van ban tu noi khac'), { signingTime: t0 }, (content) =>
        opensslCmsSign(content, pki.coSigner, dir),
      );
      const report = await validatePdfSignatures(foreign, [pki.root.der]);
      expect(report.verdict).toBe('valid');
      expect(report.signatures[0]).toMatchObject({ signerName: 'Trần Thị Hương Giang', intact: true, trusted: true });
      const checked = await pdfsig(nss, foreign, dir);
      expect(checked[0]!.signatureValidation).toBe('Signature is Valid.');
      const tampered = new Uint8Array(foreign);
      tampered[200] = tampered[200]! ^ 0x20;
      expect((await validatePdfSignatures(tampered, [pki.root.der])).verdict).toBe('invalid');
    },
  );

  it('a PDF written with object streams and a cross-reference stream can be signed twice', async () => {
    const once = await signPdf(await samplePdf('Object streams', { objectStreams: true }), {
      key: pki.key(pki.signer),
      signingTime: t0,
    });
    const twice = await signPdf(once, { key: pki.key(pki.organization), signingTime: t0 });
    const report = await validatePdfSignatures(twice, [pki.root.der]);
    expect(report.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    if (!missing) {
      const checked = await pdfsig(nss, twice, dir);
      expect(checked.map((s) => s.signatureValidation)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    }
  });
});

describe('PAdES B-T: RFC 3161 timestamp from a local TSA', () => {
  let tsa: LocalTsa | undefined;
  afterAll(async () => tsa?.close());

  toolIt(`the signature carries a token over its value; the signing time comes from the TSA${skipNote}`, async () => {
    tsa = await startLocalTsa(pki.root, dir);
    const before = new Date();
    const signed = await signPdf(await samplePdf('B-T'), {
      key: pki.key(pki.signer),
      signingTime: t0,
      timestamp: httpTimestamp(tsa.url),
    });
    expect(tsa.requests).toBe(1);
    const { cms } = extractSignature(signed, 0);
    const info = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content }).signerInfos[0]!;
    expect(info.unsignedAttrs!.attributes.map((a) => a.type)).toEqual([OID.signatureTimeStampToken]);
    const report = await validatePdfSignatures(signed, [pki.root.der]);
    expect(report.signatures[0]).toMatchObject({ timestamped: true, signingTimeSource: 'timestamp', verdict: 'valid' });
    const genTime = new Date(report.signatures[0]!.signingTime!);
    expect(Math.abs(genTime.getTime() - before.getTime())).toBeLessThan(60_000);
    const checked = await pdfsig(nss, signed, dir);
    expect(checked[0]).toMatchObject({
      signatureValidation: 'Signature is Valid.',
      certificateValidation: 'Certificate is Trusted.',
    });
  });

  it('an unreachable TSA stops the signing with a clear error', async () => {
    await expect(
      signPdf(await samplePdf('x'), {
        key: pki.key(pki.signer),
        signingTime: t0,
        timestamp: httpTimestamp('http://127.0.0.1:9/tsa', { timeoutMs: 2000 }),
      }),
    ).rejects.toThrow(/time-stamping authority/);
  });
});
