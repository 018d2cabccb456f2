import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../test/factories.ts';
import { createTestApp, type Client, type TestApp } from '../../test/test-app.ts';
import { assertFilesAttachable, findFilesByIds, readFileBytes, storeGeneratedFile } from './index.ts';
import { buildDocx, buildPdf, buildXlsx, buildZip, EXE, HTML, PNG, TEXT } from './files.fixtures.ts';

const PDF_TYPE = 'application/pdf';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder, as relative paths. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** What an upload can leave behind: rows, audit rows, blobs and temporary files. */
async function footprint(t: TestApp) {
  const files = await t.db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const audits = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'files.uploaded')
    .executeTakeFirstOrThrow();
  return {
    rows: Number(files.n),
    audits: Number(audits.n),
    blobs: listFiles(path.join(t.config.dataDir, 'files')),
    temp: listFiles(path.join(t.config.dataDir, 'tmp')),
  };
}

function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'edugov-files-'));
}

describe('uploading and reading files', () => {
  let t: TestApp;
  let specialist: Client; // hn.chuyenvien uploads
  let clerk: Client;
  let leader: Client;
  let unitHead: Client;
  let otherClerk: Client;
  let pdf: Buffer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDataDir();
    t = await createTestApp({ config: { dataDir } });
    [specialist, clerk, leader, unitHead, otherClerk] = await Promise.all([
      t.login('hn.chuyenvien'),
      t.login('hn.vanthu'),
      t.login('hn.lanhdao'),
      t.login('hn.truongphong'),
      t.login('bgd.vanthu'),
    ]);
    pdf = await buildPdf();
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts PDF, PNG, DOCX and XLSX with the type read from the bytes, whatever the name says', async () => {
    const xlsx = await buildXlsx();
    const docx = buildDocx();
    const cases = [
      { name: 'to-trinh.docx', bytes: pdf, contentType: DOCX_TYPE, expected: PDF_TYPE },
      { name: 'anh-chup.pdf', bytes: PNG, contentType: PDF_TYPE, expected: 'image/png' },
      { name: 'cong-van.xlsx', bytes: docx, contentType: 'application/octet-stream', expected: DOCX_TYPE },
      { name: 'bao-cao.zip', bytes: xlsx, contentType: 'application/zip', expected: XLSX_TYPE },
    ];
    for (const c of cases) {
      const before = await footprint(t);
      const res = await specialist.upload('/api/v1/files', c);
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        name: c.name,
        mediaType: c.expected,
        sizeBytes: c.bytes.length,
        sha256: sha256(c.bytes),
      });
      expect(res.headers.location).toBe(`/api/v1/files/${body.id}`);
      const after = await footprint(t);
      expect(after.rows).toBe(before.rows + 1);
      expect(after.audits).toBe(before.audits + 1);
      expect(after.temp).toEqual([]);
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'files.uploaded')
        .where('target_id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(audit.actor_user_id).toBe(specialist.me.user.id);
      expect(audit.summary).toMatchObject({ name: c.name, mediaType: c.expected });
    }
  });

  it('refuses programs, plain archives, text and HTML with 415 and leaves nothing behind', async () => {
    const before = await footprint(t);
    const cases = [
      { name: 'cong-van.pdf', bytes: EXE, contentType: PDF_TYPE },
      { name: 'setup.exe', bytes: EXE },
      { name: 'ho-so.docx', bytes: buildZip(), contentType: DOCX_TYPE },
      { name: 'ghi-chu.txt', bytes: TEXT, contentType: 'text/plain' },
      { name: 'trang.pdf', bytes: HTML, contentType: 'text/html' },
    ];
    for (const c of cases) {
      const res = await specialist.upload('/api/v1/files', c);
      expect(res.statusCode, c.name).toBe(415);
      expect(res.json().error.code).toBe('files.unsupported_type');
    }
    expect(await footprint(t)).toEqual(before);
  });

  it('accepts a file larger than the JSON body limit (multipart is not held to it)', async () => {
    const big = Buffer.concat([pdf, Buffer.from('\n%'), Buffer.alloc(t.config.bodyLimitBytes + 200_000, 0x61)]);
    const res = await specialist.upload('/api/v1/files', { name: 'ban-scan.pdf', bytes: big });
    expect(res.statusCode, res.body).toBe(201);
    const download = await specialist.get(`/api/v1/files/${res.json().id}/content`);
    expect(download.rawBody.equals(big)).toBe(true);
  });

  it('stores the same bytes once: two uploads, two rows, one blob', async () => {
    const bytes = await buildPdf('Quyet dinh 42');
    const digest = sha256(bytes);
    const a = (await specialist.upload('/api/v1/files', { name: 'ban-1.pdf', bytes })).json();
    const b = (await clerk.upload('/api/v1/files', { name: 'ban-2.pdf', bytes })).json();
    expect(a.id).not.toBe(b.id);
    expect([a.sha256, b.sha256]).toEqual([digest, digest]);
    const blobs = (await footprint(t)).blobs.filter((p) => p.endsWith(digest));
    expect(blobs).toEqual([path.join(digest.slice(0, 2), digest.slice(2, 4), digest)]);
    const rows = await t.db.selectFrom('files').select('id').where('sha256', '=', digest).execute();
    expect(rows).toHaveLength(2);
  });

  it('downloads the identical bytes with a UTF-8 file name, as attachment or inline for preview', async () => {
    const decomposed = 'Công văn số 15.pdf'.normalize('NFD');
    const up = await specialist.upload('/api/v1/files', { name: decomposed, bytes: pdf, contentType: PDF_TYPE });
    const file = up.json();
    expect(file.name).toBe('Công văn số 15.pdf'.normalize('NFC'));

    const res = await specialist.get(`/api/v1/files/${file.id}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.rawBody.equals(pdf)).toBe(true);
    expect(res.headers['content-type']).toBe(PDF_TYPE);
    expect(res.headers['content-length']).toBe(String(pdf.length));
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Cong van so 15.pdf"; filename*=UTF-8''C%C3%B4ng%20v%C4%83n%20s%E1%BB%91%2015.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');

    const inline = await specialist.get(`/api/v1/files/${file.id}/content?inline=true`);
    expect(inline.rawBody.equals(pdf)).toBe(true);
    expect(String(inline.headers['content-disposition'])).toMatch(/^inline; filename="Cong van so 15\.pdf"; /);
    expect(String(inline.headers['content-security-policy'])).toMatch(/^sandbox; default-src 'none'/);

    const meta = await specialist.get(`/api/v1/files/${file.id}`);
    expect(meta.json()).toEqual(file);
  });

  it('names a download with the extension of its real type and strips what could disguise it', async () => {
    const evil = 'C:\\Users\\a\\hoa-don\u202Efdp.exe';
    const res = await specialist.upload('/api/v1/files', { name: evil, bytes: PNG });
    expect(res.json().name).toBe('hoa-donfdp.exe');
    const download = await specialist.get(`/api/v1/files/${res.json().id}/content`);
    expect(download.headers['content-type']).toBe('image/png');
    expect(String(download.headers['content-disposition'])).toContain('filename="hoa-donfdp.exe.png"');
  });

  it('lets the uploader and the clerk and leader of their organisation read a file; others get 404', async () => {
    const id = (await specialist.upload('/api/v1/files', { name: 'du-thao.pdf', bytes: pdf })).json().id;
    for (const reader of [specialist, clerk, leader]) {
      expect((await reader.get(`/api/v1/files/${id}`)).statusCode).toBe(200);
      expect((await reader.get(`/api/v1/files/${id}/content`)).statusCode).toBe(200);
    }
    const unknown = await otherClerk.get('/api/v1/files/00000000-0000-4000-8000-000000000000/content');
    for (const outsider of [otherClerk, unitHead]) {
      for (const url of [`/api/v1/files/${id}`, `/api/v1/files/${id}/content`]) {
        const res = await outsider.get(url);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe(unknown.json().error.code);
        expect(res.body).not.toContain('du-thao');
      }
    }
  });

  it('refuses an upload without the CSRF token (403) or without a session (401), leaving nothing behind', async () => {
    const before = await footprint(t);
    const noCsrf = await specialist.upload('/api/v1/files', { name: 'a.pdf', bytes: pdf }, { 'x-csrf-token': '' });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('auth.csrf');
    const wrongCsrf = await specialist.upload('/api/v1/files', { name: 'a.pdf', bytes: pdf }, { 'x-csrf-token': 'x' });
    expect(wrongCsrf.statusCode).toBe(403);
    const anonymous = await specialist.upload('/api/v1/files', { name: 'a.pdf', bytes: pdf }, { cookie: '' });
    expect(anonymous.statusCode).toBe(401);
    expect(await footprint(t)).toEqual(before);
  });

  it('gives other modules files to attach, generated files and the bytes (the public door)', async () => {
    const hnClerk = { ...buildActor(clerk.me.organizationId, 'clerk'), userId: clerk.me.user.id };
    const mine = (await clerk.upload('/api/v1/files', { name: 'dinh-kem.pdf', bytes: pdf })).json();
    const colleagues = (await specialist.upload('/api/v1/files', { name: 'cua-dong-nghiep.pdf', bytes: pdf })).json();
    const theirs = (await otherClerk.upload('/api/v1/files', { name: 'cua-bo.pdf', bytes: pdf })).json();

    const attachable = await assertFilesAttachable(t.db, hnClerk, [mine.id, mine.id]);
    expect(attachable.map((f) => f.id)).toEqual([mine.id]);
    // Only one's own uploads: not another organisation's, and not a colleague's whose id one happens to know.
    const refused = await assertFilesAttachable(t.db, hnClerk, [mine.id, theirs.id, colleagues.id]).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'documents.file_not_found', details: { ids: [theirs.id, colleagues.id] } });
    expect((await findFilesByIds(t.db, [theirs.id, mine.id])).map((f) => f.original_name)).toEqual([
      'cua-bo.pdf',
      'dinh-kem.pdf',
    ]);

    const deps = { config: t.config, db: t.db };
    const receipt = await buildPdf('Phieu nhan');
    const generated = await t.db.transaction().execute((trx) =>
      storeGeneratedFile(deps, trx, {
        bytes: receipt,
        name: 'Phiếu nhận hồ sơ.pdf',
        mediaType: PDF_TYPE,
        organizationId: clerk.me.organizationId,
        uploadedBy: null,
      }),
    );
    expect(generated).toMatchObject({ sha256: sha256(receipt), size_bytes: receipt.length, uploaded_by: null });
    expect((await readFileBytes(deps, generated.id)).equals(receipt)).toBe(true);
    // A clerk of the organisation reads it through the files routes; its bytes are the same.
    const res = await clerk.get(`/api/v1/files/${generated.id}/content`);
    expect(res.rawBody.equals(receipt)).toBe(true);
    expect(String(res.headers['content-disposition'])).toContain('filename="Phieu nhan ho so.pdf"');
  });

  it('says which part is missing or empty', async () => {
    const before = await footprint(t);
    const wrongField = await specialist.upload('/api/v1/files', { name: 'a.pdf', bytes: pdf, field: 'document' });
    expect(wrongField.json().error.code).toBe('files.missing');
    const json = await specialist.post('/api/v1/files', { file: 'a.pdf' });
    expect(json.json().error.code).toBe('files.missing');
    const empty = await specialist.upload('/api/v1/files', { name: 'rong.pdf', bytes: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('files.empty');
    expect(await footprint(t)).toEqual(before);
  });
});

describe('the upload size limit', () => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDataDir();
    t = await createTestApp({ config: { dataDir, uploadMaxBytes: 2048 } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a file over UPLOAD_MAX_BYTES with 413 and leaves nothing behind; one at the limit passes', async () => {
    const clerk = await t.login('hn.vanthu');
    const pdf = await buildPdf();
    const before = await footprint(t);
    const tooBig = Buffer.concat([pdf, Buffer.from('\n%'), Buffer.alloc(2049 - pdf.length - 2, 0x61)]);
    expect(tooBig.length).toBe(2049);
    const res = await clerk.upload('/api/v1/files', { name: 'lon.pdf', bytes: tooBig });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('files.too_large');
    expect(await footprint(t)).toEqual(before);

    const atLimit = tooBig.subarray(0, 2048);
    expect((await clerk.upload('/api/v1/files', { name: 'vua.pdf', bytes: atLimit })).statusCode).toBe(201);
  });
});
