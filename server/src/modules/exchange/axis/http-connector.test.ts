/**
 * How the HTTP connector fails, against real sockets: what the outbox may retry (axis down, slow, 5xx, 429) and
 * what it must not (4xx), and that the SecretKey never leaves for another address.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AxisError } from './axis.types.ts';
import { createHttpConnector } from './http-connector.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        }),
    ),
  );
});

/** A server answering every request with `respond` (or never, when it returns 'hang'). */
async function serve(
  respond: (headers: IncomingHttpHeaders) => { status: number; body?: string; location?: string } | 'hang',
) {
  const server = createServer((req, res) => {
    req.resume();
    const answer = respond(req.headers);
    if (answer === 'hang') return;
    res.writeHead(answer.status, answer.location ? { location: answer.location } : {});
    res.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const connect = (baseUrl: string, timeoutMs = 2000) =>
  createHttpConnector({
    kind: 'hub',
    baseUrl,
    systemId: 'edugov-bo',
    secretKey: 'bo-secret-key-0123456789',
    timeoutMs,
  });

async function failure(promise: Promise<unknown>): Promise<AxisError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AxisError);
  return error as AxisError;
}

describe('HTTP axis connector failures', () => {
  it('a closed port is the axis being unavailable: retryable', async () => {
    const url = await serve(() => ({ status: 200 }));
    const closed = servers.pop()!;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(connect(url).listAgencies());
    expect([error.reason, error.retryable]).toEqual(['unavailable', true]);
  });

  it('a hub that does not answer in time is a timeout: retryable', async () => {
    const url = await serve(() => 'hang');
    const started = Date.now();
    const error = await failure(connect(url, 300).send({ type: 'edoc', from: 'A', to: ['B'], xml: new Uint8Array(8) }));
    expect([error.reason, error.retryable]).toEqual(['timeout', true]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('5xx and 429 are retryable, 4xx are not', async () => {
    const outcomes: [number, string, boolean][] = [];
    for (const status of [500, 503, 429, 400, 409, 413]) {
      const url = await serve(() => ({ status, body: JSON.stringify({ error: 'x', message: 'lý do' }) }));
      const error = await failure(connect(url).listAgencies());
      outcomes.push([status, error.reason, error.retryable]);
    }
    expect(outcomes).toEqual([
      [500, 'unavailable', true],
      [503, 'unavailable', true],
      [429, 'unavailable', true],
      [400, 'refused', false],
      [409, 'refused', false],
      [413, 'refused', false],
    ]);
  });

  it('an answer that is not the wire is a protocol error', async () => {
    const url = await serve(() => ({ status: 200, body: '<html>portal login</html>' }));
    const error = await failure(connect(url).listAgencies());
    expect([error.reason, error.retryable]).toEqual(['protocol', false]);
  });

  it('does not follow a redirect, so the SecretKey is not sent elsewhere', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const elsewhere = await serve((headers) => {
      seen.push(headers);
      return { status: 200, body: '{"agencies":[]}' };
    });
    const url = await serve(() => ({ status: 302, location: `${elsewhere}/v1/agencies` }));
    const error = await failure(connect(url).listAgencies());
    expect([error.reason, error.retryable]).toEqual(['protocol', false]);
    expect(seen).toEqual([]);
  });
});
