/**
 * Validating the signatures of any PDF (made by EduGov or by another tool): for each signature, who signed
 * (CN and O of the certificate), when, whether the signed bytes are intact, whether it covers the whole
 * document or later incremental changes follow it, whether the certificate chains to a trust anchor and was
 * valid at the signing time. Each check that fails gives a bilingual reason; the verdict is valid, invalid
 * or indeterminate. Revocation (CRL/OCSP) is not checked and is said so.
 *
 * Pure: bytes and trust anchors in, report out. The service stores the report.
 */
import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { nameAttribute, OID } from './cms.ts';
import { readTimestampToken } from './tsa.ts';

export type Verdict = 'valid' | 'invalid' | 'indeterminate';

export interface Reason {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
}

export interface SignatureReport {
  /** 1-based, in the order the signatures were made. */
  readonly index: number;
  readonly fieldName: string | null;
  readonly signerName: string | null;
  readonly organization: string | null;
  readonly subject: string | null;
  readonly issuer: string | null;
  readonly serialNumber: string | null;
  /** ISO 8601 with +07:00; from a timestamp when there is one, else /M, else the signingTime attribute. */
  readonly signingTime: string | null;
  readonly signingTimeSource: 'timestamp' | 'pdf' | 'cms' | null;
  readonly subFilter: string | null;
  readonly timestamped: boolean;
  /** The digest and the signature check out (bytes unchanged since signing). */
  readonly intact: boolean;
  readonly coversWholeDocument: boolean;
  /** What follows the signed revision: nothing, only later signatures, or unsigned changes. */
  readonly laterChanges: 'none' | 'signatures_only' | 'unsigned_changes';
  readonly trusted: boolean;
  /** Subject of the trust anchor the chain ends in. */
  readonly trustAnchor: string | null;
  readonly certificateValidAtSigningTime: boolean;
  readonly revocationChecked: false;
  readonly verdict: Verdict;
  readonly reasons: readonly Reason[];
}

export interface ValidationReport {
  readonly verdict: Verdict;
  readonly reasons: readonly Reason[];
  readonly signatures: readonly SignatureReport[];
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly validatedAt: string;
}

const R = {
  noSignatures: {
    code: 'no_signatures',
    vi: 'Tài liệu không có chữ ký số',
    en: 'The document has no digital signature',
  },
  notPdf: { code: 'not_pdf', vi: 'Tệp không phải PDF đọc được', en: 'The file is not a readable PDF' },
  badByteRange: {
    code: 'bad_byte_range',
    vi: 'Phạm vi byte được ký không hợp lệ',
    en: 'The signed byte range is malformed',
  },
  badCms: { code: 'bad_cms', vi: 'Không đọc được dữ liệu chữ ký (CMS)', en: 'The signature data (CMS) cannot be read' },
  noSignerCert: {
    code: 'signer_certificate_missing',
    vi: 'Không tìm thấy chứng thư số của người ký trong chữ ký',
    en: 'The signer certificate is not in the signature',
  },
  digestMismatch: {
    code: 'digest_mismatch',
    vi: 'Nội dung đã bị thay đổi sau khi ký (giá trị băm không khớp)',
    en: 'The content was changed after signing (digest mismatch)',
  },
  signatureMismatch: {
    code: 'signature_mismatch',
    vi: 'Chữ ký số không khớp với chứng thư số',
    en: 'The signature does not verify with the certificate',
  },
  unsupportedAlgorithm: {
    code: 'unsupported_algorithm',
    vi: 'Thuật toán chữ ký chưa được hỗ trợ',
    en: 'The signature algorithm is not supported',
  },
  unsignedChanges: {
    code: 'modified_after_signing',
    vi: 'Tài liệu có thay đổi được thêm sau khi ký mà không được ký',
    en: 'Unsigned changes were added to the document after this signature',
  },
  untrusted: {
    code: 'untrusted_chain',
    vi: 'Chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực được tin cậy',
    en: 'The certificate does not chain to a trusted root',
  },
  certExpired: {
    code: 'certificate_not_valid_at_signing_time',
    vi: 'Chứng thư số không còn hiệu lực (hoặc chưa có hiệu lực) tại thời điểm ký',
    en: 'The certificate was not valid at the signing time',
  },
  noSigningTime: {
    code: 'no_signing_time',
    vi: 'Chữ ký không ghi thời điểm ký',
    en: 'The signature has no signing time',
  },
  badTimestamp: {
    code: 'timestamp_invalid',
    vi: 'Dấu thời gian của chữ ký không hợp lệ',
    en: 'The signature timestamp is invalid',
  },
  untrustedTimestamp: {
    code: 'timestamp_untrusted',
    vi: 'Dấu thời gian do đơn vị cấp dấu thời gian không được tin cậy cấp',
    en: 'The timestamp comes from an untrusted time-stamping authority',
  },
  someInvalid: {
    code: 'signature_invalid',
    vi: 'Có chữ ký không hợp lệ',
    en: 'At least one signature is invalid',
  },
  someIndeterminate: {
    code: 'signature_indeterminate',
    vi: 'Có chữ ký chưa xác định được tính hợp lệ',
    en: 'At least one signature could not be confirmed',
  },
} as const satisfies Record<string, Reason>;

