import { IsoDate, Obj, StringEnum, Text, Type, Uuid } from '../../platform/http/schema.ts';
import { LINK_KINDS, ORG_KINDS, UNIT_KINDS } from './org.tables.ts';

export const OrgKindSchema = StringEnum(ORG_KINDS, {
  description:
    'ministry, provincial_committee (UBND tỉnh), provincial_department (Sở GD&ĐT), …, external (known only from the interchange axis directory)',
});
const UnitKindSchema = StringEnum(UNIT_KINDS);
const Identifier = Type.String({
  pattern: '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$',
  description: 'QCVN 102 identifier V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.00.G03',
});
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const OrgRef = Obj({
  id: Uuid,
  name: Type.String(),
  identifier: Type.String(),
  kind: Type.String(),
  effectiveDate: IsoDate,
});

export const Organization = Obj({
  id: Uuid,
  identifier: Type.String(),
  identifierVerified: Type.Boolean(),
  name: Type.String(),
  shortName: Type.String(),
  abbreviation: Type.String(),
  kind: OrgKindSchema,
  parent: Nullable(Obj({ id: Uuid, name: Type.String(), shortName: Type.String() })),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  province: Nullable(Obj({ name: Type.String(), unitType: Type.String() })),
  note: Nullable(Type.String()),
  viaAxis: Type.Boolean({ description: 'Not hosted here: documents to it go through the interchange axis' }),
  predecessors: Type.Array(OrgRef),
  successors: Type.Array(OrgRef),
  version: Type.Integer(),
});

export const OrganizationList = Obj({ items: Type.Array(Organization), total: Type.Integer() });

export const OrganizationQuery = Obj({
  kind: Type.Optional(OrgKindSchema),
  at: Type.Optional(IsoDate),
  parentId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  includeExternal: Type.Optional(
    Type.Boolean({ description: 'Also organisations known only from the axis directory (left out by default)' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const IdParams = Obj({ id: Uuid });

const organizationFields = {
  identifier: Identifier,
  name: Text(300),
  shortName: Text(150),
  abbreviation: Type.String({ minLength: 1, maxLength: 30, pattern: '^[^\\s/]+$' }),
  kind: OrgKindSchema,
  parentId: Nullable(Uuid),
};

export const CreateOrganizationBody = Obj({
  ...organizationFields,
  validFrom: IsoDate,
  validTo: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Nullable(Text(1000, 0))),
});

export const UpdateOrganizationBody = Obj({
  version: Type.Integer({ minimum: 1 }),
  identifier: Type.Optional(Identifier),
  name: Type.Optional(Text(300)),
  shortName: Type.Optional(Text(150)),
  abbreviation: Type.Optional(organizationFields.abbreviation),
  kind: Type.Optional(OrgKindSchema),
  parentId: Type.Optional(Nullable(Uuid)),
  validFrom: Type.Optional(IsoDate),
  validTo: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Nullable(Text(1000, 0))),
});

export const ViaAxisBody = Obj({ version: Type.Integer({ minimum: 1 }), viaAxis: Type.Boolean() });

export const ReorganizationBody = Obj({
  kind: StringEnum(LINK_KINDS),
  effectiveDate: IsoDate,
  predecessorIds: Type.Array(Uuid, { minItems: 1, maxItems: 20 }),
  successors: Type.Array(Obj(organizationFields), { minItems: 1, maxItems: 20 }),
  note: Type.Optional(Text(1000, 0)),
});

export const Unit = Obj({
  id: Uuid,
  organizationId: Uuid,
  parentUnitId: Nullable(Uuid),
  name: Type.String(),
  abbreviation: Type.String(),
  kind: UnitKindSchema,
  identifier: Nullable(Type.String()),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  version: Type.Integer(),
});

export const UnitList = Obj({ items: Type.Array(Unit) });
export const AtQuery = Obj({ at: Type.Optional(IsoDate) });

export const CreateUnitBody = Obj({
  name: Text(300),
  abbreviation: Type.String({ minLength: 1, maxLength: 30, pattern: '^[^\\s/]+$' }),
  kind: UnitKindSchema,
  parentUnitId: Type.Optional(Nullable(Uuid)),
  identifier: Type.Optional(Nullable(Identifier)),
  validFrom: IsoDate,
  validTo: Type.Optional(Nullable(IsoDate)),
});

export const UpdateUnitBody = Obj({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Text(300)),
  abbreviation: Type.Optional(Type.String({ minLength: 1, maxLength: 30, pattern: '^[^\\s/]+$' })),
  kind: Type.Optional(UnitKindSchema),
  parentUnitId: Type.Optional(Nullable(Uuid)),
  identifier: Type.Optional(Nullable(Identifier)),
  validFrom: Type.Optional(IsoDate),
  validTo: Type.Optional(Nullable(IsoDate)),
});

export const Position = Obj({ id: Uuid, organizationId: Uuid, name: Type.String(), rank: Type.Integer() });
export const PositionList = Obj({ items: Type.Array(Position) });
export const CreatePositionBody = Obj({
  name: Text(200),
  rank: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});
