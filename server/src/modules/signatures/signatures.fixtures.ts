/**
 * Test support for signatures: a test PKI with Vietnamese names, the independent validators (poppler's
 * pdfsig with an NSS database trusting the test root, `openssl cms -verify`), and a local RFC 3161 TSA
 * (`openssl ts -reply` behind a tiny HTTP handler). Without the tools the tests report themselves skipped
 * with the reason — under CI=true that is a failure.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { issueCertificate, type IssuedCertificate } from './keys/certificates.ts';
import { localSigningKey } from './keys/local-key.ts';
import type { SigningKey } from './pades/cms.ts';

const run = promisify(execFile);

export const TOOLS = {
  pdfsig: process.env.PDFSIG_PATH ?? '/usr/bin/pdfsig',
  certutil: process.env.CERTUTIL_PATH ?? '/usr/bin/certutil',
  openssl: process.env.OPENSSL_PATH ?? '/usr/bin/openssl',
};

/** Why the external validators cannot run here, or undefined. Throws under CI=true. */
export function toolsMissing(names: readonly (keyof typeof TOOLS)[]): string | undefined {
  const absent = names.find((n) => !fs.existsSync(TOOLS[n]));
  if (!absent) return undefined;
  const pkg = { pdfsig: 'poppler-utils', certutil: 'libnss3-tools', openssl: 'openssl' }[absent];
  const reason = `${absent} not found at ${TOOLS[absent]} (install Debian's ${pkg} package)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; under CI=true this is a failure, not a skip`);
  return reason;
}

export interface TestPki {
  readonly root: IssuedCertificate;
  readonly signer: IssuedCertificate;
  readonly coSigner: IssuedCertificate;
  readonly organization: IssuedCertificate;
  key(cert: IssuedCertificate): SigningKey;
}

/** A root CA and three signing certificates, all with Vietnamese UTF-8 names (issuer too). */
export function makeTestPki(): TestPki {
  // Valid from 2025 so that signing times in 2026 fall inside every certificate's validity.
  const notBefore = new Date('2025-01-01T00:00:00Z');
  const root = issueCertificate({
    notBefore,
    subject: {
      commonName: 'Cơ quan chứng thực thử nghiệm — Bộ Giáo dục và Đào tạo',
      organization: 'Bộ Giáo dục và Đào tạo',
    },
    profile: 'root-ca',
  });
  const org = 'Sở Giáo dục và Đào tạo Hà Nội';
  const signer = issueCertificate({
    subject: { commonName: 'Nguyễn Văn Ấn', organization: org, organizationalUnit: 'Ban Giám đốc' },
    profile: 'signing',
    issuer: root,
    notBefore,
  });
  const coSigner = issueCertificate({
    subject: { commonName: 'Trần Thị Hương Giang', organization: org },
    profile: 'signing',
    issuer: root,
    notBefore,
  });
  const organization = issueCertificate({
    subject: { commonName: org, organization: org },
    profile: 'signing',
    issuer: root,
    notBefore,
  });
  return {
    root,
    signer,
    coSigner,
    organization,
    key: (cert) => localSigningKey(cert.keyPem, cert.der, [root.der]),
  };
}

export async function samplePdf(text = 'Công văn thử nghiệm', options: { objectStreams?: boolean } = {}) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  page.drawText(
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd'),
    { x: 72, y: 760, size: 14, font },
  );
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

export async function tempDir(): Promise<string> {
  return fs.promises.mkdtemp(path.join(os.tmpdir(), 'edugov-sig-'));
}

/** An NSS database trusting `root` for pdfsig. */
export async function nssDbTrusting(dir: string, roots: readonly IssuedCertificate[]): Promise<string> {
  const db = path.join(dir, 'nssdb');
  await fs.promises.mkdir(db);
  await run(TOOLS.certutil, ['-N', '-d', `sql:${db}`, '--empty-password']);
  for (const [i, root] of roots.entries()) {
    const pem = path.join(dir, `root${i}.pem`);
    await fs.promises.writeFile(pem, root.certPem);
    await run(TOOLS.certutil, ['-A', '-d', `sql:${db}`, '-n', `root${i}`, '-t', 'CT,C,C', '-i', pem]);
  }
  return `sql:${db}`;
}

export interface PdfsigSignature {
  readonly signerName: string;
  readonly signatureValidation: string;
  readonly certificateValidation: string;
  readonly totalDocumentSigned: boolean;
}

/** pdfsig's report, one entry per signature. */
export async function pdfsig(nssdir: string, pdf: Uint8Array, dir: string): Promise<PdfsigSignature[]> {
  const file = path.join(dir, `check-${Date.now()}-${Math.random().toString(16).slice(2)}.pdf`);
  await fs.promises.writeFile(file, pdf);
  // pdfsig exits non-zero when a signature is invalid; its report is still on stdout.
  const { stdout } = await run(TOOLS.pdfsig, ['-nssdir', nssdir, file]).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? '',
  }));
  return stdout
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      signerName: /Signer Certificate Common Name: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
      signatureValidation: /Signature Validation: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
      certificateValidation: /Certificate Validation: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
      totalDocumentSigned: /Total document signed/.test(block),
    }));
}

