/** Request and response schemas of the exchange console. */
import { IsoDateTime, Obj, StringEnum, Type, Uuid } from '../../../platform/http/schema.ts';
import { INBOX_OUTCOMES, OUTBOX_STATUSES } from '../exchange.tables.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Optional = Type.Optional;

export const DIRECTIONS = ['out', 'in'] as const;
export const Direction = StringEnum(DIRECTIONS, { description: 'out: the outbox (sent by us); in: the inbox' });
/** States of both directions; `unprocessed` is an inbox message not processed yet. */
export const CONSOLE_STATES = [...OUTBOX_STATUSES, ...INBOX_OUTCOMES, 'unprocessed'] as const;

export const MessagesQuery = Obj({
  direction: Direction,
  state: Optional(StringEnum(CONSOLE_STATES)),
  q: Optional(Type.String({ maxLength: 200, description: 'DocumentId, identifier code, number or subject' })),
  page: Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});

export const MessageParams = Obj({ direction: Direction, id: Uuid });

const Organization = Obj({ id: Uuid, name: Type.String() });
const Party = Obj({ code: Type.String(), name: Nullable(Type.String()) });
const LinkedDocument = Obj(
  {
    kind: StringEnum(['outgoing', 'incoming'] as const),
    id: Uuid,
    number: Nullable(Type.String()),
    subject: Type.String(),
  },
  { description: 'The document the message is about, when the viewer may see it' },
);

const Common = {
  id: Uuid,
  direction: Direction,
  organization: Organization,
  type: StringEnum(['edoc', 'status'] as const),
  state: StringEnum(CONSOLE_STATES),
  documentId: Nullable(Type.String({ description: 'edXML DocumentId (of the package, or the one a status is about)' })),
  statusCode: Nullable(Type.String({ description: 'status packets: 01…16' })),
  document: Nullable(LinkedDocument),
  at: IsoDateTime,
  sha256: Type.String(),
};

export const MessageItem = Obj({
  ...Common,
  from: Party,
  to: Type.Array(Party),
  // Outbox only (null for the inbox).
  attempts: Nullable(Type.Integer()),
  nextAttemptAt: Nullable(IsoDateTime),
  lastError: Nullable(Type.String()),
  sentAt: Nullable(IsoDateTime),
  // Inbox only (empty for the outbox).
  errorCodes: Type.Array(Type.String()),
  warningCodes: Type.Array(Type.String()),
  processedAt: Nullable(IsoDateTime),
});

export const MessageList = Obj({ items: Type.Array(MessageItem), total: Type.Integer(), pageSize: Type.Integer() });

const Issue = Obj({
  code: Type.String(),
  severity: StringEnum(['error', 'warning'] as const),
  vi: Nullable(Type.String()),
  en: Nullable(Type.String()),
});

const Dispatch = Obj({
  id: Uuid,
  recipientName: Type.String(),
  recipientCode: Nullable(Type.String()),
  channel: Type.String(),
  status: Type.String(),
  statusAt: IsoDateTime,
  reason: Nullable(Type.String()),
});

export const MessageDetail = Obj({
  message: MessageItem,
  size: Type.Integer({ description: 'bytes' }),
  xml: Type.String({ description: 'the raw XML as text, cut at the display limit' }),
  xmlTruncated: Type.Boolean(),
  issues: Type.Array(Issue),
  dispatches: Type.Array(Dispatch),
});

export const ReplayResult = Obj({ message: MessageItem });
