/**
 * Signing and validation (issue 5, measured for issue 7), in-process: there is no signing route to drive
 * yet, so the bench calls the signatures module's pure functions the way its service does, on a realistic
 * two-page official PDF (the outgoing renderer and its Công văn fixture, with a longer body):
 *
 * - sign: the leader's signature (the signer block found on the last page, the handwritten image there),
 *   then the organisation's (the seal over the left third of it, with the name and the time), each an
 *   incremental update with a PAdES B-B CMS (RSA-2048, SHA-256), the key opened from a PKCS#12 once;
 * - validate: `validatePdfSignatures` of the twice-signed PDF against the trust anchor (both signatures
 *   intact, trusted, valid at their time).
 *
 * The ceiling of each, in the same run and on the same bytes and keys, is its crypto floor through
 * node:crypto: for a signature, SHA-256 of the bytes it covers and one RSA private-key operation; for a
 * validation, SHA-256 of the file and of each signature's byte range, one RSA verification per signature and
 * one certificate verification per chain link. The ratio says how far the PDF and CMS handling (pdf-lib
 * parsing and serialising, images and subset fonts, ASN.1) is from the cryptography itself.
 *
 * Everything runs one after another on the main thread (RSA signing in node:crypto is synchronous there),
 * so the figures are per core.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as cryptoSign,
  verify as cryptoVerify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { renderOfficialPdf } from '../../server/src/modules/documents/outgoing/render/index.ts';
import { OFFICIAL_LETTER } from '../../server/src/modules/documents/outgoing/render/render.fixtures.ts';
import {
  defaultSignerPlacement,
  organizationSealAppearance,
  signerImageAppearance,
} from '../../server/src/modules/signatures/appearance/appearance.ts';
import { demoSealPng, demoSignaturePng } from '../../server/src/modules/signatures/appearance/png.ts';
import {
  buildPkcs12,
  issueCertificate,
  openPkcs12,
  readPkcs12,
  type IssuedCertificate,
} from '../../server/src/modules/signatures/keys/certificates.ts';
import { localSigningKey, rsaSignDigest } from '../../server/src/modules/signatures/keys/local-key.ts';
import { signPdf, type SigningKey } from '../../server/src/modules/signatures/index.ts';
import { validatePdfSignatures } from '../../server/src/modules/signatures/pades/validate.ts';
import { summarize, type Stats } from './load.ts';

const ORGANIZATION = 'Bộ Giáo dục và Đào tạo';
const SIGNER = OFFICIAL_LETTER.signature.name;
const PIN = '123456';
const KEY_BITS = 2048;

/** What `measureSigning` found; run.ts turns it into rows. */
export interface SigningMeasurements {
  readonly pdf: { readonly pages: number; readonly bytes: number; readonly signedBytes: number };
  readonly keyBits: number;
  /** Documents signed twice (person, then organisation) in the timed loop. */
  readonly documents: number;
  /** Per signature (both kinds), and per kind; throughput in signatures/s. */
  readonly sign: Stats;
  readonly signPerson: Stats;
  readonly signOrganization: Stats;
  /** The crypto floor of the same signatures: SHA-256 of the covered bytes + one RSA operation each. */
  readonly signFloor: Stats;
  /** Per validation of the twice-signed PDF; throughput in validations/s. */
  readonly validate: Stats;
  readonly validateFloor: Stats;
  /** Not in the figures: rendering the PDF once, opening a PKCS#12 with its PIN (the service does it per signature). */
  readonly renderMs: number;
  readonly pkcs12OpenMs: number;
}

/** A realistic two-page Công văn of the Ministry: the fixture, with a body of numbered guidance items. */
export function benchLetterBody(items: number): string {
  const topics = [
    'rà soát kế hoạch giáo dục của nhà trường, bảo đảm thực hiện đầy đủ nội dung Chương trình giáo dục phổ thông 2018',
    'bố trí đủ giáo viên các môn học mới, ưu tiên bồi dưỡng đội ngũ ở vùng khó khăn, biên giới, hải đảo',
    'tổ chức kiểm tra, đánh giá học sinh theo hướng phát triển phẩm chất, năng lực, hạn chế dạy thêm, học thêm',
    'đẩy mạnh chuyển đổi số trong quản lý, dạy học và thi cử; hoàn thiện cơ sở dữ liệu ngành trước ngày 30 tháng 9',
    'bảo đảm an toàn trường học, phòng, chống đuối nước và bạo lực học đường; tăng cường giáo dục kỹ năng sống',
    'tổng hợp khó khăn, vướng mắc và đề xuất giải pháp, báo cáo về Bộ (qua Vụ Giáo dục Phổ thông) theo định kỳ',
  ];
  const guidance = Array.from(
    { length: items },
    (_, i) =>
      `${i + 1}. Các sở giáo dục và đào tạo chỉ đạo các cơ sở giáo dục trên địa bàn ${topics[i % topics.length]}.`,
  );
  const [opening, , , closing] = OFFICIAL_LETTER.body.split('\n\n');
  return [opening, ...guidance, closing].join('\n\n');
}

