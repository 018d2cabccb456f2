/**
 * The reference hub and the HTTP connector, over real HTTP on a loopback port (no database): two systems — the
 * Bộ (000.00.00.G03) and Sở GD&ĐT Hà Nội — exchange through the hub as the outbox and inbox will.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AxisError, type AxisConnector } from './axis.types.ts';
import { readHubAgencies, readHubSystems } from './hub/hub.accounts.ts';
import { startHub, type HubOptions, type RunningHub } from './hub/hub.server.ts';
import { createHttpConnector } from './http-connector.ts';

const BO = '000.00.00.G03';
const SO_HN = '000.00.20.H26';
const SO_NA = '000.00.20.H40';

const systems = readHubSystems([
  { systemId: 'edugov-bo', secretKey: 'bo-secret-key-0123456789', organizations: [BO] },
  { systemId: 'edugov-hn', secretKey: 'hn-secret-key-0123456789', organizations: [SO_HN] },
]);
const agencies = readHubAgencies([
  { code: BO, name: 'Bộ Giáo dục và Đào tạo' },
  { code: SO_HN, name: 'Sở Giáo dục và Đào tạo Hà Nội', parentCode: '000.00.00.H26' },
  { code: SO_NA, name: 'Sở Giáo dục và Đào tạo Nghệ An' },
]);

const running: RunningHub[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function hub(options: Partial<HubOptions> = {}): Promise<RunningHub> {
  const started = await startHub({ systems, agencies, maxBytes: 64 * 1024, ...options });
  running.push(started);
  return started;
}

function connector(url: string, systemId: string, secretKey: string, timeoutMs = 5000): AxisConnector {
  return createHttpConnector({ kind: 'hub', baseUrl: url, systemId, secretKey, timeoutMs });
}
const asBo = (h: RunningHub) => connector(h.url, 'edugov-bo', 'bo-secret-key-0123456789');
const asHn = (h: RunningHub) => connector(h.url, 'edugov-hn', 'hn-secret-key-0123456789');

/** An edXML-like body with Vietnamese text, a BOM-free UTF-8 and a CRLF, so "exact bytes" means something. */
const xml = (subject: string) =>
  new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?>\r\n<edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:Subject>${subject}</edXML:Subject></edXML:edXMLEnvelope>`,
  );

async function rejection(promise: Promise<unknown>): Promise<AxisError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AxisError);
  return error as AxisError;
}

describe('reference hub over the HTTP connector', () => {
  it('delivers a package from the Bộ to the Sở: listed, the exact bytes, status moved on', async () => {
    const h = await hub();
    const bytes = xml('Về việc hướng dẫn nhiệm vụ năm học 2026–2027');
    const receipt = await asBo(h).send({ type: 'edoc', from: BO, to: [SO_HN], xml: bytes });

    const inbox = await asHn(h).listReceived({ organizationCode: SO_HN, type: 'edoc' });
    expect(inbox).toEqual([
      {
        messageId: receipt.messageId,
        type: 'edoc',
        from: BO,
        to: SO_HN,
        receivedAt: receipt.acceptedAt,
        status: 'inbox',
      },
    ]);
    expect(await asHn(h).listReceived({ organizationCode: SO_HN, type: 'status' })).toEqual([]);
    expect(Buffer.from(await asHn(h).get({ organizationCode: SO_HN, messageId: receipt.messageId }))).toEqual(
      Buffer.from(bytes),
    );

    await asHn(h).updateStatus({ organizationCode: SO_HN, messageId: receipt.messageId, status: 'acceptance' });
    expect(await asHn(h).listReceived({ organizationCode: SO_HN, type: 'edoc' })).toEqual([]);
    const accepted = await asHn(h).listReceived({ organizationCode: SO_HN, type: 'edoc', status: 'acceptance' });
    expect(accepted.map((i) => i.messageId)).toEqual([receipt.messageId]);
    // A retried update is harmless; going back to the inbox, or on from a final status, is refused.
    await asHn(h).updateStatus({ organizationCode: SO_HN, messageId: receipt.messageId, status: 'acceptance' });
    await asHn(h).updateStatus({ organizationCode: SO_HN, messageId: receipt.messageId, status: 'done' });
    const back = await rejection(
      asHn(h).updateStatus({ organizationCode: SO_HN, messageId: receipt.messageId, status: 'processing' }),
    );
    expect([back.reason, back.retryable]).toEqual(['refused', false]);
  });

  it('keeps each organisation to its own inbox and identity', async () => {
    const h = await hub();
    const { messageId } = await asBo(h).send({ type: 'edoc', from: BO, to: [SO_HN], xml: xml('Mật') });

    const list = await rejection(asBo(h).listReceived({ organizationCode: SO_HN, type: 'edoc' }));
    expect([list.reason, list.retryable]).toEqual(['refused', false]);
    const read = await rejection(asBo(h).get({ organizationCode: SO_HN, messageId }));
    expect(read.reason).toBe('refused');
    const status = await rejection(asBo(h).updateStatus({ organizationCode: SO_HN, messageId, status: 'done' }));
    expect(status.reason).toBe('refused');
    // Nor may the Sở send in the Bộ's name.
    const forged = await rejection(asHn(h).send({ type: 'edoc', from: BO, to: [SO_HN], xml: xml('Giả') }));
    expect(forged.reason).toBe('refused');
    // The Sở's own inbox has not been touched.
    expect((await asHn(h).listReceived({ organizationCode: SO_HN, type: 'edoc' })).map((i) => i.status)).toEqual([
      'inbox',
    ]);
    // An unknown message id of one's own organisation is not found.
    const missing = await rejection(asHn(h).get({ organizationCode: SO_HN, messageId: 'no-such-id' }));
    expect([missing.reason, missing.retryable]).toEqual(['not_found', false]);
  });

  it('refuses a wrong SecretKey and an unknown SystemId, and does not echo the secret', async () => {
    const h = await hub();
    const wrong = await rejection(connector(h.url, 'edugov-bo', 'hn-secret-key-0123456789').listAgencies());
    expect([wrong.reason, wrong.retryable]).toEqual(['unauthorized', false]);
    expect(wrong.message).not.toContain('hn-secret-key');
    const unknown = await rejection(connector(h.url, 'nobody', 'bo-secret-key-0123456789').listAgencies());
    expect(unknown.reason).toBe('unauthorized');
  });

  it('answers a resent message with the same messageId and keeps one copy', async () => {
    const h = await hub();
    const input = { type: 'edoc' as const, from: BO, to: [SO_HN, SO_NA], xml: xml('Gửi lại') };
    const first = await asBo(h).send(input);
    const again = await asBo(h).send(input);
    const keyed = await asBo(h).send({ ...input, idempotencyKey: 'outbox-42' });
    const keyedAgain = await asBo(h).send({ ...input, idempotencyKey: 'outbox-42' });

    expect(again.messageId).toBe(first.messageId);
    expect(keyedAgain.messageId).toBe(keyed.messageId);
    expect(keyed.messageId).not.toBe(first.messageId);
    expect((await asHn(h).listReceived({ organizationCode: SO_HN, type: 'edoc' })).map((i) => i.messageId)).toEqual([
      first.messageId,
      keyed.messageId,
    ]);
    // Concurrent retries (a send timed out client-side while the hub stored it) still store one copy.
    const racing = await Promise.all([1, 2, 3].map(() => asBo(h).send({ ...input, idempotencyKey: 'outbox-43' })));
    expect(new Set(racing.map((r) => r.messageId)).size).toBe(1);
    expect(await asHn(h).listReceived({ organizationCode: SO_HN, type: 'edoc' })).toHaveLength(3);
    // The same key for different bytes is a client bug, refused rather than silently merged.
    const reused = await rejection(asBo(h).send({ ...input, xml: xml('Khác'), idempotencyKey: 'outbox-42' }));
    expect([reused.reason, reused.retryable]).toEqual(['refused', false]);
  });

  it('keeps every message and status across a restart with a data dir', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'edugov-hub-'));
    folders.push(dataDir);
    const first = await hub({ dataDir });
    const a = await asBo(first).send({ type: 'edoc', from: BO, to: [SO_HN], xml: xml('Trước khi khởi động lại') });
    const b = await asHn(first).send({ type: 'status', from: SO_HN, to: [BO], xml: xml('01') });
    await asHn(first).updateStatus({ organizationCode: SO_HN, messageId: a.messageId, status: 'processing' });
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await hub({ dataDir });
    const processing = await asHn(second).listReceived({ organizationCode: SO_HN, type: 'edoc', status: 'processing' });
    expect(processing.map((i) => i.messageId)).toEqual([a.messageId]);
    const statuses = await asBo(second).listReceived({ organizationCode: BO, type: 'status' });
    expect(statuses.map((i) => [i.messageId, i.from])).toEqual([[b.messageId, SO_HN]]);
    expect(Buffer.from(await asBo(second).get({ organizationCode: BO, messageId: b.messageId }))).toEqual(
      Buffer.from(xml('01')),
    );
    // A retry after the restart still finds the first send.
    const retried = await asBo(second).send({
      type: 'edoc',
      from: BO,
      to: [SO_HN],
      xml: xml('Trước khi khởi động lại'),
    });
    expect(retried.messageId).toBe(a.messageId);
    expect((await readdir(dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an oversize message and an unknown recipient, not to be retried', async () => {
    const h = await hub({ maxBytes: 2048 });
    const big = await rejection(asBo(h).send({ type: 'edoc', from: BO, to: [SO_HN], xml: new Uint8Array(4096) }));
    expect([big.reason, big.retryable]).toEqual(['refused', false]);
    expect(big.message).toContain('413');
    const unknown = await rejection(asBo(h).send({ type: 'edoc', from: BO, to: ['000.00.99.H99'], xml: xml('?') }));
    expect([unknown.reason, unknown.retryable]).toEqual(['refused', false]);
    expect(await asHn(h).listReceived({ organizationCode: SO_HN, type: 'edoc' })).toEqual([]);
  });

  it('lists the agency directory, with organisations registered by systems', async () => {
    const h = await hub({ agencies: agencies.filter((a) => a.code !== SO_HN) });
    const directory = await asHn(h).listAgencies();
    expect(directory).toEqual([
      { code: BO, name: 'Bộ Giáo dục và Đào tạo', parentCode: null },
      { code: SO_NA, name: 'Sở Giáo dục và Đào tạo Nghệ An', parentCode: null },
      { code: SO_HN, name: SO_HN, parentCode: null },
    ]);
  });
});
