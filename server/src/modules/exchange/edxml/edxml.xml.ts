/**
 * Hardened XML intake for edXML: a size bound, then one cheap pass over the markup that refuses any DOCTYPE or
 * ENTITY declaration (so no entity expansion or external fetch can happen later), bounds the nesting depth and
 * the attribute count of every element and checks that tags balance. Only then does a parser see the text.
 * The pass jumps from `<` to `<` with `indexOf`, so Base64 bodies cost next to nothing.
 */
import { issue, type EdxmlIssue } from './edxml.errors.ts';

export interface XmlLimits {
  /** Largest accepted package in bytes (default 50 MB). */
  readonly maxBytes: number;
  /** Deepest element nesting (default 64; edXML itself needs 7). */
  readonly maxDepth: number;
  /** Most attributes on one element, namespace declarations included (default 32). */
  readonly maxAttributes: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 50 * 1024 * 1024, maxDepth: 64, maxAttributes: 32 };

export function xmlLimits(overrides?: Partial<XmlLimits>): XmlLimits {
  return { ...DEFAULT_XML_LIMITS, ...overrides };
}

/** Decodes the input as UTF-8 (dropping a BOM) after the size check; returns an issue instead when too large. */
export function decodeXml(input: string | Uint8Array, limits: XmlLimits): string | EdxmlIssue {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > limits.maxBytes) return issue('edxml.too_large', '', `${bytes} > ${limits.maxBytes} bytes`);
  const text =
    typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

/**
 * Returns the first structural problem of the markup, or undefined when it may be handed to a parser.
 * With `capture`, the [start, end) text ranges of every element with that local name are pushed to `ranges`
 * (the parser then never walks those bodies).
 */
export function screenXml(
  xml: string,
  limits: XmlLimits,
  capture?: { readonly localName: string; readonly ranges: [number, number][] },
): EdxmlIssue | undefined {
  const stack: string[] = [];
  let captureDepth = -1;
  let captureStart = 0;
  const len = xml.length;
  let pos = 0;
  let rootClosed = false;
  let sawRoot = false;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === SLASH) {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) return issue('edxml.malformed_xml', '', 'unclosed end tag');
      const name = xml.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (open !== name) return issue('edxml.malformed_xml', '', `</${name.slice(0, 50)}> does not close <${open}>`);
      if (stack.length === captureDepth) {
        capture!.ranges.push([captureStart, lt]);
        captureDepth = -1;
      }
      if (stack.length === 0) rootClosed = true;
      pos = gt + 1;
      continue;
    }
    if (c === QUESTION) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) return issue('edxml.malformed_xml', '', 'unclosed processing instruction');
      pos = end + 2;
      continue;
    }
    if (c === BANG) {
      if (xml.startsWith('--', lt + 2)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) return issue('edxml.malformed_xml', '', 'unclosed comment');
        pos = end + 3;
        continue;
      }
      if (xml.startsWith('[CDATA[', lt + 2)) {
        if (stack.length === 0) return issue('edxml.malformed_xml', '', 'CDATA outside the root element');
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) return issue('edxml.malformed_xml', '', 'unclosed CDATA section');
        pos = end + 3;
        continue;
      }
      return issue('edxml.doctype_forbidden', '', xml.slice(lt, lt + 20));
    }
    // A start tag: read the name, then the attributes up to the '>' that is outside quotes.
    let i = lt + 1;
    while (i < len && !isNameEnd(xml.charCodeAt(i))) i++;
    const name = xml.slice(lt + 1, i);
    if (name === '' || name.includes('<')) return issue('edxml.malformed_xml', '', 'invalid start tag');
    if (rootClosed) return issue('edxml.malformed_xml', '', 'content after the root element');
    let attributes = 0;
    let quote = 0;
    for (; i < len; i++) {
      const ch = xml.charCodeAt(i);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
        else if (ch === LT) return issue('edxml.malformed_xml', '', `'<' in an attribute of <${name}>`);
      } else if (ch === DQUOTE || ch === SQUOTE) quote = ch;
      else if (ch === EQUALS) attributes++;
      else if (ch === GT) break;
      else if (ch === LT) return issue('edxml.malformed_xml', '', `<${name}> is not closed`);
    }
    if (i >= len) return issue('edxml.malformed_xml', '', `<${name.slice(0, 50)}> is not closed`);
    if (attributes > limits.maxAttributes) {
      return issue('edxml.too_many_attributes', name, `${attributes} > ${limits.maxAttributes}`);
    }
    sawRoot = true;
    if (xml.charCodeAt(i - 1) !== SLASH) {
      if (capture && captureDepth === -1 && (name === capture.localName || name.endsWith(`:${capture.localName}`))) {
        captureDepth = stack.length;
        captureStart = i + 1;
      }
      stack.push(name);
      if (stack.length > limits.maxDepth) return issue('edxml.too_deep', name, `> ${limits.maxDepth} levels`);
    } else if (stack.length === 0) {
      rootClosed = true;
    }
    pos = i + 1;
  }
  if (!sawRoot) return issue('edxml.malformed_xml', '', 'no root element');
  if (stack.length > 0) return issue('edxml.malformed_xml', '', `<${stack[stack.length - 1]}> is not closed`);
  return undefined;
}

// XML 1.0 cannot carry C0 controls other than tab, LF and CR; the builder drops them.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