export const VALIDATION_REASONS = R;

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** ISO 8601 in Vietnam time: 2026-03-05T14:32:10+07:00. */
export function isoVietnam(date: Date): string {
  const t = new Date(date.getTime() + 7 * 3600 * 1000);
  return `${t.toISOString().slice(0, 19)}+07:00`;
}

/** D:YYYYMMDDHHmmSSOHH'mm' → Date (missing parts default as ISO 32000 says). */
export function parsePdfDate(text: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?|[+-]\d{2})?/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz = 'Z'] = m;
  const offset = tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${(tz.slice(3).replaceAll("'", '') || '00').padEnd(2, '0')}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

interface RawSignature {
  fieldName: string | null;
  byteRange: number[];
  contents: Uint8Array;
  m: string | null;
  subFilter: string | null;
}

const textOf = (v: unknown): string | null =>
  v instanceof PDFHexString || v instanceof PDFString ? v.decodeText().normalize('NFC') : null;

async function findSignatures(pdf: Uint8Array): Promise<RawSignature[]> {
  const doc = await PDFDocument.load(pdf, {
    updateMetadata: false,
    ignoreEncryption: true,
    throwOnInvalidObject: false,
  });
  const names = new Map<string, string>();
  const found: RawSignature[] = [];
  const objects = doc.context.enumerateIndirectObjects();
  for (const [, obj] of objects) {
    if (!(obj instanceof PDFDict)) continue;
    const v = obj.get(PDFName.of('V'));
    const t = textOf(obj.get(PDFName.of('T')));
    if (v instanceof PDFRef && t !== null) names.set(v.toString(), t);
  }
  const consider = (dict: PDFDict, key: string | null) => {
    const range = dict.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const contents = dict.get(PDFName.of('Contents'));
    if (!range || !(contents instanceof PDFHexString || contents instanceof PDFString)) return;
    const byteRange = range.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN));
    const m = dict.get(PDFName.of('M'));
    const sub = dict.get(PDFName.of('SubFilter'));
    found.push({
      fieldName: key ? (names.get(key) ?? null) : null,
      byteRange,
      contents: contents.asBytes(),
      m: m instanceof PDFString || m instanceof PDFHexString ? m.decodeText() : null,
      subFilter: sub instanceof PDFName ? sub.decodeText() : null,
    });
  };
  for (const [ref, obj] of objects) {
    if (!(obj instanceof PDFDict)) continue;
    consider(obj, ref.toString());
    // A signature dictionary written inline in its field (/V << … >>).
    const v = obj.get(PDFName.of('V'));
    if (v instanceof PDFDict) {
      const before = found.length;
      consider(v, null);
      if (found.length > before) found[found.length - 1]!.fieldName = textOf(obj.get(PDFName.of('T')));
    }
  }
  return found.sort(
    (a, b) => (a.byteRange[2] ?? 0) + (a.byteRange[3] ?? 0) - ((b.byteRange[2] ?? 0) + (b.byteRange[3] ?? 0)),
  );
}

