/**
 * The AxisConnector over HTTP (the wire of axis.wire.ts): the reference hub, a sector hub, or the national axis
 * behind an adapter speaking this wire. Authenticates every request with SystemId/SecretKey (never logged, never
 * in an error message); every call has a timeout. Failures become AxisError: network errors, timeouts, 5xx and
 * 429 are retryable; other 4xx are not.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../../platform/config.ts';
import {
  AxisError,
  type AxisAgency,
  type AxisConnector,
  type AxisReceivedItem,
  type AxisSendInput,
  type AxisSendReceipt,
} from './axis.types.ts';
import {
  axisHeaders,
  axisPaths,
  axisQuery,
  readWireAgency,
  readWireItem,
  XML_CONTENT_TYPE,
  type AxisWireStatusUpdate,
} from './axis.wire.ts';

export interface HttpConnectorOptions {
  readonly kind: AxisConnector['kind'];
  /** Base URL of the axis; paths of axis.wire.ts are appended to it. */
  readonly baseUrl: string;
  readonly systemId: string;
  readonly secretKey: string;
  /** Per request, including reading the response (default 30 s). */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The connector options from the configuration, or undefined when no axis is configured. */
export function httpConnectorOptionsOf(config: Config): HttpConnectorOptions | undefined {
  const { exchangeAxisUrl, exchangeSystemId, exchangeSecretKey, exchangeAxisKind } = config;
  if (!exchangeAxisUrl || !exchangeSystemId || !exchangeSecretKey) return undefined;
  return { kind: exchangeAxisKind, baseUrl: exchangeAxisUrl, systemId: exchangeSystemId, secretKey: exchangeSecretKey };
}

export function createHttpConnector(options: HttpConnectorOptions): AxisConnector {
  const call = caller(options);
  return {
    kind: options.kind,

    async send(input: AxisSendInput): Promise<AxisSendReceipt> {
      const bytes = await call('POST', axisPaths.send(), {
        headers: {
          'content-type': XML_CONTENT_TYPE,
          [axisHeaders.messageType]: input.type,
          [axisHeaders.from]: input.from,
          [axisHeaders.to]: input.to.join(','),
          [axisHeaders.idempotencyKey]: input.idempotencyKey ?? defaultIdempotencyKey(input),
        },
        body: input.xml,
      });
      const body = jsonOf(bytes, 'send') as { messageId?: unknown; acceptedAt?: unknown };
      const acceptedAt = typeof body.acceptedAt === 'string' ? new Date(body.acceptedAt) : undefined;
      if (typeof body.messageId !== 'string' || !acceptedAt || Number.isNaN(acceptedAt.getTime())) {
        throw protocolError('send: the axis returned no messageId/acceptedAt');
      }
      return { messageId: body.messageId, acceptedAt };
    },

    async listReceived({ organizationCode, type, status = 'inbox', limit = 100 }): Promise<AxisReceivedItem[]> {
      const query = new URLSearchParams({ [axisQuery.type]: type, [axisQuery.status]: status });
      query.set(axisQuery.limit, String(limit));
      const bytes = await call('GET', `${axisPaths.received(organizationCode)}?${query}`);
      const body = jsonOf(bytes, 'listReceived') as { items?: unknown };
      if (!Array.isArray(body.items)) throw protocolError('listReceived: no items array');
      return body.items.map((raw) => readWireItem(raw) ?? throwProtocol('listReceived: a malformed item'));
    },

    async get({ organizationCode, messageId }): Promise<Uint8Array> {
      return call('GET', axisPaths.message(organizationCode, messageId));
    },

    async updateStatus({ organizationCode, messageId, status }): Promise<void> {
      const body: AxisWireStatusUpdate = { status };
      await call('PUT', axisPaths.status(organizationCode, messageId), {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    },

    async listAgencies(): Promise<AxisAgency[]> {
      const bytes = await call('GET', axisPaths.agencies());
      const body = jsonOf(bytes, 'listAgencies') as { agencies?: unknown };
      if (!Array.isArray(body.agencies)) throw protocolError('listAgencies: no agencies array');
      return body.agencies.map((raw) => readWireAgency(raw) ?? throwProtocol('listAgencies: a malformed agency'));
    },
  };
}

/** Stable across retries of the same message: type, sender, recipients and the SHA-256 of the bytes. */
function defaultIdempotencyKey(input: AxisSendInput): string {
  const hash = createHash('sha256');
  hash.update(`${input.type}\n${input.from}\n${input.to.join(',')}\n`);
  hash.update(input.xml);
  return hash.digest('hex');
}

interface CallInit {
  readonly headers?: Record<string, string>;
  readonly body?: Uint8Array | string;
}

/**
 * A fetch with credentials and a timeout; the response body is read under the same timeout, so a hub that
 * stalls mid-body also times out. Redirects are not followed (they would carry the SecretKey elsewhere).
 * Returns the body of a 2xx response.
 */
function caller(options: HttpConnectorOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (method: string, path: string, init: CallInit = {}): Promise<Uint8Array> => {
    const what = `${method} ${path.split('?')[0]}`;
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...init.headers,
          [axisHeaders.systemId]: options.systemId,
          [axisHeaders.secretKey]: options.secretKey,
        },
        body: init.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (response.status < 200 || response.status > 299) throw errorOfStatus(what, response.status, bytes);
      return bytes;
    } catch (error) {
      if (error instanceof AxisError) throw error;
      throw errorOfNetwork(what, error, timeoutMs);
    }
  };
}

function errorOfStatus(what: string, status: number, bytes: Uint8Array): AxisError {
  const detail = wireMessage(bytes);
  const message = `${what}: HTTP ${status}${detail ? ` — ${detail}` : ''}`;
  if (status === 401) return new AxisError('unauthorized', message, false);
  if (status === 403) return new AxisError('refused', message, false);
  if (status === 404) return new AxisError('not_found', message, false);
  if (status === 408) return new AxisError('timeout', message, true);
  if (status === 429 || status >= 500) return new AxisError('unavailable', message, true);
  if (status >= 400) return new AxisError('refused', message, false);
  return new AxisError('protocol', message, false);
}

/** The `message` of a wire error body, shortened; undefined when the body is not one. */
function wireMessage(bytes: Uint8Array): string | undefined {
  try {
    const body = JSON.parse(Buffer.from(bytes).toString('utf8')) as { error?: unknown; message?: unknown };
    const text = [body.error, body.message].filter((x) => typeof x === 'string').join(': ');
    return text === '' ? undefined : text.slice(0, 300);
  } catch {
    return undefined;
  }
}

function errorOfNetwork(what: string, error: unknown, timeoutMs: number): AxisError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AxisError('timeout', `${what}: no answer within ${timeoutMs} ms`, true);
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.message : String(error);
  return new AxisError('unavailable', `${what}: ${code}`, true);
}

function jsonOf(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw protocolError(`${what}: the axis answered with something other than JSON`);
  }
}

function protocolError(message: string): AxisError {
  return new AxisError('protocol', message, false);
}

function throwProtocol(message: string): never {
  throw protocolError(message);
}
