import type { DateColumn, DefaultTimestamp, Generated } from '../../platform/db/schema.ts';
import type { OverrideKind } from './calendar.ts';

export interface CalendarOverridesTable {
  id: Generated<string>;
  date: DateColumn;
  kind: OverrideKind;
  name: string;
  source_document: string | null;
  created_by: string;
  created_at: DefaultTimestamp;
}

export interface CalendarYearsTable {
  year: number;
  confirmed_by: string;
  confirmed_at: DefaultTimestamp;
  note: string | null;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    calendar_overrides: CalendarOverridesTable;
    calendar_years: CalendarYearsTable;
  }
}
