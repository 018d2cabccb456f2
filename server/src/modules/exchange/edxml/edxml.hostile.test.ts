/**
 * Hostile input: the shared fixtures of server/src/test/security/hostile-xml (billion laughs, quadratic blow-up,
 * XXE, parameter entities, external DTD, deep nesting, many attributes) plus edXML-specific attacks (oversize,
 * bad Base64, path names). Each is refused with its precise code, quickly, without growing the heap, by the
 * parser and by the signature verifier alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdxml, parseEdxml, verifyEdxmlSignature, type EdxmlIssueCode } from '../index.ts';
import { samplePackage } from './edxml.fixtures.ts';

const shared = path.resolve(import.meta.dirname, '../../../test/security/hostile-xml');

const expected: Record<string, EdxmlIssueCode> = {
  'billion-laughs.xml': 'edxml.doctype_forbidden',
  'quadratic-blowup.xml': 'edxml.doctype_forbidden',
  'xxe-file.xml': 'edxml.doctype_forbidden',
  'xxe-http.xml': 'edxml.doctype_forbidden',
  'parameter-entity.xml': 'edxml.doctype_forbidden',
  'external-dtd.xml': 'edxml.doctype_forbidden',
  'deep-nesting.xml': 'edxml.too_deep',
  'many-attributes.xml': 'edxml.too_many_attributes',
};

/** Well-formed edXML packages whose content is the attack: refused by the codec's validation. */
const contentAttacks: Record<string, EdxmlIssueCode> = {
  'edxml-attachment-traversal.xml': 'edxml.attachment_name_invalid',
  'edxml-bad-base64.xml': 'edxml.attachment_base64_invalid',
};

function refuse(input: Buffer | string, options?: Parameters<typeof parseEdxml>[1]) {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = parseEdxml(input, options);
  const ms = performance.now() - started;
  expect(result.ok).toBe(false);
  expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
  return { codes: result.ok ? [] : result.errors.map((e) => e.code), ms, text: JSON.stringify(result) };
}

describe('hostile XML', () => {
  const files = fs.existsSync(shared) ? fs.readdirSync(shared).filter((f) => f.endsWith('.xml')) : [];

  it('the shared fixtures are there', () => {
    expect(files).toEqual(expect.arrayContaining([...Object.keys(expected), ...Object.keys(contentAttacks)]));
  });

  it.each(Object.entries(contentAttacks))('%s is refused with %s', (name, code) => {
    const { codes, ms } = refuse(fs.readFileSync(path.join(shared, name)));
    expect(codes).toEqual([code]);
    expect(ms).toBeLessThan(500);
  });

  it.each(Object.entries(expected))('%s is refused with %s, fast, nothing expanded or fetched', (name, code) => {
    const bytes = fs.readFileSync(path.join(shared, name));
    const { codes, ms, text } = refuse(bytes);
    expect(codes).toEqual([code]);
    expect(ms).toBeLessThan(500);
    expect(text).not.toMatch(/root:x:0|lollollol/);
    // The verifier screens the same way before any DOM is built.
    const verified = verifyEdxmlSignature(bytes, { trustList: [] });
    expect(verified.valid).toBe(false);
    expect(verified.errors.map((e) => e.code)).toEqual([code]);
  });

  it('an oversize package is refused before decoding (configurable bound)', () => {
    const xml = Buffer.from(buildEdxml(samplePackage({ attachmentBytes: 200_000 })));
    expect(refuse(xml, { limits: { maxBytes: 100_000 } }).codes).toEqual(['edxml.too_large']);
    expect(parseEdxml(xml).ok).toBe(true); // the default bound is 50 MB
  });

  it('nesting and attribute bounds are configurable', () => {
    const xml = buildEdxml(samplePackage({ attachmentBytes: 10 }));
    expect(refuse(xml, { limits: { maxDepth: 4 } }).codes).toEqual(['edxml.too_deep']);
    expect(refuse(xml, { limits: { maxAttributes: 1 } }).codes).toEqual(['edxml.too_many_attributes']);
  });

  it('a DOCTYPE hidden inside an otherwise valid package is refused', () => {
    const xml = buildEdxml(samplePackage({ attachmentBytes: 10 })).replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    );
    expect(refuse(xml).codes).toEqual(['edxml.doctype_forbidden']);
  });

  it('bad Base64 and ../ or absolute attachment names are refused with their codes', () => {
    const good = buildEdxml(samplePackage({ attachmentBytes: 30 }));
    const bad64 = good.replace(/(<edXML:ContentTransferEncoded>)[^<]*/, '$1QUJD=QUJD');
    expect(refuse(bad64).codes).toEqual(['edxml.attachment_base64_invalid']);
    for (const name of ['../../etc/passwd', '..\\..\\boot.ini', 'C:evil.pdf', '/etc/shadow', '..', 'a\u0000b.pdf']) {
      const xml = good.replaceAll('0045-BGDĐT-GDPT.pdf', name);
      const { codes } = refuse(xml);
      expect(codes.length, name).toBeGreaterThan(0);
      expect(
        codes.every((c) => c === 'edxml.attachment_name_invalid' || c === 'edxml.malformed_xml'),
        `${name}: ${codes.join()}`,
      ).toBe(true);
    }
  });

  it('unbalanced or truncated markup is refused as malformed', () => {
    const good = buildEdxml(samplePackage({ attachmentBytes: 30 }));
    expect(refuse(good.slice(0, good.length - 40)).codes).toEqual(['edxml.malformed_xml']);
    expect(refuse(`${good}<edXML:edXML/>`).codes).toEqual(['edxml.malformed_xml']);
    expect(refuse('').codes).toEqual(['edxml.malformed_xml']);
  });
});
