/**
 * The documents module's port to the interchange axis (issue 6). The exchange module imports documents
 * (an arriving package becomes an incoming document), so documents cannot import exchange: it calls this
 * port instead, and the exchange module plugs its outbox in when it is loaded. Every call runs in the
 * caller's transaction, so a package or status packet is queued exactly when the change it reports commits.
 */
import type { Trx } from '../../platform/db/schema.ts';
import type { DocumentTypeCode, Urgency } from './documents.types.ts';

/** An organisation reached through the axis, as a recipient of an issued document. */
export interface AxisRecipient {
  readonly organizationId: string;
  readonly code: string;
  readonly name: string;
}

export interface ExchangePort {
  /**
   * Queues the issued document for its recipients reached through the axis (one package, every recipient in
   * To); returns the package's edXML DocumentId, kept on each axis dispatch.
   */
  sendIssued(trx: Trx, input: SendIssuedInput): Promise<{ documentId: string }>;
  /**
   * Queues a status packet (02 refused, 03 registered, 04 assigned, 05 in progress, 06 completed, 15/16 the
   * answer to a recall) to the sender of an incoming document that came over the axis. Each code goes at most
   * once and never after a further one (03 after 04 is dropped); nothing follows a refusal.
   */
  sendIncomingStatus(trx: Trx, input: SendIncomingStatusInput): Promise<void>;
  /** Queues the recall (status 13) of an issued document to its recipients reached through the axis. */
  sendRecall(trx: Trx, input: SendRecallInput): Promise<void>;
}

export interface SendIssuedInput {
  readonly outgoingId: string;
  readonly organizationId: string;
  readonly recipients: readonly AxisRecipient[];
  /** What the package's header says of the document. */
  readonly document: IssuedDocumentForAxis;
  /**
   * The official PDF first, then the annexes, as issued (signed when the organisation signs). The bytes are
   * read by the documents side, which has the file store at hand; the package carries them in Base64.
   */
  readonly files: readonly { readonly name: string; readonly contentType: string; readonly bytes: Uint8Array }[];
  /** Signs the package's XML with the organisation's key when the organisation signs (opened at issue). */
  readonly signer?: { readonly privateKeyPem: string; readonly certificatePem: string };
}

/** An issued outgoing document as the edXML header tells it (STANDARDS §2.3). */
export interface IssuedDocumentForAxis {
  /** Số as printed, leading zero kept ("05"), and ký hiệu ("BGDĐT-GDPT"). */
  readonly number: string;
  readonly notation: string;
  /** The document's date, yyyy-mm-dd, and the place the date line names. */
  readonly issuedOn: string;
  readonly place: string | null;
  readonly docType: DocumentTypeCode;
  readonly subject: string;
  readonly urgency: Urgency;
  readonly signerName: string | null;
  /** "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG" … as the signature block prints them. */
  readonly signerAuthority: string | null;
  readonly signerPosition: string | null;
  readonly replyDueOn: string | null;
  /** Nơi nhận as printed on the document. */
  readonly recipientsText: readonly string[];
}

export interface SendIncomingStatusInput {
  readonly incomingId: string;
  readonly organizationId: string;
  /** incoming_documents.source_reference of a document received over the axis (`edxml:<sender>:<DocumentId>`). */
  readonly sourceReference: string;
  readonly statusCode: '02' | '03' | '04' | '05' | '06' | '15' | '16';
  /** Vietnamese: the meaning of the code, or the reason of a refusal or of the answer to a recall. */
  readonly description: string;
}

export interface SendRecallInput {
  readonly outgoingId: string;
  readonly organizationId: string;
  readonly dispatches: readonly { readonly id: string; readonly recipientCode: string; readonly documentId: string }[];
  readonly reason: string;
}

let port: ExchangePort | undefined;

/** Plugged in by the exchange module when it is loaded. */
export function setExchangePort(next: ExchangePort): void {
  port = next;
}

/** The exchange's outbox; fails loudly when the exchange module is not loaded (a deployment error). */
export function exchangePort(): ExchangePort {
  if (!port) throw new Error('the exchange module is not loaded: nothing can be sent over the axis');
  return port;
}
