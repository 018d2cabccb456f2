import { IsoDateTime, Obj, StringEnum, Text, Type, Uuid } from '../../../../platform/http/schema.ts';
import { CONFIDENTIALITIES, DOCUMENT_TYPE_CODES } from '../../documents.types.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Optional = Type.Optional;

export const IssuedNumberStatus = StringEnum(['issued', 'cancelled'] as const, {
  description: 'issued (đã cấp) or cancelled (đã hủy — kept, never given again)',
});

export const IssuedNumber = Obj({
  id: Uuid,
  registerId: Uuid,
  registerName: Type.String(),
  confidential: Type.Boolean({ description: 'Numbered in a confidential register (its own series)' }),
  year: Type.Integer(),
  series: Type.String({ description: "'' for the register's single series, else the document type code" }),
  number: Type.Integer({ minimum: 1 }),
  notation: Type.String({ description: 'Ký hiệu, e.g. QĐ-BGDĐT or BGDĐT-GDPT' }),
  fullNumber: Type.String({ description: 'Số, ký hiệu, e.g. 05/QĐ-BGDĐT' }),
  docType: Type.String(),
  confidentiality: StringEnum(CONFIDENTIALITIES),
  draftingUnitId: Nullable(Uuid),
  draftingUnitName: Nullable(Type.String()),
  subject: Nullable(Type.String({ description: 'Trích yếu (hidden from administrators for classified documents)' })),
  signerName: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  issuedAt: IsoDateTime,
  issuedById: Uuid,
  issuedByName: Type.String(),
  status: IssuedNumberStatus,
  cancelledAt: Nullable(IsoDateTime),
  cancelledByName: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  documentId: Nullable(Uuid),
});

export const IssuedNumberQuery = Obj({
  registerId: Optional(Uuid),
  year: Optional(Type.Integer({ minimum: 1900, maximum: 2199 })),
  status: Optional(IssuedNumberStatus),
  limit: Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  offset: Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const IssueNumberBody = Obj({
  docType: StringEnum(DOCUMENT_TYPE_CODES, { description: 'One of the 29 types of Decree 30/2020' }),
  confidentiality: StringEnum(CONFIDENTIALITIES, {
    description: "Must match the register's (mật → confidential book)",
  }),
  draftingUnitId: Optional(Nullable(Uuid)),
  subject: Optional(Nullable(Text(1000))),
  signerName: Optional(Nullable(Text(200))),
  notes: Optional(Nullable(Text(2000))),
});

export const CancelNumberBody = Obj({ reason: Text(1000) });
