/** Rows and domain objects → API shapes (camelCase), explicitly. */
import type { CalendarDay } from './calendar.ts';
import type { OverrideRow, YearConfirmationRow } from './calendar.repository.ts';

export function presentOverride(row: OverrideRow) {
  return {
    id: row.id,
    date: row.date,
    kind: row.kind,
    name: row.name,
    sourceDocument: row.source_document,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
  };
}

export function presentDay(day: CalendarDay) {
  return {
    date: day.date,
    kind: day.kind,
    name: { vi: day.name.vi, en: day.name.en },
    source: day.source,
    unverified: day.unverified === true,
    compensatesFor: day.compensatesFor ?? null,
    overrideId: day.overrideId ?? null,
    sourceDocument: day.sourceDocument ?? null,
  };
}

export function presentYearCalendar(data: {
  year: number;
  days: readonly CalendarDay[];
  overrides: readonly OverrideRow[];
  confirmation: YearConfirmationRow | undefined;
}) {
  const c = data.confirmation;
  return {
    year: data.year,
    confirmed: c !== undefined,
    confirmation: c
      ? {
          confirmedBy: { id: c.confirmed_by, name: c.confirmed_by_name },
          confirmedAt: c.confirmed_at.toISOString(),
          note: c.note,
        }
      : null,
    days: data.days.map(presentDay),
    overrides: data.overrides.map(presentOverride),
  };
}
