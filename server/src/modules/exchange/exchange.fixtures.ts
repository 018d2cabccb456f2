/**
 * Test fixtures of the exchange: an in-memory axis that stores and forwards like the real ones (each copy of
 * a message waits in its recipient's box until it is moved on with updateStatus), and can be told to fail.
 */
import { randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  AxisError,
  type AxisAgency,
  type AxisConnector,
  type AxisMessageType,
  type AxisReceivedItem,
  type AxisSendInput,
  type AxisSendReceipt,
  type AxisStatus,
} from './axis/axis.types.ts';

interface StoredCopy {
  item: AxisReceivedItem;
  xml: Uint8Array;
}

export class MemoryAxis implements AxisConnector {
  readonly kind = 'hub' as const;
  /** Every message accepted by send, in order. */
  readonly sent: (AxisSendInput & AxisSendReceipt)[] = [];
  /** Each send call, failed or not. */
  sendCalls = 0;
  readonly statusUpdates: { organizationCode: string; messageId: string; status: AxisStatus }[] = [];
  /** The directory listAgencies returns (tests set it). */
  agencies: AxisAgency[] = [];
  private readonly boxes = new Map<string, StoredCopy[]>();
  private failures: { remaining: number; error: AxisError }[] = [];

  /** The next `times` sends fail with this error (retryable or not). */
  failSends(times: number, retryable = true): this {
    const error = retryable
      ? new AxisError('unavailable', 'axis unavailable (test)', true)
      : new AxisError('refused', 'refused by the axis (test)', false);
    this.failures.push({ remaining: times, error });
    return this;
  }

  async send(input: AxisSendInput): Promise<AxisSendReceipt> {
    this.sendCalls++;
    const failure = this.failures.find((f) => f.remaining > 0);
    if (failure) {
      failure.remaining--;
      throw failure.error;
    }
    const receipt = { messageId: randomUUID(), acceptedAt: new Date() };
    this.sent.push({ ...input, ...receipt });
    for (const to of input.to) this.put(to, input.type, input.from, input.xml, receipt.messageId);
    return receipt;
  }

  /** Drops a message in `to`'s box as if another system had sent it; returns the axis message id. */
  deliver(input: { to: string; from: string; type?: AxisMessageType; xml: string | Uint8Array; messageId?: string }) {
    const xml = typeof input.xml === 'string' ? new TextEncoder().encode(input.xml) : input.xml;
    const id = input.messageId ?? randomUUID();
    this.put(input.to, input.type ?? 'edoc', input.from, xml, id);
    return id;
  }

  private put(to: string, type: AxisMessageType, from: string, xml: Uint8Array, messageId: string) {
    const box = this.boxes.get(to) ?? [];
    box.push({ item: { messageId, type, from, to, receivedAt: new Date(), status: 'inbox' }, xml });
    this.boxes.set(to, box);
  }

  async listReceived(input: {
    organizationCode: string;
    type: AxisMessageType;
    status?: AxisStatus;
    limit?: number;
  }): Promise<AxisReceivedItem[]> {
    return (this.boxes.get(input.organizationCode) ?? [])
      .filter((c) => c.item.type === input.type && c.item.status === (input.status ?? 'inbox'))
      .slice(0, input.limit ?? 100)
      .map((c) => c.item);
  }

  async get(input: { organizationCode: string; messageId: string }): Promise<Uint8Array> {
    const copy = this.copy(input.organizationCode, input.messageId);
    return copy.xml;
  }

  async updateStatus(input: { organizationCode: string; messageId: string; status: AxisStatus }): Promise<void> {
    const copy = this.copy(input.organizationCode, input.messageId);
    copy.item = { ...copy.item, status: input.status };
    this.statusUpdates.push(input);
  }

  async listAgencies(): Promise<AxisAgency[]> {
    return this.agencies.map((a) => ({ ...a }));
  }

  private copy(code: string, messageId: string): StoredCopy {
    const copy = (this.boxes.get(code) ?? []).find((c) => c.item.messageId === messageId);
    if (!copy) throw new AxisError('not_found', `no message ${messageId} for ${code}`, false);
    return copy;
  }
}

/** A small real PDF (for packages whose attachment is validated on arrival). */
export async function samplePdfBytes(text = 'Cong van so 45'): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}
