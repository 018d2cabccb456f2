import { IsoDate, IsoDateTime, Obj, StringEnum, Text, Type, Uuid } from '../../../../platform/http/schema.ts';
import { Confidentiality, DocType, Urgency } from '../../incoming/incoming.schemas.ts';
import { OUTGOING_ACTIONS } from '../approval/approval.actions.ts';
import { Route, Step } from '../approval/approval.schemas.ts';
import { OUTGOING_VIEWS } from './drafts.repository.ts';
import { AUTHORITY_PREFIXES, OUTGOING_FILE_KINDS, OUTGOING_RELATION_KINDS, OUTGOING_STATUSES } from './drafts.types.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Optional = Type.Optional;

export const OutgoingStatus = StringEnum(OUTGOING_STATUSES);
const AuthorityPrefix = StringEnum(AUTHORITY_PREFIXES, {
  description: 'Thẩm quyền ký: TM. (thay mặt), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền)',
});
const Body = Type.String({ maxLength: 100_000, description: 'Nội dung văn bản (plain text, one paragraph a line)' });

const RecipientsInput = Obj({
  internal: Optional(Type.Array(Uuid, { maxItems: 200, description: 'Organisations on EduGov (ids)' })),
  external: Optional(Type.Array(Text(300), { maxItems: 200, description: 'Other recipients, by name' })),
});

const ContentFields = {
  docType: DocType,
  subject: Text(500),
  body: Optional(Body),
  signerUserId: Optional(Nullable(Uuid)),
  signerPositionTitle: Optional(Nullable(Text(200))),
  authorityPrefix: Optional(Nullable(AuthorityPrefix)),
  recipients: Optional(RecipientsInput),
  urgency: Optional(Urgency),
  confidentiality: Optional(Confidentiality),
  replyDueDate: Optional(Nullable(IsoDate)),
  answersIncomingId: Optional(Nullable(Uuid)),
  completesAnswered: Optional(
    Type.Boolean({
      description: 'Issuing it completes the incoming document it answers (default true)',
    }),
  ),
  principalTitle: Optional(
    Nullable(
      Type.String({
        maxLength: 200,
        description:
          "Title of the head signed for with KT./TL./TUQ. (e.g. 'Hiệu trưởng'); empty: the organisation's head position",
      }),
    ),
  ),
  relatesTo: Optional(
    Nullable(
      Obj(
        { documentId: Uuid, kind: StringEnum(OUTGOING_RELATION_KINDS) },
        { description: 'An issued outgoing document of the organisation this one replaces or corrects' },
      ),
    ),
  ),
  draftFileIds: Optional(Type.Array(Uuid, { maxItems: 20, description: 'Working files of the draft (your uploads)' })),
  attachmentIds: Optional(Type.Array(Uuid, { maxItems: 50, description: 'Phụ lục and other attachments' })),
};

export const CreateDraftBody = Obj(ContentFields);
export const UpdateDraftBody = Obj({
  version: Type.Integer({ minimum: 1 }),
  ...ContentFields,
  docType: Optional(DocType),
  subject: Optional(Text(500)),
});

export const OutgoingQuery = Obj({
  view: Optional(
    StringEnum(OUTGOING_VIEWS, { description: 'all you may see, mine (your drafts), to_review (waiting for you)' }),
  ),
  status: Optional(OutgoingStatus),
  docType: Optional(DocType),
  q: Optional(
    Type.String({
      maxLength: 200,
      description: "Words of the number ('05/QĐ-BGDĐT', '05/QĐ', '05'), subject or body (diacritics ignored)",
    }),
  ),
  limit: Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});

const Summary = {
  id: Uuid,
  status: OutgoingStatus,
  docType: DocType,
  subject: Type.String(),
  draftingUnitId: Nullable(Uuid),
  draftingUnitName: Nullable(Type.String()),
  createdBy: Uuid,
  createdByName: Type.String(),
  urgency: Urgency,
  confidentiality: Confidentiality,
  replyDueDate: Nullable(IsoDate),
  currentRevision: Type.Integer(),
  submittedAt: Nullable(IsoDateTime),
  lastActivityAt: IsoDateTime,
  createdAt: IsoDateTime,
  version: Type.Integer(),
  fullNumber: Nullable(Type.String({ description: "Số và ký hiệu once issued, e.g. '05/BGDĐT-GDPT'" })),
  issuedAt: Nullable(IsoDateTime),
};

