import { IsoDate, IsoDateTime, Obj, StringEnum, Text, Type, Uuid } from '../../platform/http/schema.ts';
import { OVERRIDE_KINDS } from './calendar.ts';
import { DAY_KINDS, DAY_SOURCES } from './holidays.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Name = Obj({ vi: Type.String(), en: Type.String() });
const Cutoff = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:mm in Asia/Ho_Chi_Minh' });
const Person = Obj({ id: Uuid, name: Type.String() });

export const OverrideKindSchema = StringEnum(OVERRIDE_KINDS, {
  description:
    'day_off: extra or swapped day off (hoán đổi); working_day: a Saturday made a working day (làm bù); ' +
    'remove: a computed day off that does not apply',
});

export const DueDateQuery = Obj({
  start: Type.String({ format: 'date-time', description: 'When the period starts (e.g. a valid dossier is accepted)' }),
  workingDays: Type.Integer({ minimum: 0, maximum: 365 }),
  cutoff: Type.Optional(Cutoff),
});

export const DueDateResult = Obj({
  start: IsoDateTime,
  workingDays: Type.Integer(),
  cutoff: Nullable(Type.String()),
  countFrom: Type.String({ format: 'date', description: 'The working day from which the days are counted' }),
  dueDate: IsoDate,
  dueAt: Type.String({ format: 'date-time', description: '23:59:59.999 of the due date in Asia/Ho_Chi_Minh' }),
  skipped: Type.Array(
    Obj({
      date: IsoDate,
      kind: StringEnum([...DAY_KINDS, 'weekend'] as const),
      name: Name,
    }),
    { description: 'The days from the start day to the due date that were not counted, and why' },
  ),
});

export const YearQuery = Obj({ year: Type.Integer({ minimum: 1, maximum: 9999, description: '1900–2199' }) });
export const YearParams = Obj({ year: Type.Integer({ minimum: 1, maximum: 9999, description: '1900–2199' }) });
export const IdParams = Obj({ id: Uuid });

export const CalendarOverride = Obj({
  id: Uuid,
  date: IsoDate,
  kind: OverrideKindSchema,
  name: Type.String(),
  sourceDocument: Nullable(Type.String()),
  createdBy: Person,
  createdAt: IsoDateTime,
});

export const YearCalendar = Obj({
  year: Type.Integer(),
  confirmed: Type.Boolean(),
  confirmation: Nullable(Obj({ confirmedBy: Person, confirmedAt: IsoDateTime, note: Nullable(Type.String()) })),
  days: Type.Array(
    Obj({
      date: IsoDate,
      kind: StringEnum(DAY_KINDS),
      name: Name,
      source: StringEnum(DAY_SOURCES),
      unverified: Type.Boolean(),
      compensatesFor: Nullable(IsoDate),
      overrideId: Nullable(Uuid),
      sourceDocument: Nullable(Type.String()),
    }),
    { description: 'Days off and working Saturdays of the year, in date order, overrides applied' },
  ),
  overrides: Type.Array(CalendarOverride, { description: 'What administrators recorded for the year' }),
});

export const CreateOverrideBody = Obj({
  date: IsoDate,
  kind: OverrideKindSchema,
  name: Text(200),
  sourceDocument: Type.Optional(Nullable(Text(200, 0))),
});

export const ConfirmYearBody = Obj({ note: Type.Optional(Nullable(Text(1000, 0))) });
