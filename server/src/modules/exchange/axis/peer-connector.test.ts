/**
 * The peer connector over real HTTP on loopback ports (no database): two EduGov deployments, A (the Bộ) and
 * B (Sở GD&ĐT Hà Nội), each serving the hub's operations for its own organisation over its own store — the
 * handling peer-endpoint.ts mounts at /axis — and each sending to the other by recipient code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AxisError } from './axis.types.ts';
import { readHubSystems } from './hub/hub.accounts.ts';
import { hubHandler } from './hub/hub.server.ts';
import { HubStore } from './hub/hub.store.ts';
import { createPeerConnector, readPeerEndpoints } from './peer-connector.ts';

const BO = '000.00.00.G03';
const SO_HN = '000.00.20.H26';
const A_SECRET = 'a-secret-key-0123456789';
const B_SECRET = 'b-secret-key-0123456789';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()) && s.closeAllConnections())),
  );
});

/** One deployment: its store, its endpoint (accepting the other's SystemId), its base URL. */
async function deployment(
  own: { code: string; name: string },
  peer: { systemId: string; secretKey: string; code: string },
) {
  const store = await HubStore.open(undefined);
  const handler = hubHandler(
    {
      systems: readHubSystems([{ systemId: peer.systemId, secretKey: peer.secretKey, organizations: [peer.code] }]),
      agencies: [{ code: own.code, name: own.name, parentCode: null }],
      maxBytes: 64 * 1024,
    },
    store,
  );
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  servers.push(server);
  return { store, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function pair(options: { aSecretAtB?: string } = {}) {
  // B lets A (system "edugov-bo") send as the Bộ; A lets B ("edugov-hn") send as the Sở.
  const a = await deployment(
    { code: BO, name: 'Bộ Giáo dục và Đào tạo' },
    { systemId: 'edugov-hn', secretKey: B_SECRET, code: SO_HN },
  );
  const b = await deployment(
    { code: SO_HN, name: 'Sở Giáo dục và Đào tạo Hà Nội' },
    { systemId: 'edugov-bo', secretKey: A_SECRET, code: BO },
  );
  const connectorA = createPeerConnector({
    peers: readPeerEndpoints([
      { url: b.url, systemId: 'edugov-bo', secretKey: options.aSecretAtB ?? A_SECRET, codes: [SO_HN] },
    ]),
    store: a.store,
    timeoutMs: 5000,
  });
  const connectorB = createPeerConnector({
    peers: readPeerEndpoints([{ url: a.url, systemId: 'edugov-hn', secretKey: B_SECRET, codes: [BO] }]),
    store: b.store,
    timeoutMs: 5000,
  });
  return { a: connectorA, b: connectorB };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const PACKAGE =
  '<edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">Công văn số 1</edXML:edXMLEnvelope>';

async function rejection(promise: Promise<unknown>): Promise<AxisError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AxisError);
  return error as AxisError;
}

describe('[PEER] two EduGov deployments, no hub', () => {
  it('A sends to B’s code; B lists it, reads the exact bytes, accepts it; B’s status reaches A', async () => {
    const { a, b } = await pair();
    const receipt = await a.send({
      type: 'edoc',
      from: BO,
      to: [SO_HN],
      xml: bytes(PACKAGE),
      idempotencyKey: 'outbox-1',
    });
    // Retried with the same key (a crash after the send): the same message, no second copy at B.
    const again = await a.send({
      type: 'edoc',
      from: BO,
      to: [SO_HN],
      xml: bytes(PACKAGE),
      idempotencyKey: 'outbox-1',
    });
    expect(again.messageId).toBe(receipt.messageId);

    const waiting = await b.listReceived({ organizationCode: SO_HN, type: 'edoc' });
    expect(waiting).toEqual([
      expect.objectContaining({ messageId: receipt.messageId, from: BO, to: SO_HN, status: 'inbox' }),
    ]);
    expect(Buffer.from(await b.get({ organizationCode: SO_HN, messageId: receipt.messageId })).toString('utf8')).toBe(
      PACKAGE,
    );
    await b.updateStatus({ organizationCode: SO_HN, messageId: receipt.messageId, status: 'acceptance' });
    expect(await b.listReceived({ organizationCode: SO_HN, type: 'edoc' })).toEqual([]);
    // Nothing arrived at A's own store.
    expect(await a.listReceived({ organizationCode: BO, type: 'edoc' })).toEqual([]);

    const status = await b.send({ type: 'status', from: SO_HN, to: [BO], xml: bytes('<status>01</status>') });
    const atA = await a.listReceived({ organizationCode: BO, type: 'status' });
    expect(atA.map((i) => [i.messageId, i.from])).toEqual([[status.messageId, SO_HN]]);
    expect(Buffer.from(await a.get({ organizationCode: BO, messageId: status.messageId })).toString('utf8')).toBe(
      '<status>01</status>',
    );
    // A's directory is B's organisation, by name.
    expect(await a.listAgencies()).toEqual([{ code: SO_HN, name: 'Sở Giáo dục và Đào tạo Hà Nội', parentCode: null }]);
  });

  it('a wrong secret: 401, not retryable; nothing stored at B', async () => {
    const { a, b } = await pair({ aSecretAtB: 'not-the-secret-0123456789' });
    const error = await rejection(a.send({ type: 'edoc', from: BO, to: [SO_HN], xml: bytes(PACKAGE) }));
    expect(error.reason).toBe('unauthorized');
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('not-the-secret');
    expect(await b.listReceived({ organizationCode: SO_HN, type: 'edoc' })).toEqual([]);
  });

  it('a recipient code no peer serves: refused at once, not retryable, nothing sent', async () => {
    const { a, b } = await pair();
    const error = await rejection(
      a.send({ type: 'edoc', from: BO, to: [SO_HN, '000.00.20.H40'], xml: bytes(PACKAGE) }),
    );
    expect(error.reason).toBe('refused');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('000.00.20.H40');
    expect(await b.listReceived({ organizationCode: SO_HN, type: 'edoc' })).toEqual([]);
  });

  it('moving a received message backwards is refused; an unknown one is not found', async () => {
    const { a, b } = await pair();
    const { messageId } = await a.send({ type: 'edoc', from: BO, to: [SO_HN], xml: bytes(PACKAGE) });
    await b.updateStatus({ organizationCode: SO_HN, messageId, status: 'done' });
    expect((await rejection(b.updateStatus({ organizationCode: SO_HN, messageId, status: 'inbox' }))).retryable).toBe(
      false,
    );
    expect((await rejection(b.get({ organizationCode: SO_HN, messageId: 'nope' }))).reason).toBe('not_found');
  });

  it('reads EXCHANGE_PEERS strictly: a code served by two peers, a bad URL, no codes', () => {
    expect(() =>
      readPeerEndpoints([
        { url: 'https://a.example/axis', systemId: 's', secretKey: 'k', codes: [SO_HN] },
        { url: 'ftp://b', systemId: 's2', secretKey: 'k', codes: [SO_HN] },
        { url: 'https://c.example/axis', systemId: 's3', secretKey: 'k', codes: [] },
      ]),
    ).toThrow(/code 000\.00\.20\.H26 is listed by two peers.*peers\[1\]\.url.*|peers\[1\]\.url.*code 000\.00\.20\.H26/);
  });
});
