/**
 * The hub's message store: one record per message with a copy (and status) per recipient. With a data dir,
 * each message's bytes are a file `messages/<id>.xml` and the records are `index.json`, both written to a
 * temporary file, fsynced and renamed, bytes first — so a crash or restart loses nothing the hub acknowledged.
 * Without a data dir everything stays in memory (tests). Writes are serialised: one change at a time.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { AxisMessageType, AxisStatus } from '../axis.types.ts';

export interface HubCopy {
  readonly to: string;
  status: AxisStatus;
  updatedAt: string;
}

export interface HubMessage {
  readonly id: string;
  readonly type: AxisMessageType;
  readonly from: string;
  /** The system that sent it, and its idempotency key (unique per system). */
  readonly systemId: string;
  readonly idempotencyKey: string | null;
  readonly sha256: string;
  readonly size: number;
  readonly acceptedAt: string;
  readonly copies: HubCopy[];
}

export type NewHubMessage = Omit<HubMessage, 'id' | 'acceptedAt' | 'copies'> & { readonly to: readonly string[] };

const INDEX_FILE = 'index.json';

export class HubStore {
  private readonly messages: HubMessage[] = [];
  private readonly bodies = new Map<string, Uint8Array>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly dataDir: string | undefined) {}

  /** Opens the store, reading the index back when the data dir has one. */
  static async open(dataDir: string | undefined): Promise<HubStore> {
    const store = new HubStore(dataDir);
    if (dataDir) {
      await mkdir(path.join(dataDir, 'messages'), { recursive: true });
      const text = await readFile(path.join(dataDir, INDEX_FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
      if (text !== undefined) store.messages.push(...(JSON.parse(text) as { messages: HubMessage[] }).messages);
    }
    return store;
  }

  /** Every message stored, oldest first (read-only: for tests and operators counting what arrived). */
  list(): readonly HubMessage[] {
    return this.messages;
  }

  findByIdempotencyKey(systemId: string, key: string): HubMessage | undefined {
    return this.messages.find((m) => m.systemId === systemId && m.idempotencyKey === key);
  }

  /**
   * Stores a message unless `existing` finds one already (checked inside the serialised section, so two
   * concurrent sends with the same idempotency key store one copy); returns the stored one and whether it is new.
   */
  add(
    input: NewHubMessage,
    bytes: Uint8Array,
    existing: () => HubMessage | undefined,
  ): Promise<{ message: HubMessage; created: boolean }> {
    return this.serialise(async () => {
      const found = existing();
      if (found) return { message: found, created: false };
      const now = new Date().toISOString();
      const { to, ...rest } = input;
      const message: HubMessage = {
        ...rest,
        id: randomUUID(),
        acceptedAt: now,
        copies: to.map((code) => ({ to: code, status: 'inbox', updatedAt: now })),
      };
      if (this.dataDir) await writeAtomically(this.bodyPath(message.id), bytes);
      else this.bodies.set(message.id, bytes);
      this.messages.push(message);
      try {
        await this.saveIndex();
      } catch (error) {
        this.messages.pop();
        throw error;
      }
      return { message, created: true };
    });
  }

  /** Copies for `organizationCode`, oldest first. */
  listCopies(organizationCode: string, type: AxisMessageType, status: AxisStatus, limit: number) {
    const items: { message: HubMessage; copy: HubCopy }[] = [];
    for (const message of this.messages) {
      if (message.type !== type) continue;
      const copy = message.copies.find((c) => c.to === organizationCode && c.status === status);
      if (copy) items.push({ message, copy });
      if (items.length >= limit) break;
    }
    return items;
  }

  findCopy(organizationCode: string, messageId: string) {
    const message = this.messages.find((m) => m.id === messageId);
    const copy = message?.copies.find((c) => c.to === organizationCode);
    return message && copy ? { message, copy } : undefined;
  }

  async readBody(messageId: string): Promise<Uint8Array> {
    const inMemory = this.bodies.get(messageId);
    if (inMemory) return inMemory;
    if (!this.dataDir) throw new Error(`no body for ${messageId}`);
    return readFile(this.bodyPath(messageId));
  }

  setStatus(copy: HubCopy, status: AxisStatus): Promise<void> {
    return this.serialise(async () => {
      copy.status = status;
      copy.updatedAt = new Date().toISOString();
      await this.saveIndex();
    });
  }

  /** Waits for pending writes (before closing). */
  async flush(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private bodyPath(messageId: string): string {
    return path.join(this.dataDir!, 'messages', `${messageId}.xml`);
  }

  private async saveIndex(): Promise<void> {
    if (!this.dataDir) return;
    const json = JSON.stringify({ messages: this.messages });
    await writeAtomically(path.join(this.dataDir, INDEX_FILE), Buffer.from(json, 'utf8'));
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.catch(() => undefined).then(task);
    this.queue = next;
    return next;
  }
}

/** Writes a temporary file beside `file`, fsyncs it, renames it over `file`, then fsyncs the folder. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  const folder = await open(path.dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
