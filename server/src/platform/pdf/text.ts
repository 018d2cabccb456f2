/**
 * Text on PDF pages. pdf-lib places no combining marks (no GPOS), so every string is NFC before it is
 * measured or drawn; Vietnamese letters then come out as the font's precomposed glyphs.
 */
import { rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';

export type Align = 'left' | 'center' | 'right';

/** NFC, one kind of line break, tabs as spaces, no other control characters. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Splits a word wider than the line into pieces that fit (by grapheme, never inside a letter). */
function breakWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(word)) {
    if (piece && font.widthOfTextAtSize(piece + segment, size) > maxWidth) {
      pieces.push(piece);
      piece = segment;
    } else {
      piece += segment;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The lines of a text set in `maxWidth` points: explicit line breaks kept, words wrapped at spaces, a word
 * longer than the line broken between letters. An empty text is one empty line. `firstLineWidth` (default
 * `maxWidth`) sets the first line narrower, e.g. for a first-line indent or a bold label before it.
 */
export function wrapText(
  text: string,
  font: PDFFont,
  size: number,
  maxWidth: number,
  firstLineWidth = maxWidth,
): string[] {
  const lines: string[] = [];
  const limit = () => (lines.length === 0 ? firstLineWidth : maxWidth);
  const space = font.widthOfTextAtSize(' ', size);
  const widths = new Map<string, number>();
  const widthOf = (word: string) => {
    let w = widths.get(word);
    if (w === undefined) {
      w = font.widthOfTextAtSize(word, size);
      widths.set(word, w);
    }
    return w;
  };
  for (const paragraph of cleanText(text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ').filter((w) => w.length > 0)) {
      const w = widthOf(word);
      if (line && lineWidth + space + w <= limit()) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (widthOf(rest) > limit()) {
        const [head = rest] = breakWord(rest, font, size, limit());
        if (head === rest) break; // one letter wider than the line
        lines.push(head);
        rest = rest.slice(head.length);
      }
      line = rest;
      lineWidth = widthOf(rest);
    }
    lines.push(line);
  }
  return lines;
}

export interface LineStyle {
  readonly font: PDFFont;
  readonly size: number;
  readonly align?: Align;
  readonly color?: Color;
}

/** Draws one line of text in the box [x, x + width] with its baseline at y. */
export function drawLine(page: PDFPage, text: string, x: number, y: number, width: number, style: LineStyle): void {
  const line = cleanText(text).replace(/\n/g, ' ');
  if (!line) return;
  const w = style.font.widthOfTextAtSize(line, style.size);
  const align = style.align ?? 'left';
  const left = align === 'left' ? x : align === 'center' ? x + (width - w) / 2 : x + width - w;
  page.drawText(line, { x: left, y, font: style.font, size: style.size, color: style.color ?? rgb(0, 0, 0) });
}

/**
 * Draws one line of a justified paragraph: the words spread so the line fills [x, x + width] (a line of one
 * word, or one wider than the box, is set flush left). pdf-lib has no word spacing for embedded fonts, so
 * each word is drawn at its own position.
 */
export function drawJustifiedLine(
  page: PDFPage,
  text: string,
  x: number,
  y: number,
  width: number,
  style: LineStyle,
): void {
  const words = cleanText(text)
    .replace(/\n/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
  const widths = words.map((w) => style.font.widthOfTextAtSize(w, style.size));
  const gaps = words.length - 1;
  const free = width - widths.reduce((s, w) => s + w, 0);
  if (gaps === 0 || free < gaps * style.font.widthOfTextAtSize(' ', style.size)) {
    drawLine(page, words.join(' '), x, y, width, { ...style, align: 'left' });
    return;
  }
  const color = style.color ?? rgb(0, 0, 0);
  let left = x;
  words.forEach((word, i) => {
    page.drawText(word, { x: left, y, font: style.font, size: style.size, color });
    left += widths[i]! + free / gaps;
  });
}
