/**
 * Appearance helpers: where the signer's image goes on an official page, the seal over its left third,
 * and the demo images (blue signature, red seal, transparent backgrounds).
 */
import { inflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makeTestPki } from '../signatures.fixtures.ts';
import { signPdf } from '../pades/pdf-sign.ts';
import { validatePdfSignatures } from '../pades/validate.ts';
import { defaultSignerPlacement, organizationSealAppearance, SEAL_SIZE, signerImageAppearance } from './appearance.ts';
import { demoSealPng, demoSignaturePng, readPng } from './png.ts';

/** The first pixel row's colours of an RGBA PNG made by encodePng (filter 0 rows). */
function pixels(png: Buffer): { width: number; rgba: Buffer } {
  const { width, height } = readPng(png)!;
  const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
  const raw = inflateSync(idat);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, rgba };
}

describe('signature appearance', () => {
  it('the demo signature is blue and the demo seal red, both on a transparent background', () => {
    for (const [png, colour] of [
      [demoSignaturePng(1), 'blue'],
      [demoSealPng(), 'red'],
    ] as const) {
      expect(readPng(png)).toMatchObject({ transparent: true });
      const { rgba } = pixels(png);
      const opaque: number[][] = [];
      let clear = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        if (rgba[i + 3] === 255) opaque.push([rgba[i]!, rgba[i + 1]!, rgba[i + 2]!]);
        if (rgba[i + 3] === 0) clear++;
      }
      expect(opaque.length).toBeGreaterThan(100);
      expect(clear).toBeGreaterThan(rgba.length / 8);
      const [r, , b] = opaque[0]!;
      if (colour === 'blue') expect(b).toBeGreaterThan(r!);
      else expect(r).toBeGreaterThan(b!);
    }
  });

  it('on an official page the signer image goes between the position line and the name; the seal covers its left third', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    const font = await doc.embedFont(StandardFonts.TimesRomanBold);
    page.drawText('THU TRUONG', { x: 363, y: 309, size: 14, font });
    page.drawText('Pham Duc Thinh', { x: 360, y: 224, size: 14, font });
    page.drawText('Noi nhan:', { x: 85, y: 327, size: 12, font });
    const pdf = await doc.save({ useObjectStreams: false });
    const place = await defaultSignerPlacement(pdf);
    expect(place.pageIndex).toBe(0);
    expect(place.y).toBeGreaterThanOrEqual(224 + 14);
    expect(place.y + place.height).toBeLessThanOrEqual(309);
    expect(place.x).toBeGreaterThan(300);

    const pki = makeTestPki();
    const t = new Date('2026-03-05T07:32:10Z');
    const first = await signPdf(pdf, {
      key: pki.key(pki.signer),
      signingTime: t,
      appearance: signerImageAppearance(demoSignaturePng(2), place),
    });
    const second = await signPdf(first, {
      key: pki.key(pki.organization),
      signingTime: t,
      appearance: organizationSealAppearance({
        sealPng: demoSealPng(),
        organizationName: 'Bộ Giáo dục và Đào tạo',
        signingTime: t,
        signer: place,
      }),
    });
    const rects = [
      ...Buffer.from(second)
        .toString('latin1')
        .matchAll(/\/Rect \[ ([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) \]/g),
    ].map((m) => m.slice(1, 5).map(Number));
    const [signer, seal] = rects as [number[], number[]];
    expect(signer[0]).toBeCloseTo(place.x, 1);
    // The seal's centre is left of the signer box; its right edge is about a third into it.
    const sealRight = (seal[0]! + seal[2]!) / 2 + SEAL_SIZE / 2;
    expect(sealRight).toBeCloseTo(place.x + place.width / 3, 0);
    const report = await validatePdfSignatures(second, [pki.root.der]);
    expect(report.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
  });
});
