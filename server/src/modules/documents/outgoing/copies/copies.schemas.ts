import { SigningFields } from '../issuing/issuing.schemas.ts';
import { IsoDate, IsoDateTime, Obj, StringEnum, Text, Type, Uuid } from '../../../../platform/http/schema.ts';
import { COPY_FORMS, COPY_MEDIA, COPY_SOURCE_TYPES } from './copies.types.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Label = Obj({ vi: Type.String(), en: Type.String() });

const Form = StringEnum(COPY_FORMS, {
  description: 'SY sao y (whole document), SL sao lục (from a sao y copy), TrS trích sao (pages or an excerpt)',
});
const Medium = StringEnum(COPY_MEDIA, {
  description:
    'paper (printed, signed by hand) or electronic (the organisation signs the PDF; not for classified documents)',
});

export const MakeCopyBody = Obj({
  source: Obj({
    type: StringEnum(COPY_SOURCE_TYPES, {
      description: 'outgoing (issued), incoming (registered), or copy (a sao y, for a sao lục)',
    }),
    id: Uuid,
  }),
  form: Form,
  medium: Medium,
  pages: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '^\\s*\\d+\\s*(-\\s*\\d+\\s*)?(,\\s*\\d+\\s*(-\\s*\\d+\\s*)?)*$',
      description: 'Trích sao: the pages to take, e.g. "1-3,5" (ascending)',
    }),
  ),
  excerpt: Type.Optional(Text(20000)),
  signerUserId: Type.String({ format: 'uuid', description: 'A leader of the organisation' }),
  signerTitle: Type.Optional(Text(200)),
  recipients: Type.Optional(Type.Array(Text(300), { maxItems: 50, description: 'Nơi nhận; "Lưu: VT" is added' })),
  ...SigningFields('the organisation certificate (an electronic copy of an organisation that signs digitally)'),
});

export const DocumentCopy = Obj({
  id: Uuid,
  form: Form,
  formLabel: Label,
  medium: Medium,
  fullNumber: Type.String({ description: 'Số, ký hiệu of the copy, e.g. 05/SY-BGDĐT' }),
  number: Type.Integer({ minimum: 1 }),
  year: Type.Integer(),
  notation: Type.String(),
  date: IsoDate,
  madeAt: IsoDateTime,
  outgoingId: Nullable(Uuid),
  incomingId: Nullable(Uuid),
  sourceCopyId: Nullable(Uuid),
  sourceCopyNumber: Nullable(Type.String()),
  sourceNumber: Type.String({ description: 'Số, ký hiệu of what was copied' }),
  pages: Nullable(Type.String()),
  excerpt: Nullable(Type.String()),
  confidential: Type.Boolean(),
  signerUserId: Uuid,
  signerName: Type.String(),
  signerTitle: Type.String(),
  recipients: Type.Array(Type.String()),
  pageCount: Type.Integer(),
  fileUrl: Type.String({ description: 'The copy’s PDF' }),
  createdByName: Type.String(),
  createdAt: IsoDateTime,
});

export const DocumentCopyList = Obj({ items: Type.Array(DocumentCopy) });
export const FileQuery = Obj({ inline: Type.Optional(Type.Boolean()) });
