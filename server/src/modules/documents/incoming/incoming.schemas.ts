import { IsoDate, IsoDateTime, Obj, StringEnum, Text, Type, Uuid } from '../../../platform/http/schema.ts';
import {
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATUSES,
  CONFIDENTIALITIES,
  DOCUMENT_TYPE_CODES,
  EXTENSION_STATUSES,
  INCOMING_FILE_KINDS,
  INCOMING_SOURCES,
  INCOMING_STATUSES,
  INCOMING_VIEWS,
  URGENCIES,
} from '../documents.types.ts';
import { INCOMING_ACTIONS } from './incoming.actions.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Optional = Type.Optional;

export const Urgency = StringEnum(URGENCIES, { description: 'Độ khẩn: thường, khẩn, thượng khẩn, hỏa tốc' });
export const Confidentiality = StringEnum(CONFIDENTIALITIES, {
  description: 'Độ mật: thường, mật, tối mật, tuyệt mật',
});
export const DocType = StringEnum(DOCUMENT_TYPE_CODES, { description: 'One of the 29 types of Decree 30/2020' });
export const IncomingStatus = StringEnum(INCOMING_STATUSES);
export const IncomingView = StringEnum(INCOMING_VIEWS);
const Note = Text(2000);

/** What the clerk says about an invalid signature when registering (Decree 30: check on receipt). */
const SignatureDecision = {
  acceptInvalidSignature: Optional(
    Type.Boolean({ description: 'Register although the signature of the main PDF is invalid (needs signatureNote)' }),
  ),
  signatureNote: Optional(Note),
};

const Metadata = {
  issuerName: Text(200),
  numberNotation: Text(50),
  documentDate: IsoDate,
  docType: DocType,
  subject: Text(500),
  signerName: Optional(Nullable(Text(100))),
  signerPosition: Optional(Nullable(Text(100))),
  urgency: Urgency,
  confidentiality: Confidentiality,
  pageCount: Optional(Nullable(Type.Integer({ minimum: 1, maximum: 9999 }))),
  replyDueDate: Optional(Nullable(IsoDate)),
  notes: Optional(Nullable(Text(500))),
};

export const CreateIncomingBody = Obj({
  ...Metadata,
  source: StringEnum(['paper', 'electronic'] as const, {
    description: 'paper: scanned from paper; electronic: received by e-mail or another system',
  }),
  receivedAt: Optional(IsoDateTime),
  registerId: Optional(Uuid),
  mainFileId: Uuid,
  attachmentIds: Optional(Type.Array(Uuid, { maxItems: 50 })),
  allowDuplicate: Optional(Type.Boolean({ description: 'Register even though a possible duplicate exists' })),
  ...SignatureDecision,
});

export const DuplicateQuery = Obj({ issuerName: Text(200), numberNotation: Text(50), documentDate: IsoDate });
export const DuplicateList = Obj({
  items: Type.Array(
    Obj({
      id: Uuid,
      arrivalNumber: Nullable(Type.Integer()),
      arrivalYear: Nullable(Type.Integer()),
      subject: Type.String(),
      status: IncomingStatus,
    }),
  ),
});

export const IncomingQuery = Obj({
  view: Optional(IncomingView),
  q: Optional(Type.String({ maxLength: 200 })),
  registerId: Optional(Uuid),
  receivedFrom: Optional(IsoDate),
  receivedTo: Optional(IsoDate),
  issuer: Optional(Type.String({ maxLength: 200 })),
  docType: Optional(DocType),
  status: Optional(IncomingStatus),
  urgency: Optional(Urgency),
  confidentiality: Optional(Confidentiality),
  assigneeUserId: Optional(Uuid),
  assigneeUnitId: Optional(Uuid),
  overdue: Optional(Type.Boolean()),
  unreadOnly: Optional(Type.Boolean()),
  limit: Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});

const Summary = {
  id: Uuid,
  status: IncomingStatus,
  source: StringEnum(INCOMING_SOURCES),
  registerId: Nullable(Uuid),
  registerName: Nullable(Type.String()),
  arrivalNumber: Nullable(Type.Integer()),
  arrivalYear: Nullable(Type.Integer()),
  receivedAt: IsoDateTime,
  issuerName: Type.String(),
  numberNotation: Type.String(),
  documentDate: IsoDate,
  docType: DocType,
  subject: Type.String(),
  urgency: Urgency,
  confidentiality: Confidentiality,
  dueDate: Nullable(IsoDate),
  replyDueDate: Nullable(IsoDate),
  overdue: Type.Boolean(),
  unread: Type.Boolean(),
  completedAt: Nullable(IsoDateTime),
  version: Type.Integer(),
};

export const IncomingSummary = Obj({
  ...Summary,
  leadUnitName: Nullable(Type.String()),
  leadUserName: Nullable(Type.String()),
});

export const SignatureVerdict = StringEnum(['valid', 'invalid', 'indeterminate'] as const, {
  description:
    'Digital signature check: valid; invalid (changed after signing, broken signature); indeterminate (unsigned, untrusted CA…)',
});

export const IncomingListItem = Obj({
  ...IncomingSummary.properties,
  signatureVerdict: Nullable(SignatureVerdict),
});

export const IncomingList = Obj({ items: Type.Array(IncomingListItem), total: Type.Integer() });

export const ViewCounts = Obj(
  Object.fromEntries(
    INCOMING_VIEWS.map((v) => [v, Obj({ total: Type.Integer(), unread: Type.Integer() })]),
  ) as unknown as Record<
    (typeof INCOMING_VIEWS)[number],
    ReturnType<typeof Obj<{ total: ReturnType<typeof Type.Integer>; unread: ReturnType<typeof Type.Integer> }>>
  >,
);

