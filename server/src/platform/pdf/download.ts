/** Sending a generated file (a printout, an export) as a download. */
import type { FastifyReply } from 'fastify';

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** An ASCII stand-in for old clients: Vietnamese letters without diacritics, anything unsafe → `_`. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const normalized = name.normalize('NFC');
  const encoded = encodeURIComponent(normalized).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `${kind}; filename="${asciiFileName(normalized)}"; filename*=UTF-8''${encoded}`;
}

export interface Download {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly fileName: string;
  /** true: for showing in the browser (print preview); false (default): to save. */
  readonly inline?: boolean;
}

export function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  return reply
    .status(200)
    .header('content-type', file.mediaType)
    .header('content-length', String(file.bytes.byteLength))
    .header('content-disposition', contentDisposition(file.inline ? 'inline' : 'attachment', file.fileName))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}
