/**
 * The peer connector (issue 6): two EduGov deployments exchange directly over HTTPS, with no hub between them.
 * Each deployment serves the hub's operations itself, for its own organisations, under /axis (peer-endpoint.ts):
 * a peer sends to us there, and the message lands in our own hub store. So this connector
 *   - sends by recipient code to the peer that holds the code (EXCHANGE_PEERS), with the HTTP connector and
 *     the credentials that peer gave us; a code no peer holds is refused at once (not retryable);
 *   - lists, reads and moves on received messages in our own store, in-process (the same rules as the hub).
 * The wire is the hub's (axis.wire.ts), so a peer can equally be a reference hub or another EduGov.
 */
import {
  AxisError,
  type AxisAgency,
  type AxisConnector,
  type AxisReceivedItem,
  type AxisSendInput,
  type AxisSendReceipt,
  type AxisStatus,
} from './axis.types.ts';
import { createHttpConnector } from './http-connector.ts';
import { NEXT_STATUSES } from './hub/hub.server.ts';
import type { HubStore } from './hub/hub.store.ts';

/** A deployment we send to: its /axis base URL, the credentials it gave us, the codes it serves. */
export interface PeerEndpoint {
  readonly url: string;
  readonly systemId: string;
  readonly secretKey: string;
  readonly codes: readonly string[];
}

export interface PeerConnectorOptions {
  readonly peers: readonly PeerEndpoint[];
  /** Our own store, where peers' messages arrive (opened asynchronously at start-up, hence a promise). */
  readonly store: HubStore | Promise<HubStore>;
  readonly timeoutMs?: number;
}

/** Reads `[{url, systemId, secretKey, codes: [...]}]`; throws an Error listing what is wrong. */
export function readPeerEndpoints(json: unknown): PeerEndpoint[] {
  if (!Array.isArray(json))
    throw new Error('EXCHANGE_PEERS: expected a JSON array of {url, systemId, secretKey, codes}');
  const problems: string[] = [];
  const owner = new Map<string, number>();
  const peers = json.map((entry: unknown, i): PeerEndpoint => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const url = typeof e.url === 'string' ? e.url.trim() : '';
    const systemId = typeof e.systemId === 'string' ? e.systemId.trim() : '';
    const secretKey = typeof e.secretKey === 'string' ? e.secretKey : '';
    const codes = Array.isArray(e.codes)
      ? e.codes.filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim())
      : [];
    if (!/^https?:\/\/\S+$/.test(url)) problems.push(`peers[${i}].url must be an http(s) URL`);
    if (systemId === '' || secretKey === '') problems.push(`peers[${i}] needs a systemId and a secretKey`);
    if (codes.length === 0) problems.push(`peers[${i}].codes must list at least one identifier code`);
    for (const code of codes) {
      // One code, one peer: otherwise where a package goes would depend on the order of the list.
      if (owner.has(code) && owner.get(code) !== i) problems.push(`code ${code} is listed by two peers`);
      owner.set(code, i);
    }
    return { url, systemId, secretKey, codes };
  });
  if (problems.length > 0) throw new Error(problems.join('; '));
  return peers;
}

export function createPeerConnector(options: PeerConnectorOptions): AxisConnector {
  const peers = options.peers.map((peer) => ({
    peer,
    http: createHttpConnector({
      kind: 'peer',
      baseUrl: peer.url,
      systemId: peer.systemId,
      secretKey: peer.secretKey,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    }),
  }));
  const peerOf = (code: string) => peers.find((p) => p.peer.codes.includes(code));
  const store = async () => options.store;

  return {
    kind: 'peer',

    async send(input: AxisSendInput): Promise<AxisSendReceipt> {
      const unknown = input.to.filter((code) => !peerOf(code));
      if (unknown.length > 0) {
        throw new AxisError('refused', `no peer serves the recipients ${unknown.join(', ')}`, false);
      }
      // One send per peer, with that peer's recipients. If a later one fails, the retry sends to every peer
      // again with the same keys, and a peer that already took its copy answers with the first receipt.
      const receipts: AxisSendReceipt[] = [];
      for (const target of peers) {
        const to = input.to.filter((code) => target.peer.codes.includes(code));
        if (to.length === 0) continue;
        const key = input.idempotencyKey === undefined ? undefined : `${input.idempotencyKey}@${target.peer.systemId}`;
        receipts.push(await target.http.send({ ...input, to, ...(key !== undefined ? { idempotencyKey: key } : {}) }));
      }
      return { messageId: receipts.map((r) => r.messageId).join(' '), acceptedAt: receipts[0]!.acceptedAt };
    },

    async listReceived({ organizationCode, type, status = 'inbox', limit = 100 }): Promise<AxisReceivedItem[]> {
      return (await store()).listCopies(organizationCode, type, status, limit).map(({ message, copy }) => ({
        messageId: message.id,
        type: message.type,
        from: message.from,
        to: copy.to,
        receivedAt: new Date(message.acceptedAt),
        status: copy.status,
      }));
    },

    async get({ organizationCode, messageId }): Promise<Uint8Array> {
      const s = await store();
      const found = s.findCopy(organizationCode, messageId);
      if (!found) throw new AxisError('not_found', `no message ${messageId} for ${organizationCode}`, false);
      return s.readBody(found.message.id);
    },

    async updateStatus({ organizationCode, messageId, status }): Promise<void> {
      const s = await store();
      const found = s.findCopy(organizationCode, messageId);
      if (!found) throw new AxisError('not_found', `no message ${messageId} for ${organizationCode}`, false);
      const from: AxisStatus = found.copy.status;
      if (!NEXT_STATUSES[from].includes(status)) {
        throw new AxisError('refused', `cannot move a message from ${from} to ${status}`, false);
      }
      if (from !== status) await s.setStatus(found.copy, status);
    },

    /**
     * The organisations of every peer, named by that peer's directory; only the codes we route to it (its
     * directory also lists who may send to it, e.g. us). A peer that cannot be reached fails the call.
     */
    async listAgencies(): Promise<AxisAgency[]> {
      const byCode = new Map<string, AxisAgency>();
      for (const { peer, http } of peers) {
        for (const agency of await http.listAgencies())
          if (peer.codes.includes(agency.code)) byCode.set(agency.code, agency);
      }
      return [...byCode.values()];
    },
  };
}
