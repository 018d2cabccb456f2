/**
 * What signatures look like on the page (Nghị định 30/2020, Phụ lục I; STANDARDS.md §1.10):
 * - the signer's signature: their handwritten signature image (blue PNG, transparent) at the signature
 *   position, centred between the title and the name;
 * - the organisation's signature on the main document: its seal image (red PNG, actual size) overlapping
 *   about a third of the signer's image on its left, with the organisation's name and the signing time
 *   (ISO 8601, +07:00) printed beside it;
 * - the organisation's signature on an attachment in a separate file or on an electronic copy: a small
 *   text block at the top right of page 1, Times New Roman 10 (Liberation Serif, same metrics), black.
 * Each is a form XObject used as the widget's normal appearance.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFFont, type PDFRef } from 'pdf-lib';
import { FONT_DIR } from '../../../platform/pdf/index.ts';
import type { SignatureAppearance } from '../pades/pdf-sign.ts';
import { isoVietnam } from '../pades/validate.ts';

export const mm = (value: number) => (value * 72) / 25.4;

/** A box on a page, PDF points from the bottom-left corner. */
export interface Placement {
  readonly pageIndex: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The seal's printed diameter (about the size of a real seal: 36 mm). */
export const SEAL_SIZE = mm(36);

const fontBytes = new Map<string, Promise<Buffer>>();
async function embedSerif(doc: PDFDocument, style: 'Regular' | 'Italic' = 'Regular'): Promise<PDFFont> {
  if (!fontBytes.has(style)) fontBytes.set(style, fs.readFile(path.join(FONT_DIR, `LiberationSerif-${style}.ttf`)));
  return doc.embedFont(await fontBytes.get(style)!, { subset: true });
}

function formXObject(
  doc: PDFDocument,
  width: number,
  height: number,
  content: string,
  resources: { images?: Record<string, PDFRef>; font?: PDFRef },
): PDFRef {
  const stream = doc.context.flateStream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: {
      ...(resources.images ? { XObject: resources.images } : {}),
      ...(resources.font ? { Font: { F1: resources.font } } : {}),
    },
  });
  return doc.context.register(stream);
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

function textLines(font: PDFFont, lines: readonly string[], size: number, x: number, top: number, leading: number) {
  return lines
    .map(
      (line, i) =>
        `BT /F1 ${size} Tf 0 g ${n(x)} ${n(top - size - i * leading)} Td ${font.encodeText(line.normalize('NFC')).toString()} Tj ET`,
    )
    .join('\n');
}

