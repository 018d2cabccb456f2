/**
 * The /axis endpoint mounted in EduGov's own HTTP server (EXCHANGE_PEER_SYSTEMS): another deployment sends
 * to one of our organisations there, and our peer connector — the one the exchange jobs use — finds it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createLogger } from '../../../platform/logger.ts';
import { axisConnectorFor } from '../exchange.connector.ts';
import { AxisError } from './axis.types.ts';
import { createPeerConnector, readPeerEndpoints } from './peer-connector.ts';
import { HubStore } from './hub/hub.store.ts';

const BO = '000.00.00.G03';
const PEER_SECRET = 'peer-secret-key-0123456789';
let t: TestApp;
let dataDir: string;
let url: string;
let hanoiCode: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'edugov-peer-'));
  t = await createTestApp({
    config: {
      dataDir,
      exchangePeerSystems: [{ systemId: 'edugov-other', secretKey: PEER_SECRET, organizations: [BO] }],
    },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/axis`;
  const hn = await t.db
    .selectFrom('organizations')
    .select('identifier')
    .where('seed_key', '=', 'so-ha-noi')
    .executeTakeFirstOrThrow();
  hanoiCode = hn.identifier;
}, 60_000);
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const other = (secretKey: string) =>
  createPeerConnector({
    peers: readPeerEndpoints([{ url, systemId: 'edugov-other', secretKey, codes: [hanoiCode] }]),
    store: HubStore.open(undefined),
    timeoutMs: 5000,
  });

describe('[PEER] the /axis endpoint inside EduGov', () => {
  it('a peer sends to our organisation; our own connector lists and reads it', async () => {
    const xml = new TextEncoder().encode('<edXML:edXMLEnvelope>Quyết định</edXML:edXMLEnvelope>');
    const { messageId } = await other(PEER_SECRET).send({ type: 'edoc', from: BO, to: [hanoiCode], xml });
    const ours = axisConnectorFor(t.config, createLogger(t.config))!;
    expect(ours.kind).toBe('peer');
    const items = await ours.listReceived({ organizationCode: hanoiCode, type: 'edoc' });
    expect(items).toEqual([expect.objectContaining({ messageId, from: BO, to: hanoiCode })]);
    expect(Buffer.from(await ours.get({ organizationCode: hanoiCode, messageId })).toString('utf8')).toContain(
      'Quyết định',
    );
    // Our directory, by name, as the peer sees it.
    const agencies = await other(PEER_SECRET).listAgencies();
    expect(agencies).toEqual([expect.objectContaining({ code: hanoiCode, name: expect.stringContaining('Hà Nội') })]);
  });

  it('a wrong secret is 401 and not retryable; the API is untouched (no session needed, none given)', async () => {
    const error = await other('wrong-secret-key-0123456789')
      .send({ type: 'edoc', from: BO, to: [hanoiCode], xml: new Uint8Array([60, 97, 47, 62]) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxisError);
    expect((error as AxisError).reason).toBe('unauthorized');
    expect((error as AxisError).retryable).toBe(false);
  });
});