const Assignment = Obj({
  id: Uuid,
  parentId: Nullable(Uuid),
  role: StringEnum(ASSIGNMENT_ROLES),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  userId: Nullable(Uuid),
  userName: Nullable(Type.String()),
  assignedBy: Uuid,
  assignedByName: Nullable(Type.String()),
  assignedAt: IsoDateTime,
  deadline: Nullable(IsoDate),
  instructions: Nullable(Type.String()),
  status: StringEnum(ASSIGNMENT_STATUSES),
});

const Event = Obj({
  id: Type.Integer(),
  occurredAt: IsoDateTime,
  actorUserId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  note: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});

const SignatureReason = Obj({ code: Type.String(), vi: Type.String(), en: Type.String() });

const FileSignature = Obj(
  {
    verdict: SignatureVerdict,
    signatureCount: Type.Integer(),
    validatedAt: IsoDateTime,
    reasons: Type.Array(SignatureReason),
    signers: Type.Array(
      Obj({
        name: Nullable(Type.String()),
        organization: Nullable(Type.String()),
        signingTime: Nullable(IsoDateTime),
        timestamped: Type.Boolean(),
        intact: Type.Boolean(),
        coversWholeDocument: Type.Boolean(),
        trusted: Type.Boolean(),
        verdict: SignatureVerdict,
        reasons: Type.Array(SignatureReason),
      }),
    ),
  },
  { description: 'The latest check of the PDF’s digital signatures (null: not a PDF, or not checked yet)' },
);

const FileRef = Obj({
  fileId: Uuid,
  kind: StringEnum(INCOMING_FILE_KINDS),
  name: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  addedAt: IsoDateTime,
  url: Type.String({ description: 'Download address (add ?inline=true to preview)' }),
  signature: Nullable(FileSignature),
});

const Extension = Obj({
  id: Uuid,
  assignmentId: Uuid,
  requestedBy: Uuid,
  requestedByName: Nullable(Type.String()),
  requestedAt: IsoDateTime,
  currentDeadline: Nullable(IsoDate),
  requestedDeadline: IsoDate,
  reason: Type.String(),
  status: StringEnum(EXTENSION_STATUSES),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(IsoDateTime),
  decisionNote: Nullable(Type.String()),
});

export const IncomingDetail = Obj({
  ...Summary,
  signatureVerdict: Nullable(SignatureVerdict),
  signerName: Nullable(Type.String()),
  signerPosition: Nullable(Type.String()),
  pageCount: Nullable(Type.Integer()),
  notes: Nullable(Type.String()),
  senderOrganizationId: Nullable(Uuid),
  registeredAt: Nullable(IsoDateTime),
  presentedTo: Nullable(Uuid),
  directedAt: Nullable(IsoDateTime),
  leadUnitId: Nullable(Uuid),
  leadUserId: Nullable(Uuid),
  answeredBy: Nullable(Type.String()),
  closedAt: Nullable(IsoDateTime),
  assignments: Type.Array(Assignment),
  trail: Type.Array(Event),
  files: Type.Array(FileRef),
  extensions: Type.Array(Extension),
  actions: Type.Array(StringEnum(INCOMING_ACTIONS), { description: 'The steps open to you now' }),
});

const Target = Obj({ unitId: Optional(Uuid), userId: Optional(Uuid), deadline: Optional(IsoDate) });
const Deadline = {
  deadline: Optional(IsoDate),
  workingDays: Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'Working days from now' })),
};

export const Version = { version: Type.Integer({ minimum: 1 }) };
export const RegisterReceivedBody = Obj({
  ...Version,
  registerId: Optional(Uuid),
  urgency: Optional(Urgency),
  notes: Optional(Nullable(Text(500))),
  ...SignatureDecision,
});
export const PresentBody = Obj({ leaderId: Optional(Uuid), note: Optional(Note) });
export const DirectBody = Obj({
  lead: Target,
  supports: Optional(Type.Array(Target, { maxItems: 50 })),
  infos: Optional(Type.Array(Target, { maxItems: 100 })),
  ...Deadline,
  instructions: Optional(Note),
});
export const AssignBody = Obj({
  assignmentId: Uuid,
  leadUserId: Optional(Uuid),
  supportUserIds: Optional(Type.Array(Uuid, { maxItems: 50 })),
  ...Deadline,
  instructions: Optional(Note),
});
export const CommentBody = Obj({ note: Note, fileIds: Optional(Type.Array(Uuid, { maxItems: 20 })) });
export const ExtensionBody = Obj({ assignmentId: Optional(Uuid), requestedDeadline: IsoDate, reason: Note });
export const DecideExtensionBody = Obj({ extensionId: Uuid, approve: Type.Boolean(), note: Optional(Note) });
export const ReturnBody = Obj({ assignmentId: Optional(Uuid), note: Note });
export const CompleteBody = Obj({
  note: Optional(Note),
  answeredBy: Optional(Text(50, 1)),
  answeredByOutgoingId: Optional(Uuid),
  fileIds: Optional(Type.Array(Uuid, { maxItems: 20 })),
});
export const RecallBody = Obj({ assignmentId: Optional(Uuid), note: Optional(Note) });
export const CloseBody = Obj({ note: Note });

export const DocumentTypeList = Obj({
  items: Type.Array(
    Obj({ code: DocType, vi: Type.String(), en: Type.String(), abbreviation: Nullable(Type.String()) }),
  ),
});
