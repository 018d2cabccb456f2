/**
 * File names and media types: what is accepted (decided from the bytes), how an uploader's name is made
 * safe to store and show, and how it is sent back in Content-Disposition (RFC 6266 / RFC 8187).
 */
import { nfc } from '../../platform/text.ts';

/** The media types EduGov accepts, with the extensions a name of that type may end with (first = usual). */
export const ACCEPTED_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/tiff': ['tif', 'tiff'],
};

export function isAcceptedType(mediaType: string | undefined): mediaType is string {
  return mediaType !== undefined && Object.hasOwn(ACCEPTED_TYPES, mediaType);
}

export const MAX_NAME_LENGTH = 255;

/** Control characters, format characters (bidi overrides that disguise an extension, zero-width marks). */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * An uploader's file name made safe: NFC, the last path segment only (some browsers send `C:\…\a.pdf`),
 * no control or format characters, spaces collapsed, at most 255 characters keeping the extension.
 * An empty result becomes `tệp.<ext>`.
 */
export function sanitizeFileName(raw: string | undefined, mediaType: string): string {
  let name = nfc(raw ?? '');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
  if (name === '' || name === '.' || name === '..') name = `tệp.${ACCEPTED_TYPES[mediaType]?.[0] ?? 'bin'}`;
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? Array.from(name.slice(dot)) : [];
  return chars
    .slice(0, MAX_NAME_LENGTH - ext.length)
    .join('')
    .trimEnd()
    .concat(ext.join(''));
}

/** The name to download under: the stored name, with the type's extension added when it does not end with one. */
export function downloadName(name: string, mediaType: string): string {
  const extensions = ACCEPTED_TYPES[mediaType];
  if (!extensions) return name;
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext && extensions.includes(ext) ? name : `${name}.${extensions[0]}`;
}

// Content-Disposition (ASCII fallback + RFC 8187 UTF-8 name) is shared with generated downloads.
export { asciiFileName, contentDisposition } from '../../platform/pdf/index.ts';