export const OutgoingSummary = Obj({
  ...Summary,
  waitingForMe: Type.Boolean({ description: 'A step of the current stage waits for you' }),
});
export const OutgoingList = Obj({ items: Type.Array(OutgoingSummary), total: Type.Integer() });

const Event = Obj({
  id: Type.Integer(),
  occurredAt: IsoDateTime,
  actorUserId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  action: Type.String({
    description:
      'drafted, revised, submitted, resubmitted, reviewed, form_checked, forwarded, returned, approved, rejected',
  }),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  note: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});

const FileRef = Obj({
  fileId: Uuid,
  kind: StringEnum(OUTGOING_FILE_KINDS),
  name: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  url: Type.String({ description: 'Download address (add ?inline=true to preview)' }),
});

const Revision = Obj({
  revision: Type.Integer(),
  createdAt: IsoDateTime,
  createdBy: Uuid,
  createdByName: Type.String(),
});

const RelatedRef = Obj({
  id: Uuid,
  fullNumber: Nullable(Type.String()),
  subject: Type.String(),
  status: Type.String(),
  issuedAt: Nullable(IsoDateTime),
});

export const OutgoingDetail = Obj({
  ...Summary,
  body: Type.String(),
  signerUserId: Nullable(Uuid),
  signerName: Nullable(Type.String()),
  signerPositionTitle: Nullable(Type.String()),
  authorityPrefix: Nullable(AuthorityPrefix),
  recipients: Obj({
    internal: Type.Array(Obj({ organizationId: Uuid, name: Nullable(Type.String()) })),
    external: Type.Array(Type.String()),
  }),
  answersIncomingId: Nullable(Uuid),
  completesAnswered: Type.Boolean({ description: 'Issuing it completes the incoming document it answers' }),
  principalTitle: Nullable(Type.String({ description: 'Title of the head signed for (KT./TL./TUQ.), if set' })),
  replaces: Nullable(RelatedRef),
  corrects: Nullable(RelatedRef),
  replacedBy: Type.Array(RelatedRef, { description: 'Issued documents replacing this one' }),
  correctedBy: Type.Array(RelatedRef, { description: 'Issued documents correcting this one' }),
  issuedNumberId: Nullable(Uuid),
  decidedAt: Nullable(IsoDateTime),
  decidedBy: Nullable(Uuid),
  decidedByName: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  officialFileUrl: Nullable(
    Type.String({ description: 'The official PDF once issued (add ?inline=true to preview); also in files as final' }),
  ),
  signing: Obj(
    {
      required: Type.Boolean({
        description:
          'The organisation signs digitally: the last approval signs (pin) and issuing seals it (the organisation pin)',
      }),
      signedAt: Nullable(IsoDateTime),
      signedBy: Nullable(Uuid),
      signedByName: Nullable(Type.String()),
      signedFileId: Nullable(Uuid),
      signedFileUrl: Nullable(Type.String({ description: 'The PDF the leader signed (number and date blank)' })),
      officialVerdict: Nullable(
        StringEnum(['valid', 'invalid', 'indeterminate'] as const, {
          description: 'The latest validation of the official PDF (see /api/v1/signatures/validations/latest)',
        }),
      ),
      officialValidatedAt: Nullable(IsoDateTime),
    },
    { description: 'Digital signatures of the document (issue 5)' },
  ),
  files: Type.Array(FileRef),
  revisions: Type.Array(Revision),
  route: Nullable(Route),
  steps: Type.Array(Step, { description: 'Every step of every round, in order' }),
  trail: Type.Array(Event),
  actions: Type.Array(StringEnum(OUTGOING_ACTIONS), { description: 'The steps open to you now' }),
});

export const CompareQuery = Obj({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) });

const RevisionRef = Obj({ revision: Type.Integer(), createdAt: IsoDateTime, createdByName: Type.String() });
export const RevisionComparison = Obj({
  from: RevisionRef,
  to: RevisionRef,
  fields: Type.Array(
    Obj({
      field: Type.String({ description: 'A structured field (docType, subject, recipients, …) or files' }),
      before: Type.Unknown(),
      after: Type.Unknown(),
    }),
  ),
  bodyChanged: Type.Boolean(),
  body: Type.Array(
    Obj({
      op: StringEnum(['same', 'added', 'removed'] as const),
      text: Type.String(),
      fromLine: Nullable(Type.Integer()),
      toLine: Nullable(Type.Integer()),
    }),
    { description: 'The body, line by line: unchanged, added in `to`, removed from `from`' },
  ),
});
