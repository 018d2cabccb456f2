/**
 * Status packets we send (STANDARDS §2.7): what a packet answers (ResponseFor), and the packet itself queued
 * in the outbox in the caller's transaction — the inbox's 01/02 on intake, the workflow's 02–06 and 15/16
 * through the documents' port, and our recalls (13).
 */
import type { Trx } from '../../../platform/db/schema.ts';
import { buildEdxml } from '../edxml/edxml.build.ts';
import { toEdxmlMoment } from '../edxml/edxml.dates.ts';
import type { EdxmlPackage, EdxmlResponseFor, EdxmlStatus } from '../edxml/edxml.types.ts';
import { readDocumentId } from '../edxml/edxml.validate.ts';
import type { OrganizationByCode } from '../exchange.repository.ts';
import { enqueueMessage } from '../outbox/outbox.service.ts';

/** ResponseFor of a status about a package we received from `senderCode`. */
export function responseForPackage(p: EdxmlPackage, senderCode: string): EdxmlResponseFor {
  return {
    organId: senderCode,
    code: p.code.codeNotation ? `${p.code.codeNumber}/${p.code.codeNotation}` : p.code.codeNumber,
    promulgationDate: p.promulgationInfo.promulgationDate,
    documentId: p.documentId,
  };
}

/**
 * ResponseFor of a status about a document known only by its DocumentId: the number and the date are read
 * from it when it has the standard's form (ours always does).
 */
export function responseForDocumentId(organId: string, documentId: string): EdxmlResponseFor {
  const parts = readDocumentId(documentId);
  return {
    organId,
    ...(parts ? { code: parts.code, promulgationDate: parts.promulgationDate } : {}),
    documentId,
  };
}

export interface StatusPacket {
  /** Our organisation, which sends the packet. */
  readonly org: Pick<OrganizationByCode, 'id' | 'name' | 'identifier'>;
  readonly toCodes: readonly string[];
  readonly responseFor: EdxmlResponseFor;
  readonly statusCode: string;
  /** Vietnamese text: the meaning of the code, or the reason of a refusal or of a recall. */
  readonly description: string;
  readonly now: Date;
  readonly incomingId?: string | null;
  readonly outgoingId?: string | null;
}

/** Queues a status packet for the axis (sent only if the caller's transaction commits). */
export async function queueStatusPacket(trx: Trx, s: StatusPacket): Promise<void> {
  const status: EdxmlStatus = {
    kind: 'status',
    responseFor: s.responseFor,
    from: { organId: s.org.identifier, organName: s.org.name },
    statusCode: s.statusCode,
    description: s.description.slice(0, 2000),
    timestamp: toEdxmlMoment(s.now),
  };
  await enqueueMessage(trx, {
    organizationId: s.org.id,
    type: 'status',
    fromCode: s.org.identifier,
    toCodes: s.toCodes,
    xml: buildEdxml(status),
    documentId: s.responseFor.documentId ?? null,
    statusCode: s.statusCode,
    incomingId: s.incomingId ?? null,
    outgoingId: s.outgoingId ?? null,
  });
}
