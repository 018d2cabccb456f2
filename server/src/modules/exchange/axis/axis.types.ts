/**
 * The axis connector (issue 6; STANDARDS §2.8): what EduGov needs from a document interchange axis — the
 * national axis of Văn phòng Chính phủ (VXP/LGSP), another EduGov deployment (peer), or EduGov's reference
 * hub. Every implementation has these operations; the outbox and the inbox only talk to this interface.
 *
 * Messages are opaque edXML bytes (a document package or a status packet); the axis routes them by the
 * recipients' identifier codes (OrganId, e.g. "000.00.00.G03") and keeps its own message id.
 */

/** A document package (edXML with Bussiness) or a status packet (edXML status). */
export type AxisMessageType = 'edoc' | 'status';

/** The axis-level status of a received message (distinct from the edXML StatusCode 01…16). */
export const AXIS_STATUSES = ['inbox', 'acceptance', 'rejection', 'processing', 'done', 'fail'] as const;
export type AxisStatus = (typeof AXIS_STATUSES)[number];

export interface AxisSendInput {
  readonly type: AxisMessageType;
  /** The sender's identifier code (the organisation the package is from). */
  readonly from: string;
  /** Recipients' identifier codes (at least one, no duplicates). */
  readonly to: readonly string[];
  readonly xml: Uint8Array;
  /**
   * Makes a retried send safe: the axis returns the first send's messageId instead of storing a second copy.
   * The outbox passes a key stable across retries (e.g. its row id); when absent, the HTTP connector derives
   * one from the message (type, from, to, SHA-256 of the bytes).
   */
  readonly idempotencyKey?: string;
}

export interface AxisSendReceipt {
  /** The axis's id of the message (used to follow it). */
  readonly messageId: string;
  readonly acceptedAt: Date;
}

export interface AxisReceivedItem {
  readonly messageId: string;
  readonly type: AxisMessageType;
  /** The sender's identifier code as the axis knows it. */
  readonly from: string;
  /** The recipient (one of our organisations) this copy is for. */
  readonly to: string;
  readonly receivedAt: Date;
  readonly status: AxisStatus;
}

export interface AxisAgency {
  /** Identifier code (mã định danh), e.g. "000.00.00.G03". */
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
}

export interface AxisConnector {
  /** Which kind of axis this is (shown in the exchange console and the logs). */
  readonly kind: 'national' | 'peer' | 'hub';
  /** Hands a message to the axis; resolves when the axis has accepted (stored) it. */
  send(input: AxisSendInput): Promise<AxisSendReceipt>;
  /** Messages waiting for `organizationCode` (our organisation), oldest first; status 'inbox' by default. */
  listReceived(input: {
    organizationCode: string;
    type: AxisMessageType;
    status?: AxisStatus;
    limit?: number;
  }): Promise<AxisReceivedItem[]>;
  /** The bytes of a received message. */
  get(input: { organizationCode: string; messageId: string }): Promise<Uint8Array>;
  /** Moves a received message on (acceptance after storing it, rejection, done, …). */
  updateStatus(input: { organizationCode: string; messageId: string; status: AxisStatus }): Promise<void>;
  /** The axis's directory of agencies. */
  listAgencies(): Promise<AxisAgency[]>;
}

/**
 * A failure of the axis. `retryable` says whether trying again later may succeed (the axis is down, a
 * timeout, 5xx) or not (refused, unauthorised, not found): the outbox retries only the first kind.
 */
export class AxisError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'timeout' | 'refused' | 'unauthorized' | 'not_found' | 'protocol',
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'AxisError';
  }
}
