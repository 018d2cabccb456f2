/**
 * The /axis endpoint of a deployment that exchanges with peers (EXCHANGE_PEER_SYSTEMS set): the reference
 * hub's request handling, mounted inside EduGov's HTTP server, over a hub store in DATA_DIR/exchange-peer.
 * Peers send to our organisations here (and only to them: the directory is our organisations with people on
 * EduGov at start-up); our peer connector reads the same store. Outside /api: no session, no CSRF — the
 * peers authenticate with SystemId/SecretKey as on any hub.
 */
import path from 'node:path';
import type { Config } from '../../../platform/config.ts';
import type { AppDeps } from '../../../platform/context.ts';
import type { HttpServer } from '../../../platform/http/server.ts';
import { findOrganizationsByCodes, findPolledOrganizationCodes } from '../exchange.repository.ts';
import { readHubSystems } from './hub/hub.accounts.ts';
import { hubHandler } from './hub/hub.server.ts';
import { HubStore } from './hub/hub.store.ts';
import { createPeerConnector, readPeerEndpoints } from './peer-connector.ts';
import type { AxisConnector } from './axis.types.ts';

/** Where peers reach us: `<our public URL>/axis` is what we give them as our `url`. */
export const PEER_PREFIX = '/axis';

const stores = new Map<string, Promise<HubStore>>();

/** The one store of this data dir (the endpoint writes it, the connector reads it: the same object). */
export function peerStoreOf(config: Config): Promise<HubStore> {
  const dir = path.join(config.dataDir, 'exchange-peer');
  let store = stores.get(dir);
  if (!store) {
    store = HubStore.open(dir);
    stores.set(dir, store);
  }
  return store;
}

/** The peer connector when peer exchange is configured, else undefined. */
export function peerConnectorOf(config: Config): AxisConnector | undefined {
  if (config.exchangePeers === undefined && config.exchangePeerSystems === undefined) return undefined;
  const peers = config.exchangePeers === undefined ? [] : readPeerEndpoints(config.exchangePeers);
  return createPeerConnector({ peers, store: peerStoreOf(config) });
}

export async function peerEndpointRoutes(app: HttpServer, deps: AppDeps): Promise<void> {
  const { config, db } = deps;
  if (config.exchangePeerSystems === undefined) return;
  const systems = readHubSystems(config.exchangePeerSystems);
  const ours = await findOrganizationsByCodes(db, await findPolledOrganizationCodes(db));
  const handler = hubHandler(
    {
      systems,
      agencies: ours.map((o) => ({ code: o.identifier, name: o.name, parentCode: null })),
      maxBytes: config.edxmlMaxBytes,
      log: (entry) => deps.logger.info({ ...entry, peer: true }, 'axis peer request'),
    },
    await peerStoreOf(config),
  );
  await app.register(async (scope) => {
    // The hub reads the raw body itself (with its own size limit): no parsing here.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.route({
      method: ['GET', 'POST', 'PUT'],
      url: `${PEER_PREFIX}/*`,
      schema: { hide: true },
      handler: async (request, reply) => {
        reply.hijack();
        request.raw.url = request.raw.url!.slice(PEER_PREFIX.length) || '/';
        await handler(request.raw, reply.raw);
      },
    });
  });
}
