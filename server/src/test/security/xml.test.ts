/**
 * [SECURITY] Hostile XML (ASVS V5.5.2, V12): every file of ./hostile-xml (billion laughs, quadratic blow-up,
 * XXE to a file and to the metadata address, parameter entities, an external DTD, deep nesting, thousands of
 * attributes) is refused by the edXML intake with an issue code — nothing expanded or fetched, in bounded
 * time and memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEdxml } from '../../modules/exchange/edxml/edxml.parse.ts';
import { report } from './security-kit.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hostile-xml');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xml'));

describe('hostile XML is refused by the edXML intake', () => {
  it('has the shared fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s', (name) => {
    const bytes = fs.readFileSync(path.join(dir, name));
    const base = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = parseEdxml(new Uint8Array(bytes));
    const ms = performance.now() - started;
    const grown = process.memoryUsage().heapUsed - base;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/root:x:0|lollollol/);
    expect(text.length).toBeLessThan(10_000); // nothing expanded into the result
    expect(ms).toBeLessThan(2000);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
    report(`xml: ${name} refused (${result.errors.map((e) => e.code).join(', ')}) in ${ms.toFixed(1)} ms`);
  });
});
