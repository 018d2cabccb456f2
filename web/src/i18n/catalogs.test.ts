import { describe, expect, it } from 'vitest';
import { enCatalog, viCatalog } from './catalogs';

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const viKeys = flatten(viCatalog);
const enKeys = flatten(enCatalog);

describe('i18n catalogs', () => {
  it('has every Vietnamese key in English', () => {
    expect([...viKeys.keys()].filter((key) => !enKeys.has(key))).toEqual([]);
  });

  it('has every English key in Vietnamese', () => {
    expect([...enKeys.keys()].filter((key) => !viKeys.has(key))).toEqual([]);
  });

  it('has no empty text and only NFC text', () => {
    for (const catalog of [viKeys, enKeys]) {
      for (const [key, text] of catalog) {
        expect(text.trim(), key).not.toBe('');
        expect(text, key).toBe(text.normalize('NFC'));
      }
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of viKeys) {
      expect(variables(enKeys.get(key) ?? ''), key).toEqual(variables(text));
    }
  });
});
