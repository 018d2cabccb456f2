/**
 * Status packets and recalls about documents that travel over the axis (documents' ExchangePort, STANDARDS
 * §2.7 and §2.9 item 4): the recipient's workflow tells the sender 02–06 and answers a recall with 15/16; the
 * sender recalls a document (13). Each packet is queued in the caller's transaction.
 */
import type { SendIncomingStatusInput, SendRecallInput } from '../../documents/index.ts';
import { getOrganizationById } from '../../org/index.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import { parseEdxml } from '../edxml/edxml.parse.ts';
import type { EdxmlResponseFor } from '../edxml/edxml.types.ts';
import * as repo from '../exchange.repository.ts';
import { queueStatusPacket, responseForDocumentId, responseForPackage } from '../status/status.queue.ts';

/** The handling codes in their order: the sender hears each at most once and never a step back. */
const PROGRESS = ['03', '04', '05', '06'];

/**
 * Whether a status is news to the sender, given the codes already queued about the document: a refusal (02)
 * ends the conversation and comes only before registration (03); 03–06 only beyond the furthest one sent.
 * The answers to a recall (15/16) always go: one per request, which the documents side checks is pending.
 */
function isNewStatus(queued: readonly string[], code: string): boolean {
  if (code === '15' || code === '16') return true;
  if (queued.includes('02')) return false;
  if (code === '02') return !queued.some((c) => PROGRESS.includes(c));
  const rank = PROGRESS.indexOf(code);
  return rank >= 0 && !queued.some((c) => PROGRESS.indexOf(c) >= rank);
}

/** The axis sender and the DocumentId in an incoming document's source reference (`edxml:<sender>:<DocumentId>`). */
function readSourceReference(reference: string): { senderCode: string; documentId: string } {
  const m = /^edxml:([^:]+):(.+)$/s.exec(reference);
  if (!m) throw new Error(`not a document received over the axis: ${reference}`);
  return { senderCode: m[1]!, documentId: m[2]! };
}

/** What our status answers: read from the package as received (its number and date as the sender wrote them). */
async function responseForReceived(
  trx: Trx,
  organizationId: string,
  senderCode: string,
  documentId: string,
): Promise<EdxmlResponseFor> {
  const raw = await repo.findAcceptedPackageRaw(trx, organizationId, senderCode, documentId);
  const parsed = raw ? parseEdxml(new Uint8Array(raw), { limits: { maxBytes: raw.byteLength } }) : undefined;
  if (parsed?.ok && parsed.message.kind === 'package') {
    return responseForPackage(parsed.message, parsed.message.from.organId);
  }
  return responseForDocumentId(senderCode, documentId);
}

export async function sendIncomingStatus(trx: Trx, input: SendIncomingStatusInput): Promise<void> {
  const { senderCode, documentId } = readSourceReference(input.sourceReference);
  const queued = await repo.findStatusCodesQueued(trx, {
    organizationId: input.organizationId,
    documentId,
    incomingId: input.incomingId,
  });
  if (!isNewStatus(queued, input.statusCode)) return;
  await queueStatusPacket(trx, {
    org: await getOrganizationById(trx, input.organizationId),
    toCodes: [senderCode],
    responseFor: await responseForReceived(trx, input.organizationId, senderCode, documentId),
    statusCode: input.statusCode,
    description: input.description,
    now: new Date(),
    incomingId: input.incomingId,
  });
}

/** One status 13 per package recalled (usually one), to every recipient code it went to. */
export async function sendRecall(trx: Trx, input: SendRecallInput): Promise<void> {
  const org = await getOrganizationById(trx, input.organizationId);
  const recipientsOf = new Map<string, string[]>();
  for (const d of input.dispatches)
    recipientsOf.set(d.documentId, [...(recipientsOf.get(d.documentId) ?? []), d.recipientCode]);
  const now = new Date();
  for (const [documentId, toCodes] of recipientsOf) {
    await queueStatusPacket(trx, {
      org,
      toCodes,
      responseFor: responseForDocumentId(org.identifier, documentId),
      statusCode: '13',
      description: input.reason,
      now,
      outgoingId: input.outgoingId,
    });
  }
}