/** The signed bytes and the CMS of the n-th signature (by /ByteRange order in the file). */
export function extractSignature(pdf: Uint8Array, n: number): { content: Buffer; cms: Buffer } {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) =>
    m.slice(1, 5).map(Number),
  );
  ranges.sort((x, y) => x[2]! + x[3]! - (y[2]! + y[3]!));
  const [a, b, c, d] = ranges[n]!;
  const padded = Buffer.from(text.slice(b! + 1, c! - 1), 'hex');
  return {
    content: Buffer.concat([Buffer.from(pdf.subarray(a!, a! + b!)), Buffer.from(pdf.subarray(c!, c! + d!))]),
    // The hex string is zero-padded: the CMS ends where its outer DER element ends.
    cms: padded.subarray(0, asn1js.fromBER(padded).offset),
  };
}

/** `openssl cms -verify` of a detached signature against `root`; resolves with its stderr/stdout text. */
export async function opensslCmsVerify(
  content: Uint8Array,
  cms: Uint8Array,
  root: IssuedCertificate,
  dir: string,
): Promise<{ ok: boolean; output: string }> {
  const id = Math.random().toString(16).slice(2);
  const [data, sig, ca] = ['data', 'sig.der', 'ca.pem'].map((f) => path.join(dir, `${id}-${f}`)) as [
    string,
    string,
    string,
  ];
  await fs.promises.writeFile(data, content);
  await fs.promises.writeFile(sig, cms);
  await fs.promises.writeFile(ca, root.certPem);
  try {
    const { stdout, stderr } = await run(TOOLS.openssl, [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sig,
      '-content',
      data,
      '-CAfile',
      ca,
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** `openssl cms -sign` (another tool's signature) of `content`: detached DER with openssl's own attributes. */
export async function opensslCmsSign(content: Uint8Array, cert: IssuedCertificate, dir: string): Promise<Uint8Array> {
  const id = Math.random().toString(16).slice(2);
  const [data, key, crt, out] = ['data', 'key.pem', 'cert.pem', 'out.der'].map((f) => path.join(dir, `${id}-${f}`)) as [
    string,
    string,
    string,
    string,
  ];
  await fs.promises.writeFile(data, content);
  await fs.promises.writeFile(key, cert.keyPem);
  await fs.promises.writeFile(crt, cert.certPem);
  await run(TOOLS.openssl, [
    'cms',
    '-sign',
    '-binary',
    '-md',
    'sha256',
    '-nosmimecap',
    '-outform',
    'DER',
    '-in',
    data,
    '-signer',
    crt,
    '-inkey',
    key,
    '-out',
    out,
  ]);
  return new Uint8Array(await fs.promises.readFile(out));
}

export interface LocalTsa {
  readonly url: string;
  readonly cert: IssuedCertificate;
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * A time-stamping authority on 127.0.0.1: each POSTed TimeStampReq is answered by `openssl ts -reply` with a
 * TSA certificate (extendedKeyUsage timeStamping, critical) issued by `root`.
 */
export async function startLocalTsa(root: IssuedCertificate, dir: string): Promise<LocalTsa> {
  const cert = issueCertificate({
    subject: { commonName: 'Máy chủ cấp dấu thời gian thử nghiệm', organization: 'Bộ Giáo dục và Đào tạo' },
    profile: 'timestamping',
    issuer: root,
  });
  const files = {
    cert: path.join(dir, 'tsa.pem'),
    key: path.join(dir, 'tsa.key'),
    chain: path.join(dir, 'tsa-chain.pem'),
    config: path.join(dir, 'tsa.cnf'),
    serial: path.join(dir, 'tsaserial'),
  };
  await fs.promises.writeFile(files.cert, cert.certPem);
  await fs.promises.writeFile(files.key, cert.keyPem);
  await fs.promises.writeFile(files.chain, root.certPem);
  await fs.promises.writeFile(files.serial, '01\n');
  await fs.promises.writeFile(
    files.config,
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `serial = ${files.serial}`,
      'crypto_device = builtin',
      `signer_cert = ${files.cert}`,
      `certs = ${files.chain}`,
      `signer_key = ${files.key}`,
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = no',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  let count = 0;
  let queue = Promise.resolve();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // One openssl at a time: it increments the serial file.
      queue = queue.then(async () => {
        count++;
        const id = `${count}`;
        const query = path.join(dir, `q${id}.tsq`);
        const reply = path.join(dir, `r${id}.tsr`);
        try {
          if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
            res.writeHead(400).end();
            return;
          }
          await fs.promises.writeFile(query, Buffer.concat(chunks));
          await run(TOOLS.openssl, ['ts', '-reply', '-config', files.config, '-queryfile', query, '-out', reply]);
          res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(await fs.promises.readFile(reply));
        } catch {
          res.writeHead(500).end();
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    cert,
    get requests() {
      return count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
