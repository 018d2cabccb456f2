import { IsoDate, IsoDateTime, Obj, StringEnum, Type, Uuid } from '../../../platform/http/schema.ts';
import { IncomingSummary } from '../incoming/incoming.schemas.ts';
import { MEASURES } from './supervision.repository.ts';

const Optional = Type.Optional;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const GroupBy = StringEnum(['unit', 'person'] as const, {
  description: 'One row per unit, or per unit and person',
});
export const Measure = StringEnum(MEASURES);
export const MeasureFilter = StringEnum(['received', ...MEASURES] as const, {
  description: 'received: every document directed in the period; otherwise those of one measure',
});
const UnitFilter = Type.Union([Uuid, Type.Literal('none')], { description: 'A unit, or none: documents with no unit' });
const UserFilter = Type.Union([Uuid, Type.Literal('none')], {
  description: 'A person, or none: documents not yet given to a person (still with the unit head)',
});

const Period = {
  from: IsoDate,
  to: Type.String({ format: 'date', description: 'yyyy-mm-dd; the period is at most 366 days, both days included' }),
};

export const SummaryQuery = Obj({ ...Period, groupBy: Optional(GroupBy), unitId: Optional(UnitFilter) });
export const ExportQuery = SummaryQuery;
export const DocumentsQuery = Obj({
  ...Period,
  unitId: Optional(UnitFilter),
  userId: Optional(UserFilter),
  measure: Optional(MeasureFilter),
  limit: Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});

const PeriodInfo = Obj({ from: IsoDate, to: IsoDate, today: IsoDate });

const MeasureFields = {
  received: Type.Integer({ description: 'Directed in the period' }),
  inProgress: Type.Integer({ description: 'Being handled, not overdue' }),
  overdue: Type.Integer({ description: 'Being handled, due date before today' }),
  completedOnTime: Type.Integer({ description: 'Completed on or before the due date (or with none)' }),
  completedLate: Type.Integer({ description: 'Completed after the due date' }),
  closed: Type.Integer({ description: 'Ended without handling (kết thúc)' }),
  averageWorkingDays: Nullable(
    Type.Number({
      description: 'Mean working days from direction to completion (one decimal); null when none completed',
    }),
  ),
  onTimeRate: Nullable(
    Type.Number({ description: 'Completed on time ÷ completed, in percent (one decimal); null when none completed' }),
  ),
};

export const SupervisionRow = Obj({
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String({ description: 'null: no unit (Không thuộc đơn vị)' })),
  userId: Nullable(Uuid),
  userName: Nullable(
    Type.String({ description: 'null with groupBy=person: not yet given to a person (Chưa giao chuyên viên)' }),
  ),
  ...MeasureFields,
});

export const SupervisionSummary = Obj({
  period: PeriodInfo,
  groupBy: GroupBy,
  scope: StringEnum(['organization', 'unit', 'self'] as const, {
    description: 'organization: the leader sees every unit; unit: a unit head their unit; self: your own documents',
  }),
  rows: Type.Array(SupervisionRow),
  totals: Obj(MeasureFields),
});

export const SupervisedDocument = Obj({
  ...IncomingSummary.properties,
  directedAt: IsoDateTime,
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  userId: Nullable(Uuid),
  userName: Nullable(Type.String()),
  measure: Measure,
  workingDays: Nullable(
    Type.Integer({ description: 'Working days from direction to completion; null until completed' }),
  ),
});

export const SupervisedDocumentList = Obj({
  period: PeriodInfo,
  items: Type.Array(SupervisedDocument),
  total: Type.Integer(),
});

export const XlsxFile = {
  description: 'An Excel workbook: the table (sheet 1) and the documents behind it (sheet 2)',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: Type.String({ format: 'binary' }) },
  },
};