function digest(algorithm: string, data: Uint8Array): Buffer {
  return createHash(algorithm).update(data).digest();
}

interface ChainResult {
  trusted: boolean;
  anchor: string | null;
  validAt: boolean;
}

/** Builds a chain signer → … → anchor through the CMS certificates and the anchors; checks validity at `at`. */
function checkChain(
  signer: X509Certificate,
  pool: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  at: Date | undefined,
): ChainResult {
  const validAt = (c: X509Certificate) =>
    at === undefined || (new Date(c.validFrom) <= at && at <= new Date(c.validTo));
  let current = signer;
  let allValid = validAt(signer);
  const anchorPrints = new Set(anchors.map((a) => a.fingerprint256));
  for (let depth = 0; depth < 10; depth++) {
    if (anchorPrints.has(current.fingerprint256)) return { trusted: true, anchor: current.subject, validAt: allValid };
    const issued = (c: X509Certificate) =>
      c.fingerprint256 !== current.fingerprint256 && c.ca && current.checkIssued(c) && current.verify(c.publicKey);
    const anchor = anchors.find(issued);
    if (anchor) return { trusted: true, anchor: anchor.subject, validAt: allValid && validAt(anchor) };
    const next = pool.find(issued);
    if (!next) break;
    current = next;
    allValid = allValid && validAt(current);
  }
  return { trusted: false, anchor: null, validAt: allValid };
}

function sameBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a as ArrayBuffer), Buffer.from(b as ArrayBuffer)) === 0;
}

/** Verifies a SignerInfo over `content` with the signer's certificate; returns the failure, if any. */
function verifySignerInfo(info: pkijs.SignerInfo, content: Uint8Array, cert: X509Certificate): Reason | undefined {
  const hash = HASHES[info.digestAlgorithm.algorithmId];
  if (!hash) return R.unsupportedAlgorithm;
  let signedBytes: Uint8Array = content;
  if (info.signedAttrs) {
    const md = info.signedAttrs.attributes.find((a) => a.type === OID.messageDigest);
    const mdValue = md?.values[0] as asn1js.OctetString | undefined;
    if (!mdValue || !sameBytes(mdValue.valueBlock.valueHexView, digest(hash, content))) return R.digestMismatch;
    signedBytes = new Uint8Array(info.signedAttrs.encodedValue);
  }
  const sigAlg = info.signatureAlgorithm.algorithmId;
  if (sigAlg === '1.2.840.113549.1.1.10') return R.unsupportedAlgorithm; // RSASSA-PSS
  const signature = new Uint8Array(info.signature.valueBlock.valueHexView);
  let ok: boolean;
  try {
    ok = cryptoVerify(hash, signedBytes, cert.publicKey, signature);
  } catch {
    return R.unsupportedAlgorithm;
  }
  return ok ? undefined : R.signatureMismatch;
}

function findCertificate(
  certs: readonly pkijs.Certificate[],
  sid: pkijs.SignerInfo['sid'],
): pkijs.Certificate | undefined {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find(
      (c) =>
        c.serialNumber.isEqual(sid.serialNumber) &&
        sameBytes(c.issuer.toSchema().toBER(false), sid.issuer.toSchema().toBER(false)),
    );
  }
  // SubjectKeyIdentifier [0]
  const ski = new Uint8Array((sid as asn1js.Constructed).valueBeforeDecodeView).subarray(2);
  return certs.find((c) => {
    const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
    const value = ext?.parsedValue as asn1js.OctetString | undefined;
    return value !== undefined && sameBytes(value.valueBlock.valueHexView, ski);
  });
}

/**
 * Validates every signature of `pdf` against the trust anchors (DER root certificates).
 * `now` is the validation time (for the report only).
 */
