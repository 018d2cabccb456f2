/**
 * The signatures module on a real database: the demo PKI made at first start, a leader's signature and the
 * organisation's signature with their images, wrapped PKCS#12 unlocked only by the PIN, remote signing
 * through a local CSC API v2 server, the trust list, and validating stored files through the API (the report
 * is stored). Independent check: pdfsig trusts what EduGov signed when the demo root is in its NSS database.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { createTestApp, type Client, type TestApp } from '../../test/test-app.ts';
import { buildPkcs12 } from './keys/certificates.ts';
import { rsaSignDigest } from './keys/local-key.ts';
import { createPrivateKey } from 'node:crypto';
import { encodePng } from './appearance/png.ts';
import { signPdf } from './pades/pdf-sign.ts';
import {
  DEMO_SIGNING_PIN,
  ensureDemoSigningMaterial,
  openSigningKey,
  PIN_ATTEMPTS,
  PIN_LOCK_MS,
  signAsOrganization,
  signAsPerson,
  validatePdf,
} from './signatures.service.ts';
import { makeTestPki, nssDbTrusting, pdfsig, samplePdf, toolsMissing } from './signatures.fixtures.ts';

const missing = toolsMissing(['pdfsig', 'certutil']);

let t: TestApp;
let dataDir: string;
let clerk: Client; // bgd.vanthu
let leader: Client; // bgd.lanhdao
let admin: Client; // admin (system administrator)
let specialist: Client; // bgd.chuyenvien

const audit = (userId: string | null): AuditContext => ({
  actorUserId: userId,
  actorName: 'test',
  organizationId: null,
  requestId: null,
});

async function send(c: Client, method: 'PUT' | 'DELETE', url: string, body?: unknown) {
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { statusCode: res.statusCode, json: () => res.json() };
}

async function userId(username: string): Promise<string> {
  return (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'edugov-signatures-'));
  t = await createTestApp({ config: { dataDir } });
  [clerk, leader, admin, specialist] = (await Promise.all(
    ['bgd.vanthu', 'bgd.lanhdao', 'admin', 'bgd.chuyenvien'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client];
}, 180_000);

afterAll(async () => {
  await t?.close();
  await fs.promises.rm(dataDir, { recursive: true, force: true });
});

describe('demo PKI and signing in the flow', () => {
  let signed: Uint8Array;

  it('first start makes a DEMO root in the trust list and a DEMO certificate per demo person and organisation', async () => {
    const made = await ensureDemoSigningMaterial({ db: t.db, config: t.config });
    expect(made).toBeGreaterThan(10);
    expect(await ensureDemoSigningMaterial({ db: t.db, config: t.config })).toBe(0);
    const roots = (await leader.get('/api/v1/signatures/trust-roots')).json().items;
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ source: 'demo' });
    expect(roots[0].subject).toContain('DEMO');
    const mine = (await leader.get('/api/v1/signatures/credentials')).json();
    expect(mine.personal).toMatchObject({ owner: 'person', provider: 'pkcs12', demo: true });
    expect(mine.personal.subject).toMatch(/CN=.*\(DEMO\)/);
    expect(mine.organization.subject).toContain('O=Bộ Giáo dục và Đào tạo');
    // The PKCS#12 is stored wrapped: its bytes are not a readable PKCS#12 (no DER SEQUENCE header).
    const row = await t.db
      .selectFrom('signing_credentials')
      .selectAll()
      .where('id', '=', mine.personal.id)
      .executeTakeFirstOrThrow();
    expect(row.sealed_pkcs12![0]).toBe(1);
  }, 120_000);

  it('the leader signs (blue image), the clerk applies the organisation signature (seal): both valid and trusted', async () => {
    const leaderId = await userId('bgd.lanhdao');
    const moet = leader.me.organizationId;
    const pdf = await samplePdf('Quyet dinh so 05/QD-BGDDT');
    const first = await t.db.transaction().execute((trx) =>
      signAsPerson({ db: t.db, config: t.config }, trx, audit(leaderId), {
        userId: leaderId,
        pin: DEMO_SIGNING_PIN,
        pdf,
        target: { type: 'outgoing_document', id: null },
      }),
    );
    expect(first.placement).not.toBeNull();
    const second = await t.db.transaction().execute((trx) =>
      signAsOrganization({ db: t.db, config: t.config }, trx, audit(null), {
        organizationId: moet,
        pin: DEMO_SIGNING_PIN,
        pdf: first.pdf,
        signerPlacement: first.placement,
      }),
    );
    signed = second.pdf;
    const report = await validatePdf(t.db, signed);
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => s.signerName)).toEqual([
      expect.stringContaining('(DEMO)'),
      'Bộ Giáo dục và Đào tạo (DEMO)',
    ]);
    expect(report.signatures[1]!.organization).toBe('Bộ Giáo dục và Đào tạo');
    // Both appearances are drawn: two transparent images (signature, seal), each an image with its alpha mask.
    expect(
      Buffer.from(signed)
        .toString('latin1')
        .match(/\/SMask/g)?.length,
    ).toBe(2);
    expect(
      Buffer.from(signed)
        .toString('latin1')
        .match(/\/Subtype \/Image/g)?.length,
    ).toBe(4);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', '=', 'signatures.pdf_signed')
      .execute();
    expect(audited).toHaveLength(2);
    if (!missing) {
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'edugov-nss-'));
      const root = await t.db.selectFrom('signature_trust_roots').selectAll().executeTakeFirstOrThrow();
      const pem = `-----BEGIN CERTIFICATE-----\n${root.certificate.toString('base64')}\n-----END CERTIFICATE-----\n`;
      const nss = await nssDbTrusting(dir, [{ certPem: pem } as never]);
      const checked = await pdfsig(nss, signed, dir);
      expect(checked.map((c) => [c.signatureValidation, c.certificateValidation])).toEqual([
        ['Signature is Valid.', 'Certificate is Trusted.'],
        ['Signature is Valid.', 'Certificate is Trusted.'],
      ]);
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a wrong PIN does not unlock the key; nothing is signed', async () => {
    const leaderId = await userId('bgd.lanhdao');
    await expect(
      t.db.transaction().execute((trx) =>
        signAsPerson({ db: t.db, config: t.config }, trx, audit(leaderId), {
          userId: leaderId,
          pin: '000000',
          pdf: signed,
        }),
      ),
    ).rejects.toMatchObject({ code: 'signatures.wrong_pin' });
  });

  it('five wrong PINs in a row lock the certificate for 15 minutes, even against the right PIN', async () => {
    const owner = { userId: await userId('bgd.lanhdao') };
    const deps = { db: t.db, config: t.config };
    const now = new Date();
    // The right PIN resets the count (the previous test left one wrong PIN).
    await openSigningKey(deps, t.db, owner, { pin: DEMO_SIGNING_PIN }, now);
    for (let i = 1; i <= PIN_ATTEMPTS; i++) {
      await expect(openSigningKey(deps, t.db, owner, { pin: `00000${i}` }, now)).rejects.toMatchObject({
        code: 'signatures.wrong_pin',
        details: { attemptsLeft: PIN_ATTEMPTS - i },
      });
    }
    await expect(openSigningKey(deps, t.db, owner, { pin: DEMO_SIGNING_PIN }, now)).rejects.toMatchObject({
      code: 'signatures.pin_locked',
      status: 429,
    });
    // After the lock, the right PIN opens the key and the count starts again.
    const later = new Date(now.getTime() + PIN_LOCK_MS + 1000);
    await expect(openSigningKey(deps, t.db, owner, { pin: DEMO_SIGNING_PIN }, later)).resolves.toMatchObject({
      credential: { owner_user_id: owner.userId },
    });
    await expect(openSigningKey(deps, t.db, owner, { pin: '111111' }, later)).rejects.toMatchObject({
      details: { attemptsLeft: PIN_ATTEMPTS - 1 },
    });
    await openSigningKey(deps, t.db, owner, { pin: DEMO_SIGNING_PIN }, later);
  });

  it('the clerk validates a received file through the API: stored report, then a tampered copy is invalid', async () => {
    const up = await clerk.upload('/api/v1/files', { name: 'van-ban-den.pdf', bytes: signed });
    expect(up.statusCode).toBe(201);
    const res = await clerk.post('/api/v1/signatures/validations', { fileId: up.json().id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ verdict: 'valid', report: { verdict: 'valid' } });
    expect(res.json().report.signatures).toHaveLength(2);
    const latest = await clerk.get(`/api/v1/signatures/validations/latest?fileId=${up.json().id}`);
    expect(latest.json().id).toBe(res.json().id);

    const tampered = new Uint8Array(signed);
    const at = Buffer.from(tampered).toString('latin1').indexOf('/MediaBox') + 12;
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30; // the page size changes
    const up2 = await clerk.upload('/api/v1/files', { name: 'bi-sua.pdf', bytes: tampered });
    const bad = await clerk.post('/api/v1/signatures/validations', { fileId: up2.json().id });
    expect(bad.json().verdict).toBe('invalid');
    expect(bad.json().report.signatures[0].reasons.map((r: { code: string }) => r.code)).toContain('digest_mismatch');

    // Someone who may not read the file directly gets 404.
    expect((await specialist.post('/api/v1/signatures/validations', { fileId: up.json().id })).statusCode).toBe(404);
  });
});

describe('trust list, PKCS#12 import and images', () => {
  const pki = makeTestPki();

  it('a root added by the system administrator makes another CA’s signatures trusted; others may not add', async () => {
    const foreign = await signPdf(await samplePdf('Van ban noi khac'), {
      key: pki.key(pki.signer),
      signingTime: new Date(),
    });
    expect((await validatePdf(t.db, foreign)).verdict).toBe('indeterminate');
    const body = { name: 'CA chuyên dùng Chính phủ (thử nghiệm)', certificate: pki.root.certPem };
    expect((await clerk.post('/api/v1/signatures/trust-roots', body)).statusCode).toBe(403);
    const added = await admin.post('/api/v1/signatures/trust-roots', body);
    expect(added.statusCode).toBe(201);
    expect((await validatePdf(t.db, foreign)).verdict).toBe('valid');
    expect((await send(admin, 'DELETE', `/api/v1/signatures/trust-roots/${added.json().id}`)).statusCode).toBe(200);
    expect((await validatePdf(t.db, foreign)).verdict).toBe('indeterminate');
  });

  it('a person imports their own PKCS#12: the wrong PIN is refused, the right one replaces the demo credential', async () => {
    const p12 = Buffer.from(buildPkcs12(pki.coSigner, [pki.root], 'mã-pin-2026')).toString('base64');
    const wrong = await specialist.post('/api/v1/signatures/credentials/pkcs12', {
      owner: 'me',
      pkcs12: p12,
      pin: 'sai-pin',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('signatures.wrong_pin');
    const ok = await specialist.post('/api/v1/signatures/credentials/pkcs12', {
      owner: 'me',
      pkcs12: p12,
      pin: 'mã-pin-2026',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().subject).toContain('CN=Trần Thị Hương Giang');
    const mine = (await specialist.get('/api/v1/signatures/credentials')).json();
    expect(mine.personal.id).toBe(ok.json().id);
    const id = await userId('bgd.chuyenvien');
    const result = await t.db
      .transaction()
      .execute((trx) =>
        signAsPerson({ db: t.db, config: t.config }, trx, audit(id), { userId: id, pin: 'mã-pin-2026', pdf: signed0 }),
      );
    const report = await validatePdfForRoot(result.pdf);
    expect(report.signatures[0]).toMatchObject({ signerName: 'Trần Thị Hương Giang', intact: true });
    // A specialist may not set the organisation's credential.
    const org = await specialist.post('/api/v1/signatures/credentials/pkcs12', {
      owner: 'organization',
      pkcs12: p12,
      pin: 'mã-pin-2026',
    });
    expect(org.statusCode).toBe(403);
  });

  it('signature images must be transparent PNGs; the seal is set by the clerk, not by a specialist', async () => {
    const opaque = encodePng(40, 40, () => [0, 0, 255, 255]);
    // An RGBA PNG can be transparent; an RGB one (colour type 2) cannot: rewrite the header's colour type.
    const rgb = Buffer.from(opaque);
    rgb[25] = 2;
    expect(
      (await send(specialist, 'PUT', '/api/v1/signatures/images/signature', { png: rgb.toString('base64') }))
        .statusCode,
    ).toBe(400);
    const blue = encodePng(60, 30, (x, y) => [20, 50, 170, (x + y) % 3 === 0 ? 255 : 0]);
    const set = await send(specialist, 'PUT', '/api/v1/signatures/images/signature', { png: blue.toString('base64') });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ kind: 'signature', width: 60, height: 30, demo: false });
    const back = await specialist.get('/api/v1/signatures/images/signature');
    expect(back.rawBody.equals(blue)).toBe(true);
    expect(
      (await send(specialist, 'PUT', '/api/v1/signatures/images/seal', { png: blue.toString('base64') })).statusCode,
    ).toBe(403);
    expect(
      (await send(clerk, 'PUT', '/api/v1/signatures/images/seal', { png: blue.toString('base64') })).statusCode,
    ).toBe(200);
  });

  let signed0: Uint8Array;
  beforeAll(async () => {
    signed0 = await samplePdf('Ban thao');
  });
  const validatePdfForRoot = async (pdf: Uint8Array) => {
    const { validatePdfSignatures } = await import('./pades/validate.ts');
    return validatePdfSignatures(pdf, [pki.root.der]);
  };
});

describe('remote signing (CSC API v2) against a local test server', () => {
  const pki = makeTestPki();
  let server: Server;
  let baseUrl: string;
  const calls: string[] = [];
  const TOKEN = 'test-access-token';
  const PIN = '246810';

  beforeAll(async () => {
    const key = createPrivateKey(pki.organization.keyPem);
    const sads = new Set<string>();
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const endpoint = (req.url ?? '').replace('/csc/v2/', '');
        calls.push(endpoint);
        const json = (status: number, value: object) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
        if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(401, { error: 'invalid_token' });
        const input = JSON.parse(body || '{}') as Record<string, unknown>;
        if (endpoint === 'credentials/list') return json(200, { credentialIDs: ['cred-1'] });
        if (input.credentialID !== 'cred-1') return json(400, { error: 'invalid_request' });
        if (endpoint === 'credentials/info') {
          return json(200, {
            key: { status: 'enabled', algo: ['1.2.840.113549.1.1.1'], len: 2048 },
            cert: {
              status: 'valid',
              certificates: [pki.organization.der, pki.root.der].map((d) => Buffer.from(d).toString('base64')),
            },
            authMode: 'explicit',
          });
        }
        if (endpoint === 'credentials/authorize') {
          if (input.PIN !== PIN) return json(400, { error: 'invalid_pin' });
          const sad = `sad-${calls.length}`;
          sads.add(sad);
          return json(200, { SAD: sad });
        }
        if (endpoint === 'signatures/signHash') {
          if (!sads.delete(String(input.SAD))) return json(400, { error: 'invalid_sad' });
          const hashes = input.hashes as string[];
          const signatures = hashes.map((h) =>
            Buffer.from(rsaSignDigest(key, new Uint8Array(Buffer.from(h, 'base64')))).toString('base64'),
          );
          return json(200, { signatures });
        }
        return json(404, { error: 'not_found' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/csc/v2`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the clerk registers the organisation’s remote credential; signing sends only a hash and needs the PIN', async () => {
    const reg = await clerk.post('/api/v1/signatures/credentials/csc', {
      owner: 'organization',
      baseUrl,
      credentialId: 'cred-1',
      accessToken: TOKEN,
    });
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({ provider: 'csc', owner: 'organization' });
    const pdf = await samplePdf('Ky tu xa');
    const orgId = clerk.me.organizationId;
    await expect(
      t.db.transaction().execute((trx) =>
        signAsOrganization({ db: t.db, config: t.config }, trx, audit(null), {
          organizationId: orgId,
          pin: '000000',
          cscAccessToken: TOKEN,
          pdf,
        }),
      ),
    ).rejects.toMatchObject({ code: 'signatures.signing_failed' });
    const result = await t.db.transaction().execute((trx) =>
      signAsOrganization({ db: t.db, config: t.config }, trx, audit(null), {
        organizationId: orgId,
        pin: PIN,
        cscAccessToken: TOKEN,
        pdf,
        textBlock: ['Số: 12/QĐ-BGDĐT'],
      }),
    );
    expect(calls).toEqual(expect.arrayContaining(['credentials/info', 'credentials/authorize', 'signatures/signHash']));
    const { validatePdfSignatures } = await import('./pades/validate.ts');
    const report = await validatePdfSignatures(result.pdf, [pki.root.der]);
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]!.signerName).toBe('Sở Giáo dục và Đào tạo Hà Nội');
    expect(createHash('sha256').update(result.pdf).digest('hex')).toBe(report.sha256);
  });

  it('credentials/list lists the service’s credentials', async () => {
    const { cscListCredentials } = await import('./keys/csc.ts');
    expect(await cscListCredentials(baseUrl, TOKEN)).toEqual(['cred-1']);
  });
});
