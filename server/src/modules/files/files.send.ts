/** Sending a file's bytes as an HTTP response: the same headers whichever route streams it. */
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../platform/context.ts';
import { contentDisposition, downloadName } from './files.names.ts';
import type { FileRow } from './files.repository.ts';
import { openFileStream } from './files.service.ts';

/**
 * A file response is a sandboxed document of its own: even opened directly in a tab it runs no script
 * and loads nothing but itself. (pdf.js in the app fetches the bytes with fetch(), which this CSP does not
 * govern: a response's CSP applies only when the response is rendered as a document.)
 */
export const FILE_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'";

export interface SendFileOptions {
  /** true: for showing in the page (preview); false: to save (attachment). */
  readonly inline: boolean;
}

/** Streams the file with Content-Type, Content-Length, Content-Disposition (UTF-8 name) and safe headers. */
export async function sendFile(
  deps: Pick<AppDeps, 'config'>,
  reply: FastifyReply,
  file: FileRow,
  options: SendFileOptions,
): Promise<FastifyReply> {
  const stream = await openFileStream(deps, file);
  return reply
    .status(200)
    .header('content-type', file.media_type)
    .header('content-length', String(file.size_bytes))
    .header(
      'content-disposition',
      contentDisposition(options.inline ? 'inline' : 'attachment', downloadName(file.original_name, file.media_type)),
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', FILE_CSP)
    .send(stream);
}
