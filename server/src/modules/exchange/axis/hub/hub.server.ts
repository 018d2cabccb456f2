/**
 * EduGov's reference hub: a small store-and-forward axis speaking the wire of axis.wire.ts (the operations of
 * STANDARDS §2.8). Systems authenticate with SystemId/SecretKey and may send as, and read for, only the
 * organisation codes they are registered for. Used by the integration tests and usable as a sector-internal
 * hub (`npm run exchange:hub`). Logs carry method, path, status and SystemId — never secrets or bodies.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AxisAgency, AxisStatus } from '../axis.types.ts';
import {
  axisHeaders,
  axisQuery,
  isAxisStatus,
  isMessageType,
  matchAxisPath,
  XML_CONTENT_TYPE,
  type AxisWireErrorCode,
  type AxisWireItem,
  type AxisWireReceipt,
} from '../axis.wire.ts';
import { authenticateSystem, hubDirectory, type HubSystem } from './hub.accounts.ts';
import { HubStore, type HubMessage } from './hub.store.ts';

export interface HubOptions {
  readonly systems: readonly HubSystem[];
  readonly agencies?: readonly AxisAgency[];
  /** Folder for messages and the index; in memory when absent. */
  readonly dataDir?: string;
  /** Largest message accepted (bytes). */
  readonly maxBytes: number;
  readonly port?: number;
  readonly host?: string;
  readonly log?: (entry: { method: string; path: string; status: number; systemId?: string; ms: number }) => void;
}

export interface RunningHub {
  /** Base URL, e.g. http://127.0.0.1:8790 */
  readonly url: string;
  readonly port: number;
  /** Every message the hub stored, oldest first (tests count them: one per idempotency key, whatever the resends). */
  messages(): readonly HubMessage[];
  /** The stored bytes of a message. */
  readBody(messageId: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

const LIST_LIMIT_DEFAULT = 100;
const LIST_LIMIT_MAX = 1000;
const STATUS_BODY_MAX = 1024;
const IDEMPOTENCY_KEY_MAX = 200;

/** Where a copy may go from each status: forward only; the terminal ones accept only themselves (a retry). */
export const NEXT_STATUSES: Record<AxisStatus, readonly AxisStatus[]> = {
  inbox: ['acceptance', 'rejection', 'processing', 'done', 'fail'],
  acceptance: ['acceptance', 'rejection', 'processing', 'done', 'fail'],
  processing: ['processing', 'done', 'fail'],
  rejection: ['rejection'],
  done: ['done'],
  fail: ['fail'],
};

class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: AxisWireErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const store = await HubStore.open(options.dataDir);
  const handler = hubHandler(options, store);
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    messages: () => store.list(),
    readBody: (messageId) => store.readBody(messageId),
    close: () => closeServer(server, store),
  };
}

/**
 * The hub's request handling over a store the caller opened: an EduGov deployment serving the hub's
 * operations to its peers from inside its own HTTP server (the peer connector reads the same store).
 */
export function hubHandler(options: HubOptions, store: HubStore) {
  const directory = hubDirectory(options.agencies ?? [], options.systems);
  return createHandler({ options, store, directory, known: new Set(directory.map((a) => a.code)) });
}

async function closeServer(server: Server, store: HubStore): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await store.flush();
}

interface HubContext {
  readonly options: HubOptions;
  readonly store: HubStore;
  readonly directory: readonly AxisAgency[];
  readonly known: ReadonlySet<string>;
}

function createHandler(ctx: HubContext) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://hub');
    let systemId: string | undefined;
    try {
      const system = authenticateSystem(
        ctx.options.systems,
        header(req, axisHeaders.systemId),
        header(req, axisHeaders.secretKey),
      );
      if (!system) throw new HubError(401, 'unauthorized', 'Sai SystemId hoặc SecretKey / wrong SystemId or SecretKey');
      systemId = system.systemId;
      await route(ctx, system, req, res, url);
    } catch (error) {
      const e =
        error instanceof HubError ? error : new HubError(500, 'internal', 'Lỗi của trục / internal error of the hub');
      if (!res.headersSent) sendJson(res, e.status, { error: e.code, message: e.message });
      else res.destroy();
      req.resume();
    } finally {
      ctx.options.log?.({
        method: req.method ?? '',
        path: url.pathname,
        status: res.statusCode,
        systemId,
        ms: Date.now() - started,
      });
    }
  };
}

async function route(ctx: HubContext, system: HubSystem, req: IncomingMessage, res: ServerResponse, url: URL) {
  const match = matchAxisPath(url.pathname);
  if (!match) throw new HubError(404, 'not_found', 'Không có đường dẫn này / no such path');
  const expect = (method: string) => {
    if (req.method !== method) throw new HubError(405, 'bad_request', `Dùng ${method} / use ${method}`);
  };
  switch (match.route) {
    case 'send':
      expect('POST');
      return send(ctx, system, req, res);
    case 'agencies':
      expect('GET');
      return sendJson(res, 200, { agencies: ctx.directory });
    case 'received':
      expect('GET');
      allowOrganization(system, match.organizationCode);
      return listReceived(ctx, match.organizationCode, url, res);
    case 'message': {
      expect('GET');
      allowOrganization(system, match.organizationCode);
      const { message } = getCopy(ctx, match.organizationCode, match.messageId);
      const body = await ctx.store.readBody(message.id);
      res.writeHead(200, { 'content-type': XML_CONTENT_TYPE, 'content-length': body.byteLength });
      res.end(body);
      return;
    }
    case 'status':
      expect('PUT');
      allowOrganization(system, match.organizationCode);
      return updateStatus(ctx, match.organizationCode, match.messageId, req, res);
  }
}