/** The byte ranges of every signature of a PDF (what each one covers), read from its /ByteRange. */
function signedContents(pdf: Uint8Array): Buffer[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => {
    const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
    return Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  });
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

/** Calls `round` until `seconds` have passed and at least `minRounds` were made; returns the seconds taken. */
async function loop(seconds: number, minRounds: number, round: () => Promise<void> | void): Promise<number> {
  const began = performance.now();
  for (let n = 0; n < minRounds || performance.now() - began < seconds * 1000; n++) await round();
  return (performance.now() - began) / 1000;
}

function timed<T>(fn: () => T, into: number[]): T {
  const t = performance.now();
  const value = fn();
  into.push(performance.now() - t);
  return value;
}

export async function measureSigning(options: {
  /** Seconds of the signing loop; the validation loop and the floors take less. */
  readonly seconds: number;
  readonly log?: (line: string) => void;
  /** Where to write the twice-signed PDF the figures were measured on (to look at it), if anywhere. */
  readonly samplePath?: string;
}): Promise<SigningMeasurements> {
  const { seconds } = options;
  // A throwaway PKI made in this run: a root CA (the trust anchor), the leader's and the organisation's certificates.
  const root = issueCertificate({
    subject: { commonName: 'EduGov BENCH Root CA — không dùng thật', organization: ORGANIZATION },
    profile: 'root-ca',
    keyBits: KEY_BITS,
  });
  const person = issueCertificate({
    subject: { commonName: SIGNER, organization: ORGANIZATION, organizationalUnit: 'Lãnh đạo Bộ' },
    profile: 'signing',
    issuer: root,
    keyBits: KEY_BITS,
  });
  const organization = issueCertificate({
    subject: { commonName: ORGANIZATION, organization: ORGANIZATION },
    profile: 'signing',
    issuer: root,
    keyBits: KEY_BITS,
  });
  // The keys come out of PKCS#12 containers, as the service's do (it opens one per signature, with the PIN).
  const open = (cert: IssuedCertificate): SigningKey => {
    const read = readPkcs12(buildPkcs12(cert, [root], PIN), PIN);
    return localSigningKey(read.keyPem, read.certificate, read.chain);
  };
  const personKey = open(person);
  const organizationKey = open(organization);
  const pkcs12OpenTimes: number[] = [];
  const p12 = buildPkcs12(person, [root], PIN);
  for (let i = 0; i < 5; i++) timed(() => openPkcs12(p12, PIN), pkcs12OpenTimes); // as openSigningKey does
  const signaturePng = demoSignaturePng(7);
  const sealPng = demoSealPng();

  // The document: the Công văn fixture with a longer body, two pages (rendered once, not timed in the figure).
  const renderTimes: number[] = [];
  const input = { ...OFFICIAL_LETTER, body: benchLetterBody(10) };
  await renderOfficialPdf(input); // warm-up: fonts read and parsed
  const unsigned = await (async () => {
    const t = performance.now();
    const pdf = await renderOfficialPdf(input);
    renderTimes.push(performance.now() - t);
    return pdf;
  })();
  const pages = (await PDFDocument.load(unsigned, { updateMetadata: false })).getPageCount();

  /** Both signatures, as signAsPerson then signAsOrganization make them (placement found on the page). */
  const signTwice = async (personTimes?: number[], organizationTimes?: number[]) => {
    let t = performance.now();
    const personTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    const placement = await defaultSignerPlacement(unsigned);
    const once = await signPdf(unsigned, {
      key: personKey,
      signingTime: personTime,
      signerName: SIGNER,
      reason: 'Ký ban hành văn bản',
      appearance: signerImageAppearance(signaturePng, placement),
    });
    personTimes?.push(performance.now() - t);
    t = performance.now();
    const organizationTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    const twice = await signPdf(once, {
      key: organizationKey,
      signingTime: organizationTime,
      signerName: ORGANIZATION,
      reason: 'Ký số của cơ quan, tổ chức',
      appearance: organizationSealAppearance({
        sealPng,
        organizationName: ORGANIZATION,
        signingTime: organizationTime,
        signer: placement,
      }),
    });
    organizationTimes?.push(performance.now() - t);
    return { once, twice };
  };

  // Warm-up, and the check that what is measured is right: two valid, trusted signatures by the right people.
  const sample = await signTwice();
  const check = await validatePdfSignatures(sample.twice, [root.der]);
  const who = check.signatures.map((s) => s.signerName);
  if (
    check.verdict !== 'valid' ||
    who.length !== 2 ||
    who[0] !== SIGNER ||
    who[1] !== ORGANIZATION ||
    !check.signatures.every((s) => s.intact && s.trusted)
  ) {
    throw new Error(`the signed PDF does not validate: ${JSON.stringify(check).slice(0, 600)}`);
  }
  if (options.samplePath) fs.writeFileSync(options.samplePath, sample.twice);

  options.log?.(`sign: ${pages} pages, ${Math.round(unsigned.length / 1024)} KB; signing for ${seconds} s …`);
  const personTimes: number[] = [];
  const organizationTimes: number[] = [];
  let documents = 0;
  const signSeconds = await loop(seconds, 3, async () => {
    await signTwice(personTimes, organizationTimes);
    documents++;
  });

  // Crypto floor of the same two signatures: SHA-256 of exactly the bytes each one covers, one RSA operation.
  const [personContent, organizationContent] = signedContents(sample.twice) as [Buffer, Buffer];
  const personPrivate = createPrivateKey(person.keyPem);
  const organizationPrivate = createPrivateKey(organization.keyPem);
  const floorTimes: number[] = [];
  const floorSeconds = Math.min(seconds, 3);
  const signFloorSeconds = await loop(floorSeconds, 3, () => {
    timed(() => rsaSignDigest(personPrivate, sha256(personContent)), floorTimes);
    timed(() => rsaSignDigest(organizationPrivate, sha256(organizationContent)), floorTimes);
  });

  // Validation of the twice-signed PDF.
  options.log?.(`sign: validating for ${Math.max(2, seconds / 2)} s …`);
  const validateTimes: number[] = [];
  const anchors = [root.der];
  const validateSeconds = await loop(Math.max(2, seconds / 2), 3, async () => {
    const t = performance.now();
    const report = await validatePdfSignatures(sample.twice, anchors);
    validateTimes.push(performance.now() - t);
    if (report.verdict !== 'valid') throw new Error(`validation changed its mind: ${report.verdict}`);
  });

  // Its crypto floor: SHA-256 of the file and of each covered range, one RSA verification per signature (of
  // a signed-attributes-sized message) and the certificate's verification with the root's key.
  const attributes = Buffer.alloc(160, 0x31);
  const checks: { content: Buffer; publicKey: KeyObject; signature: Buffer; certificate: X509Certificate }[] = [
    { content: personContent, cert: person, key: personPrivate },
    { content: organizationContent, cert: organization, key: organizationPrivate },
  ].map(({ content, cert, key }) => ({
    content,
    publicKey: createPublicKey(key),
    signature: cryptoSign('sha256', attributes, key),
    certificate: new X509Certificate(cert.der),
  }));
  const rootKey = new X509Certificate(root.der).publicKey;
  const validateFloorTimes: number[] = [];
  const validateFloorSeconds = await loop(floorSeconds, 3, () => {
    timed(() => {
      sha256(sample.twice);
      for (const c of checks) {
        sha256(c.content);
        if (!cryptoVerify('sha256', attributes, c.publicKey, c.signature)) throw new Error('floor: RSA verify');
        if (!c.certificate.verify(rootKey)) throw new Error('floor: certificate verify');
      }
    }, validateFloorTimes);
  });

  const median = (values: number[]) => summarize(values, 1, 0).p50;
  return {
    pdf: { pages, bytes: unsigned.length, signedBytes: sample.twice.length },
    keyBits: KEY_BITS,
    documents,
    sign: summarize([...personTimes, ...organizationTimes], signSeconds, 0),
    signPerson: summarize(personTimes, signSeconds, 0),
    signOrganization: summarize(organizationTimes, signSeconds, 0),
    signFloor: summarize(floorTimes, signFloorSeconds, 0),
    validate: summarize(validateTimes, validateSeconds, 0),
    validateFloor: summarize(validateFloorTimes, validateFloorSeconds, 0),
    renderMs: median(renderTimes),
    pkcs12OpenMs: median(pkcs12OpenTimes),
  };
}
