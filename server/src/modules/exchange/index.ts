/**
 * The exchange module's public door (issue 6): the edXML codec and the mapping to EduGov documents; the
 * outbox (`enqueueMessage` in the caller's transaction, delivery with retries, dead letters and replay) and
 * the inbox (`receiveMessage`: stored first, validated, deduplicated, incoming document + status 01 or 02).
 */
import type { AppModule } from '../../platform/context.ts';
import { agenciesRoutes } from './agencies/agencies.routes.ts';
import { peerEndpointRoutes } from './axis/peer-endpoint.ts';
import { consoleRoutes } from './console/console.routes.ts';
import { exchangeJobs } from './exchange.jobs.ts';
import './exchange.tables.ts';
import { exchangeMigrations } from './migrations/index.ts';
import { setExchangePort } from '../documents/index.ts';
import { sendIssued } from './port/issued.port.ts';
import { sendIncomingStatus, sendRecall } from './port/status.port.ts';

// Documents reach the axis through this port (documents cannot import exchange: exchange imports documents).
setExchangePort({ sendIssued, sendIncomingStatus, sendRecall });

export const exchangeModule: AppModule = {
  name: 'exchange',
  migrations: exchangeMigrations,
  jobs: exchangeJobs,
  routes: async (app, deps) => {
    await consoleRoutes(app, deps);
    await agenciesRoutes(app, deps);
    await peerEndpointRoutes(app, deps);
  },
};

export * from './edxml/index.ts';
export {
  receivedPackage,
  packageOfOutgoing,
  priorityOfUrgency,
  urgencyOfPriority,
  edxmlDocumentType,
  documentTypeOfEdxml,
  type OrganizationDirectory,
  type ReceivedPackage,
  type OutgoingForExchange,
} from './exchange.mapping.ts';
export { enqueueMessage, deliverDueMessages, replayMessage, retryDelaySeconds } from './outbox/outbox.service.ts';
export { receiveMessage, pollInbox, type InboxDeps, type IntakeResult } from './inbox/inbox.service.ts';
export { syncAgencies, type AgencySyncReport } from './agencies/agencies.service.ts';
export { setAxisConnectorFactory, axisConnectorFor, type AxisConnectorFactory } from './exchange.connector.ts';
export * from './axis/axis.types.ts';
export { createHttpConnector, httpConnectorOptionsOf, type HttpConnectorOptions } from './axis/http-connector.ts';
export { startHub, type HubOptions, type RunningHub } from './axis/hub/hub.server.ts';
export { readHubSystems, readHubAgencies, type HubSystem } from './axis/hub/hub.accounts.ts';
