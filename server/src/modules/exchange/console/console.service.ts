/**
 * The exchange console (issue 6): what the outbox sent or holds (pending, sent, dead letters) and what the
 * inbox received (accepted, refused, duplicates, statuses), with the raw XML, the errors in words and, for an
 * outgoing document package, each recipient's status. Read-only here; a dead letter is sent again by
 * `replayMessage` of the outbox.
 */
import type { Static } from '@fastify/type-provider-typebox';
import { authorize, type Actor } from '../../../platform/authz.ts';
import type { DbOrTrx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { EDXML_ISSUES } from '../edxml/edxml.errors.ts';
import { INTAKE_REFUSALS } from '../inbox/inbox.service.ts';
import { consolePolicy } from './console.policy.ts';
import * as repo from './console.repository.ts';
import type { MessageDetail, MessageItem, MessagesQuery } from './console.schemas.ts';

export const CONSOLE_PAGE_SIZE = 50;
/** The XML shown in the page is cut here; the whole message is a download. */
export const XML_DISPLAY_LIMIT = 256 * 1024;

type Direction = 'out' | 'in';
type Item = Static<typeof MessageItem>;

export async function listMessages(db: DbOrTrx, actor: Actor, query: Static<typeof MessagesQuery>) {
  authorize(consolePolicy.canUseConsole(actor), { action: 'exchange.console' });
  const page = query.page ?? 1;
  const filter: repo.ConsoleFilter = {
    organizationId: consolePolicy.organizationScope(actor),
    state: query.state,
    q: query.q?.trim() || undefined,
    limit: CONSOLE_PAGE_SIZE,
    offset: (page - 1) * CONSOLE_PAGE_SIZE,
  };
  const items = await itemsOf(db, actor, query.direction, filter);
  return { ...items, pageSize: CONSOLE_PAGE_SIZE };
}

export async function getMessageDetail(
  db: DbOrTrx,
  actor: Actor,
  direction: Direction,
  id: string,
): Promise<Static<typeof MessageDetail>> {
  const { item, issues, outgoingId } = await findVisible(db, actor, direction, id);
  const bytes = await rawBytes(db, direction, id);
  const dispatches = outgoingId ? await repo.listDispatchesOf(db, outgoingId) : [];
  return {
    message: item,
    size: bytes.byteLength,
    ...displayText(bytes),
    issues,
    dispatches: dispatches.map((d) => ({
      id: d.id,
      recipientName: d.recipient_name,
      recipientCode: d.recipient_code,
      channel: d.channel,
      status: d.status,
      statusAt: new Date(d.status_at).toISOString(),
      reason: d.reason,
    })),
  };
}

/** The stored bytes, for the download. */
export async function getMessageRaw(db: DbOrTrx, actor: Actor, direction: Direction, id: string) {
  await findVisible(db, actor, direction, id);
  return rawBytes(db, direction, id);
}

/** One message as the list shows it, in the viewer's scope (else not found). */
export async function findMessageItem(db: DbOrTrx, actor: Actor, direction: Direction, id: string) {
  return (await findVisible(db, actor, direction, id)).item;
}

/** The message in the viewer's scope (else not found), its issues in words, its visible outgoing document. */
async function findVisible(db: DbOrTrx, actor: Actor, direction: Direction, id: string) {
  authorize(consolePolicy.canUseConsole(actor), { action: 'exchange.console' });
  const filter: repo.ConsoleFilter = {
    organizationId: consolePolicy.organizationScope(actor),
    state: undefined,
    q: undefined,
    limit: 1,
    offset: 0,
    id,
  };
  const { items } = await itemsOf(db, actor, direction, filter);
  const item = items[0];
  if (!item) throw new AppError('record.not_found', { type: 'exchange_message', id });
  const issues = [
    ...item.errorCodes.map((code) => issueOf(code, 'error')),
    ...item.warningCodes.map((code) => issueOf(code, 'warning')),
  ];
  const outgoingId = item.document?.kind === 'outgoing' && item.type === 'edoc' ? item.document.id : undefined;
  return { item, issues, outgoingId };
}

async function itemsOf(db: DbOrTrx, actor: Actor, direction: Direction, filter: repo.ConsoleFilter) {
  if (direction === 'out') {
    const { total, rows } = await repo.listOutbox(db, filter);
    const names = await repo.organizationNamesByCode(
      db,
      rows.flatMap((r) => [r.from_code, ...r.to_codes]),
    );
    return { total, items: rows.map((r) => presentOutbox(actor, r, names)) };
  }
  const { total, rows } = await repo.listInbox(db, filter);
  const names = await repo.organizationNamesByCode(
    db,
    rows.map((r) => r.from_code),
  );
  return { total, items: rows.map((r) => presentInbox(actor, r, names)) };
}

function presentOutbox(actor: Actor, r: repo.ConsoleOutboxRow, names: Map<string, string>): Item {
  // An outgoing package is about our outgoing document; a status packet about the incoming one it reports on.
  const linked = r.outgoing
    ? visible(actor, r.organization_id, 'outgoing', r.outgoing)
    : r.incoming
      ? visible(actor, r.organization_id, 'incoming', r.incoming)
      : null;
  return {
    id: r.id,
    direction: 'out',
    organization: { id: r.organization_id, name: r.organization_name },
    type: r.type,
    state: r.status,
    documentId: r.document_id,
    statusCode: r.status_code,
    document: linked,
    at: iso(r.created_at),
    from: party(r.from_code, names),
    to: r.to_codes.map((code: string) => party(code, names)),
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    lastError: r.last_error,
    sentAt: r.sent_at ? iso(r.sent_at) : null,
    errorCodes: [],
    warningCodes: [],
    processedAt: null,
    sha256: r.sha256,
  };
}

function presentInbox(actor: Actor, r: repo.ConsoleInboxRow, names: Map<string, string>): Item {
  return {
    id: r.id,
    direction: 'in',
    organization: { id: r.organization_id, name: r.organization_name },
    type: r.type,
    state: r.outcome ?? 'unprocessed',
    documentId: r.document_id,
    statusCode: r.status_code,
    document: r.incoming ? visible(actor, r.organization_id, 'incoming', r.incoming) : null,
    at: iso(r.received_at),
    from: party(r.from_code, names),
    to: [],
    attempts: null,
    nextAttemptAt: null,
    lastError: null,
    sentAt: null,
    errorCodes: r.error_codes,
    warningCodes: r.warning_codes,
    processedAt: r.processed_at ? iso(r.processed_at) : null,
    sha256: r.sha256,
  };
}

function visible(actor: Actor, organizationId: string, kind: 'outgoing' | 'incoming', d: repo.LinkedDocument) {
  if (!consolePolicy.canSeeDocument(actor, organizationId, d.confidentiality)) return null;
  return { kind, id: d.id, number: d.number, subject: d.subject };
}

function party(code: string, names: Map<string, string>) {
  return { code, name: names.get(code) ?? null };
}

/** A stored error or warning code with its bilingual message (codec issues, then intake refusals). */
function issueOf(code: string, severity: 'error' | 'warning') {
  const words =
    (EDXML_ISSUES as Record<string, { vi: string; en: string }>)[code] ??
    (INTAKE_REFUSALS as Record<string, { vi: string; en: string }>)[code];
  return { code, severity, vi: words?.vi ?? null, en: words?.en ?? null };
}

async function rawBytes(db: DbOrTrx, direction: Direction, id: string): Promise<Buffer> {
  const bytes = direction === 'out' ? await repo.findOutboxBytes(db, id) : await repo.findInboxBytes(db, id);
  if (!bytes) throw new AppError('record.not_found', { type: 'exchange_message', id });
  return bytes;
}

/** The XML as text for the page: at most XML_DISPLAY_LIMIT bytes, never a cut character at the end. */
function displayText(bytes: Buffer): { xml: string; xmlTruncated: boolean } {
  if (bytes.byteLength <= XML_DISPLAY_LIMIT) return { xml: bytes.toString('utf8'), xmlTruncated: false };
  return {
    xml: bytes
      .subarray(0, XML_DISPLAY_LIMIT)
      .toString('utf8')
      .replace(/\uFFFD+$/, ''),
    xmlTruncated: true,
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();
