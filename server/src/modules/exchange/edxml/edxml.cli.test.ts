/** `npm run edxml -- parse|build|verify` run as a child process: output and exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePackage } from './edxml.fixtures.ts';
import { makeTestPki, type TestPki } from './edxml.test-pki.ts';

const root = path.resolve(import.meta.dirname, '../../../../..');
const cli = path.join(root, 'server/src/cli/edxml.ts');
const hostile = path.join(root, 'server/src/test/security/hostile-xml/billion-laughs.xml');

let dir: string;
let pki: TestPki;
const file = (name: string) => path.join(dir, name);

function run(args: string[], viaNpm = false) {
  const env = { ...process.env, EDXML_TRUST_LIST: '', INIT_CWD: dir };
  const r = viaNpm
    ? spawnSync('npm', ['run', '-s', 'edxml', '--', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 })
    : spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'edxml-cli-'));
  pki = makeTestPki();
  writeFileSync(file('model.json'), JSON.stringify(samplePackage({ attachmentBytes: 3000 })));
  writeFileSync(file('ca.pem'), pki.caPem);
  writeFileSync(file('other-ca.pem'), pki.otherCaPem);
  writeFileSync(file('key.pem'), pki.signer.privateKeyPem);
  writeFileSync(file('cert.pem'), pki.signer.certificatePem);
}, 60_000);

describe('edxml command line', () => {
  it('build prints the XML; parse prints the same package back as JSON (exit 0), also through npm run', () => {
    const built = run(['build', 'model.json']);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<edXML:edXML /);
    writeFileSync(file('package.xml'), built.stdout);
    // npm sets INIT_CWD to where it runs, so give it an absolute path.
    const parsed = run(['parse', file('package.xml')], true);
    expect(parsed.code).toBe(0);
    const out = JSON.parse(parsed.stdout);
    expect(out).toMatchObject({ ok: true, signed: false, warnings: [] });
    expect(out.message).toEqual(JSON.parse(readFileSync(file('model.json'), 'utf8')));
  }, 240_000);

  it('parse prints the validation errors as JSON and exits 2, for a bad package and a hostile one', () => {
    const bad = readFileSync(file('package.xml'), 'utf8').replace('000.00.01.H41', '000.00.01.H26');
    writeFileSync(file('bad.xml'), bad);
    const r = run(['parse', 'bad.xml']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.errors).toEqual([
      expect.objectContaining({ code: 'edxml.duplicate_recipient', path: 'MessageHeader/To[2]/OrganId' }),
    ]);
    const h = run(['parse', hostile]);
    expect(h.code).toBe(2);
    expect(JSON.parse(h.stdout).errors[0].code).toBe('edxml.doctype_forbidden');
  }, 240_000);

  it('build --key --cert signs; verify exits 0 with a trusted signature and 1 otherwise', () => {
    const built = run(['build', 'model.json', '--key', 'key.pem', '--cert', 'cert.pem']);
    expect(built.code).toBe(0);
    writeFileSync(file('signed.xml'), built.stdout);
    const ok = run(['verify', 'signed.xml', '--trust', 'ca.pem']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, errors: [] });

    writeFileSync(file('tampered.xml'), built.stdout.replace('V/v hướng dẫn', 'V/v bãi bỏ'));
    const tampered = run(['verify', 'tampered.xml', '--trust', 'ca.pem']);
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.stdout).errors[0].code).toBe('edxml.signature_invalid');

    const untrusted = run(['verify', 'signed.xml', '--trust', 'other-ca.pem']);
    expect(untrusted.code).toBe(1);
    expect(JSON.parse(untrusted.stdout).errors[0].code).toBe('edxml.certificate_untrusted');
  }, 240_000);

  it('the trust list can come from EDXML_TRUST_LIST; usage errors exit 3', () => {
    const env = { ...process.env, EDXML_TRUST_LIST: file('ca.pem'), INIT_CWD: dir };
    const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'verify', 'signed.xml'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    expect(run(['parse', 'missing.xml']).code).toBe(3);
  }, 240_000);
});