export async function validatePdfSignatures(
  pdf: Uint8Array,
  trustAnchors: readonly Uint8Array[],
  now: Date = new Date(),
): Promise<ValidationReport> {
  const base = {
    sizeBytes: pdf.length,
    sha256: digest('sha256', pdf).toString('hex'),
    validatedAt: isoVietnam(now),
  };
  let raws: RawSignature[];
  try {
    raws = await findSignatures(pdf);
  } catch {
    return { ...base, verdict: 'invalid', reasons: [R.notPdf], signatures: [] };
  }
  if (raws.length === 0) return { ...base, verdict: 'indeterminate', reasons: [R.noSignatures], signatures: [] };

  const anchors = trustAnchors.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  const signedEnds = raws.map((r) => (r.byteRange[2] ?? 0) + (r.byteRange[3] ?? 0));
  const isTail = (from: number) => /^[\s\0]*$/.test(Buffer.from(pdf.subarray(from)).toString('latin1'));

  const signatures = raws.map((raw, i): SignatureReport => {
    const reasons: Reason[] = [];
    const [a, b, c, d] = raw.byteRange;
    const end = signedEnds[i]!;
    const rangeOk =
      raw.byteRange.length === 4 &&
      a === 0 &&
      b !== undefined &&
      c !== undefined &&
      d !== undefined &&
      b > 0 &&
      c > b &&
      d >= 0 &&
      end <= pdf.length &&
      pdf[b] === 0x3c &&
      pdf[c - 1] === 0x3e;
    const coversWholeDocument = rangeOk && (end === pdf.length || isTail(end));
    let laterChanges: SignatureReport['laterChanges'] = 'none';
    if (!coversWholeDocument) {
      const later = signedEnds.filter((e, j) => j > i && e > end);
      const lastLater = Math.max(...later, 0);
      // Changes made by later revisions are accepted when a later signature covers the rest of the file
      // (its signer signed them); anything appended after the last signature is unsigned.
      const onlySignatures = later.length > 0 && (lastLater === pdf.length || isTail(lastLater));
      laterChanges = onlySignatures ? 'signatures_only' : 'unsigned_changes';
    }

    const empty = {
      index: i + 1,
      fieldName: raw.fieldName,
      signerName: null,
      organization: null,
      subject: null,
      issuer: null,
      serialNumber: null,
      signingTime: null,
      signingTimeSource: null,
      subFilter: raw.subFilter,
      timestamped: false,
      intact: false,
      coversWholeDocument,
      laterChanges,
      trusted: false,
      trustAnchor: null,
      certificateValidAtSigningTime: false,
      revocationChecked: false as const,
    };
    if (!rangeOk) return { ...empty, verdict: 'invalid', reasons: [R.badByteRange] };

    let signedData: pkijs.SignedData;
    let cmsBytes: Uint8Array;
    try {
      const parsed = asn1js.fromBER(raw.contents);
      if (parsed.offset <= 0) throw new Error('no CMS');
      cmsBytes = raw.contents.subarray(0, parsed.offset);
      const ci = pkijs.ContentInfo.fromBER(cmsBytes);
      signedData = new pkijs.SignedData({ schema: ci.content });
    } catch {
      return { ...empty, verdict: 'invalid', reasons: [R.badCms] };
    }
    const signerInfo = signedData.signerInfos[0];
    const certs = (signedData.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
    const certificate = signerInfo ? findCertificate(certs, signerInfo.sid) : undefined;
    if (!signerInfo || !certificate) return { ...empty, verdict: 'invalid', reasons: [R.noSignerCert] };
    const certDer = new Uint8Array(certificate.toSchema().toBER(false));
    const x509 = new X509Certificate(certDer);
    const content = Buffer.concat([pdf.subarray(a!, a! + b!), pdf.subarray(c!, c! + d!)]);
    const failure = verifySignerInfo(signerInfo, content, x509);
    const intact = failure === undefined;
    if (failure) reasons.push(failure);

    // Signing time: the timestamp's (trusted) time, else /M, else the CMS signingTime attribute.
    let signingTime: Date | undefined;
    let signingTimeSource: SignatureReport['signingTimeSource'] = null;
    let timestamped = false;
    const tsAttr = signerInfo.unsignedAttrs?.attributes.find((x) => x.type === OID.signatureTimeStampToken);
    if (tsAttr) {
      timestamped = true;
      try {
        const token = new Uint8Array((tsAttr.values[0] as asn1js.BaseBlock).toBER(false));
        const info = readTimestampToken(token);
        const hash = HASHES[info.imprintAlgorithm];
        const tsaInfo = info.signedData.signerInfos[0];
        const tsaCerts = (info.signedData.certificates ?? []).filter(
          (x): x is pkijs.Certificate => x instanceof pkijs.Certificate,
        );
        const tsaCert = tsaInfo ? findCertificate(tsaCerts, tsaInfo.sid) : undefined;
        const imprintOk =
          hash !== undefined &&
          sameBytes(info.imprint, digest(hash, new Uint8Array(signerInfo.signature.valueBlock.valueHexView)));
        const tokenOk =
          tsaInfo !== undefined &&
          tsaCert !== undefined &&
          verifySignerInfo(
            tsaInfo,
            info.content,
            new X509Certificate(new Uint8Array(tsaCert.toSchema().toBER(false))),
          ) === undefined;
        const tsaTrusted =
          tsaCert !== undefined &&
          checkChain(
            new X509Certificate(new Uint8Array(tsaCert.toSchema().toBER(false))),
            tsaCerts.map((x) => new X509Certificate(new Uint8Array(x.toSchema().toBER(false)))),
            anchors,
            info.genTime,
          ).trusted;
        if (imprintOk && tokenOk && !tsaTrusted) reasons.push(R.untrustedTimestamp);
        else if (imprintOk && tokenOk) {
          signingTime = info.genTime;
          signingTimeSource = 'timestamp';
        } else reasons.push(R.badTimestamp);
      } catch {
        reasons.push(R.badTimestamp);
      }
    }
    if (!signingTime && raw.m) {
      signingTime = parsePdfDate(raw.m);
      if (signingTime) signingTimeSource = 'pdf';
    }
    if (!signingTime) {
      const st = signerInfo.signedAttrs?.attributes.find((x) => x.type === OID.signingTime);
      const v = st?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
      if (v) {
        signingTime = v.toDate();
        signingTimeSource = 'cms';
      }
    }
    if (!signingTime) reasons.push(R.noSigningTime);

    const pool = certs.map((x) => new X509Certificate(new Uint8Array(x.toSchema().toBER(false))));
    const chain = checkChain(x509, pool, anchors, signingTime);
    if (!chain.trusted) reasons.push(R.untrusted);
    const certificateValidAtSigningTime = signingTime !== undefined && chain.validAt;
    if (signingTime && !chain.validAt) reasons.push(R.certExpired);
    if (laterChanges === 'unsigned_changes') reasons.push(R.unsignedChanges);

    const invalid = !intact || (signingTime !== undefined && !chain.validAt);
    const verdict: Verdict = invalid ? 'invalid' : reasons.length > 0 ? 'indeterminate' : 'valid';
    return {
      ...empty,
      signerName: nameAttribute(certificate.subject, OID.commonName) ?? null,
      organization: nameAttribute(certificate.subject, OID.organization) ?? null,
      subject: x509.subject.replaceAll('\n', ', '),
      issuer: x509.issuer.replaceAll('\n', ', '),
      serialNumber: x509.serialNumber.toLowerCase(),
      signingTime: signingTime ? isoVietnam(signingTime) : null,
      signingTimeSource,
      timestamped,
      intact,
      trusted: chain.trusted,
      trustAnchor: chain.anchor?.replaceAll('\n', ', ') ?? null,
      certificateValidAtSigningTime,
      verdict,
      reasons,
    };
  });

  const verdict: Verdict = signatures.some((s) => s.verdict === 'invalid')
    ? 'invalid'
    : signatures.some((s) => s.verdict === 'indeterminate')
      ? 'indeterminate'
      : 'valid';
  const reasons = verdict === 'invalid' ? [R.someInvalid] : verdict === 'indeterminate' ? [R.someIndeterminate] : [];
  return { ...base, verdict, reasons, signatures };
}
