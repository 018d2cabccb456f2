/**
 * Where the outbox and the inbox get their axis connector: by default the HTTP connector built from the
 * configuration (tests pass a connector straight in the deps, or set another factory).
 * Without a connector the exchange jobs do nothing, and say so once in the log.
 */
import type { Logger } from 'pino';
import type { Config } from '../../platform/config.ts';
import type { AxisConnector } from './axis/axis.types.ts';
import { createHttpConnector, httpConnectorOptionsOf } from './axis/http-connector.ts';
import { peerConnectorOf } from './axis/peer-endpoint.ts';

export type AxisConnectorFactory = (config: Config) => AxisConnector | undefined;

/** The peers (EXCHANGE_PEERS / EXCHANGE_PEER_SYSTEMS), else the axis (EXCHANGE_AXIS_URL…) over HTTP, or none. */
const fromConfig: AxisConnectorFactory = (config) => {
  const peer = peerConnectorOf(config);
  if (peer) return peer;
  const options = httpConnectorOptionsOf(config);
  return options ? createHttpConnector(options) : undefined;
};

let factory: AxisConnectorFactory = fromConfig;
let cached: { config: Config; connector: AxisConnector | undefined } | undefined;
let saidNone = false;

/** Sets the factory (returns the previous one, so a caller can put it back). */
export function setAxisConnectorFactory(next: AxisConnectorFactory): AxisConnectorFactory {
  const previous = factory;
  factory = next;
  cached = undefined;
  saidNone = false;
  return previous;
}

/** The connector for this configuration, or undefined when no axis is configured (logged once). */
export function axisConnectorFor(config: Config, logger: Logger): AxisConnector | undefined {
  if (cached?.config !== config) cached = { config, connector: factory(config) };
  if (!cached.connector && !saidNone) {
    saidNone = true;
    logger.info('no interchange axis is configured: the exchange outbox and inbox jobs do nothing');
  }
  return cached.connector;
}