async function send(ctx: HubContext, system: HubSystem, req: IncomingMessage, res: ServerResponse) {
  const type = header(req, axisHeaders.messageType);
  const from = header(req, axisHeaders.from) ?? '';
  const to = (header(req, axisHeaders.to) ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  const key = header(req, axisHeaders.idempotencyKey) ?? null;
  if (!isMessageType(type)) throw new HubError(400, 'bad_request', 'Loại thông điệp phải là edoc hoặc status');
  allowOrganization(system, from);
  if (to.length === 0 || new Set(to).size !== to.length) {
    throw new HubError(
      400,
      'bad_request',
      'Cần ít nhất một nơi nhận, không trùng / at least one recipient, no repeats',
    );
  }
  const unknown = to.filter((code) => !ctx.known.has(code));
  if (unknown.length > 0) {
    throw new HubError(
      400,
      'unknown_recipient',
      `Trục không biết nơi nhận / unknown recipients: ${unknown.join(', ')}`,
    );
  }
  if (key !== null && key.length > IDEMPOTENCY_KEY_MAX)
    throw new HubError(400, 'bad_request', 'Idempotency-Key dài quá');
  const bytes = await readBody(req, ctx.options.maxBytes);
  if (bytes.byteLength === 0) throw new HubError(400, 'bad_request', 'Thông điệp rỗng / empty message');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = () => (key === null ? undefined : ctx.store.findByIdempotencyKey(system.systemId, key));
  const { message, created } = await ctx.store.add(
    { type, from, to, systemId: system.systemId, idempotencyKey: key, sha256, size: bytes.byteLength },
    bytes,
    existing,
  );
  if (!created && !sameMessage(message, { type, from, to, sha256 })) {
    throw new HubError(409, 'conflict', 'Idempotency-Key đã dùng cho thông điệp khác / key reused for another message');
  }
  const receipt: AxisWireReceipt = { messageId: message.id, acceptedAt: message.acceptedAt };
  sendJson(res, created ? 201 : 200, receipt);
}

function sameMessage(m: HubMessage, x: { type: string; from: string; to: readonly string[]; sha256: string }) {
  const to = m.copies.map((c) => c.to);
  return m.type === x.type && m.from === x.from && m.sha256 === x.sha256 && to.join(',') === x.to.join(',');
}

function listReceived(ctx: HubContext, organizationCode: string, url: URL, res: ServerResponse) {
  const type = url.searchParams.get(axisQuery.type) ?? 'edoc';
  const status = url.searchParams.get(axisQuery.status) ?? 'inbox';
  const limitText = url.searchParams.get(axisQuery.limit);
  const limit = limitText === null ? LIST_LIMIT_DEFAULT : Number(limitText);
  if (!isMessageType(type) || !isAxisStatus(status)) throw new HubError(400, 'bad_request', 'type hoặc status sai');
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) {
    throw new HubError(400, 'bad_request', `limit: 1–${LIST_LIMIT_MAX}`);
  }
  const items: AxisWireItem[] = ctx.store
    .listCopies(organizationCode, type, status, limit)
    .map(({ message, copy }) => ({
      messageId: message.id,
      type: message.type,
      from: message.from,
      to: copy.to,
      receivedAt: message.acceptedAt,
      status: copy.status,
    }));
  sendJson(res, 200, { items });
}

async function updateStatus(
  ctx: HubContext,
  organizationCode: string,
  messageId: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const { copy } = getCopy(ctx, organizationCode, messageId);
  let status: unknown;
  try {
    status = (JSON.parse(Buffer.from(await readBody(req, STATUS_BODY_MAX)).toString('utf8')) as { status?: unknown })
      .status;
  } catch (error) {
    if (error instanceof HubError) throw error;
    throw new HubError(400, 'bad_request', 'Cần JSON {status} / expected JSON {status}');
  }
  if (!isAxisStatus(status)) throw new HubError(400, 'bad_request', 'Trạng thái không hợp lệ / invalid status');
  if (!NEXT_STATUSES[copy.status].includes(status)) {
    throw new HubError(409, 'conflict', `Không chuyển được từ ${copy.status} sang ${status}`);
  }
  if (copy.status !== status) await ctx.store.setStatus(copy, status);
  res.writeHead(204).end();
}

function getCopy(ctx: HubContext, organizationCode: string, messageId: string) {
  const found = ctx.store.findCopy(organizationCode, messageId);
  if (!found) throw new HubError(404, 'not_found', 'Không có thông điệp này / no such message');
  return found;
}

function allowOrganization(system: HubSystem, organizationCode: string) {
  if (!system.organizations.includes(organizationCode)) {
    throw new HubError(403, 'forbidden', `Hệ thống không được dùng mã ${organizationCode} / not registered for it`);
  }
}

/** The request body, refused with 413 beyond `maxBytes` (by Content-Length first, else while reading). */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new HubError(413, 'too_large', `Thông điệp vượt quá ${maxBytes} byte / larger than the limit`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large (keeping nothing), so the client gets the 413 and not a reset.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  if (size > maxBytes) throw tooLarge();
  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