/** The signer's signature image, fitted (aspect kept) and centred in the placement. */
export function signerImageAppearance(png: Uint8Array, place: Placement): SignatureAppearance {
  return {
    async build(doc) {
      const image = await doc.embedPng(png);
      const scale = Math.min(place.width / image.width, place.height / image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      const x = (place.width - w) / 2;
      const y = (place.height - h) / 2;
      const content = `q ${n(w)} 0 0 ${n(h)} ${n(x)} ${n(y)} cm /Im1 Do Q`;
      const stream = formXObject(doc, place.width, place.height, content, { images: { Im1: image.ref } });
      return {
        pageIndex: place.pageIndex,
        rect: [place.x, place.y, place.x + place.width, place.y + place.height],
        stream,
      };
    },
  };
}

/**
 * The organisation's seal over the left third of the signer's image (`signer` is the signer's placement),
 * with the organisation's name and the signing time to the left of the seal's centre, under it.
 */
export function organizationSealAppearance(input: {
  sealPng: Uint8Array;
  organizationName: string;
  signingTime: Date;
  signer: Placement;
}): SignatureAppearance {
  return {
    async build(doc) {
      const image = await doc.embedPng(input.sealPng);
      const font = await embedSerif(doc);
      const { signer } = input;
      const seal = SEAL_SIZE;
      // The seal's right edge at one third of the signer's box: it covers about a third of the signature.
      const sealX = signer.x + signer.width / 3 - seal;
      const sealY = signer.y + signer.height / 2 - seal / 2;
      const textSize = 7;
      const lines = [input.organizationName, isoVietnam(input.signingTime)];
      const textWidth = Math.max(...lines.map((l) => font.widthOfTextAtSize(l.normalize('NFC'), textSize)));
      const textHeight = lines.length * (textSize + 1.5) + 2;
      const width = Math.max(seal, textWidth);
      const height = seal + textHeight;
      const x0 = sealX + seal / 2 - width / 2;
      const y0 = sealY - textHeight;
      const content = [
        `q ${n(seal)} 0 0 ${n(seal)} ${n(sealX - x0)} ${n(textHeight)} cm /Im1 Do Q`,
        textLines(font, lines, textSize, 0, textHeight, textSize + 1.5),
      ].join('\n');
      const stream = formXObject(doc, width, height, content, { images: { Im1: image.ref }, font: font.ref });
      return { pageIndex: signer.pageIndex, rect: [x0, y0, x0 + width, y0 + height], stream };
    },
  };
}

/**
 * Text written into a blank of the page (the number, the day, the month the leader's signed PDF left open),
 * on its baseline, in the line's font (Liberation Serif, italic for the date), black: centred, or against
 * the blank's right end (the number, so it reads "05/QĐ-BGDĐT").
 */
export function blankFillAppearance(
  slot: { pageIndex: number; x: number; baseline: number; width: number; size: number; italic: boolean },
  text: string,
  align: 'center' | 'right' = 'center',
): SignatureAppearance & { text: string } {
  const value = text.normalize('NFC');
  return {
    text: value,
    async build(doc) {
      const font = await embedSerif(doc, slot.italic ? 'Italic' : 'Regular');
      const textWidth = font.widthOfTextAtSize(value, slot.size);
      const width = Math.max(slot.width, textWidth);
      const descent = slot.size * 0.3;
      const height = slot.size * 1.3;
      const x0 = slot.x + (slot.width - width) / 2;
      const left = align === 'right' ? width - textWidth : (width - textWidth) / 2;
      const content = `BT /F1 ${slot.size} Tf 0 g ${n(left)} ${n(descent)} Td ${font.encodeText(value).toString()} Tj ET`;
      const stream = formXObject(doc, width, height, content, { font: font.ref });
      return {
        pageIndex: slot.pageIndex,
        rect: [x0, slot.baseline - descent, x0 + width, slot.baseline - descent + height],
        stream,
      };
    },
  };
}

/**
 * The small text block at the top right of page 1 (attachments in a separate file; electronic copies):
 * the given lines (e.g. the number and symbol, or SAO Y + the copying organisation) and the signing time.
 */
export function textBlockAppearance(input: { lines: readonly string[]; signingTime: Date }): SignatureAppearance {
  return {
    async build(doc) {
      const font = await embedSerif(doc);
      const page = doc.getPage(0);
      const { width: pageWidth, height: pageHeight } = page.getSize();
      const size = 10;
      const leading = 12;
      const lines = [...input.lines.map((l) => l.normalize('NFC')), isoVietnam(input.signingTime)];
      const width = Math.max(...lines.map((l) => font.widthOfTextAtSize(l, size))) + 4;
      const height = lines.length * leading + 4;
      const x = pageWidth - mm(15) - width;
      const y = pageHeight - mm(8) - height;
      const content = textLines(font, lines, size, 2, height - 2, leading);
      const stream = formXObject(doc, width, height, content, { font: font.ref });
      return { pageIndex: 0, rect: [x, y, x + width, y + height], stream };
    },
  };
}

/**
 * Where the signer's signature goes when the caller does not know. On an official PDF (outgoing/render)
 * the signer block is the last lines of the right column of the last page: the room between the position
 * ("THỨ TRƯỞNG") and the name is found from the text positions of the page. Otherwise: the right column
 * above the bottom margin.
 */
export async function defaultSignerPlacement(pdf: Uint8Array): Promise<Placement> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const pageIndex = doc.getPageCount() - 1;
  const page = doc.getPage(pageIndex);
  const { width } = page.getSize();
  const boxWidth = mm(50);
  const left = mm(30);
  const right = width - mm(15);
  const columnStart = left + (right - left) * 0.4;
  const centre = columnStart + (right - columnStart) / 2;
  const fallback = { pageIndex, x: centre - boxWidth / 2, y: mm(40), width: boxWidth, height: mm(20) };
  try {
    const contents = page.node.get(PDFName.of('Contents'));
    const object = contents ? doc.context.lookup(contents) : undefined;
    const streams = object instanceof PDFArray ? object.asArray().map((r) => doc.context.lookup(r)) : [object];
    const lines = new Set<number>();
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const m of text.matchAll(/1 0 0 1 ([\d.]+) ([\d.]+) Tm/g)) {
        if (Number(m[1]) >= columnStart) lines.add(Math.round(Number(m[2]) * 100) / 100);
      }
    }
    const ys = [...lines].sort((a, b) => a - b);
    const [nameY, titleY] = ys;
    if (nameY === undefined || titleY === undefined || titleY - nameY < mm(12)) return fallback;
    const bottom = nameY + 14;
    const height = Math.min(titleY - 4 - bottom, mm(26));
    return {
      pageIndex,
      x: centre - boxWidth / 2,
      y: bottom + (titleY - 4 - bottom - height) / 2,
      width: boxWidth,
      height,
    };
  } catch {
    return fallback;
  }
}
