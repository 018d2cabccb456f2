/**
 * The serif fonts of printouts: Liberation Serif (Times New Roman metrics, SIL OFL 1.1), vendored in
 * server/assets/fonts so PDFs build on a machine with only Node. Embedded as subsets through fontkit.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export const FONT_DIR = path.resolve(import.meta.dirname, '../../../assets/fonts');

const FILES = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
} as const;

export type FontStyle = keyof typeof FILES;
export type SerifFonts = Readonly<Record<FontStyle, PDFFont>>;

const bytes = new Map<FontStyle, Promise<Buffer>>();

/** A font file's bytes, read once per process. */
function fontBytes(style: FontStyle): Promise<Buffer> {
  let pending = bytes.get(style);
  if (!pending) {
    pending = fs.readFile(path.join(FONT_DIR, FILES[style]));
    pending.catch(() => bytes.delete(style));
    bytes.set(style, pending);
  }
  return pending;
}

/** Embeds the four Times-metric serif faces into the document (subset: only the glyphs used). */
export async function embedSerifFonts(pdf: PDFDocument): Promise<SerifFonts> {
  // Loaded on the first PDF, not at start: fontkit adds ~12 MB to the memory of every server process.
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  pdf.registerFontkit(fontkit);
  const styles = Object.keys(FILES) as FontStyle[];
  const embedded = await Promise.all(styles.map(async (s) => pdf.embedFont(await fontBytes(s), { subset: true })));
  return Object.fromEntries(styles.map((s, i) => [s, embedded[i]!])) as SerifFonts;
}
