/** The documents module's public door: register books and incoming documents (outgoing ones come next). */
import type { AppModule } from '../../platform/context.ts';
import './documents.tables.ts';
import { exportsRoutes } from './exports/exports.routes.ts';
import { incomingJobs } from './incoming/incoming.jobs.ts';
import { incomingRoutes } from './incoming/incoming.routes.ts';
import { documentsMigrations } from './migrations/index.ts';
import { copiesRoutes } from './outgoing/copies/index.ts';
import { outgoingDraftRoutes } from './outgoing/drafts/drafts.routes.ts';
import { issuingRoutes } from './outgoing/issuing/issuing.routes.ts';
import { numberingRoutes } from './outgoing/numbering/index.ts';
import { registersRoutes } from './registers/registers.routes.ts';
import { supervisionRoutes } from './supervision/supervision.routes.ts';

export const documentsModule: AppModule = {
  name: 'documents',
  migrations: documentsMigrations,
  jobs: incomingJobs,
  routes: async (app, deps) => {
    await registersRoutes(app, deps);
    await incomingRoutes(app, deps);
    await exportsRoutes(app, deps);
    await supervisionRoutes(app, deps);
    await numberingRoutes(app, deps);
    await outgoingDraftRoutes(app, deps);
    await issuingRoutes(app, deps);
    await copiesRoutes(app, deps);
  },
};

export { receiveIncoming, type ReceivedFromOrganization } from './incoming/incoming.service.ts';
export {
  receiveFromAxis,
  axisSourceReference,
  applySenderUpdate,
  markReplacedBySender,
  type ReceivedOverAxis,
  type AxisDocumentMetadata,
  type AxisFile,
  type SenderUpdateRefusal,
} from './incoming/incoming.exchange.ts';
export { requestRecallOverAxis, type AxisRecallRequest } from './incoming/incoming.recall.ts';
export { applyAxisRecipientStatus, type AxisRecipientStatus } from './outgoing/issuing/issuing.status.ts';
export { seedDemoIncoming } from './incoming/incoming.demo.ts';
export { DOCUMENT_TYPES, type DocumentTypeCode, type Urgency, type Confidentiality } from './documents.types.ts';
export {
  setExchangePort,
  type ExchangePort,
  type AxisRecipient,
  type SendIssuedInput,
  type IssuedDocumentForAxis,
  type SendIncomingStatusInput,
  type SendRecallInput,
} from './documents.exchange-port.ts';
