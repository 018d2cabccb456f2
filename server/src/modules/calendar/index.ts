/**
 * The calendar module's public door: the working-day calendar (days off of BLLĐ 2019 Điều 112, nghỉ bù,
 * the administrators' overrides per year) and deadlines counted in working days.
 */
import type { AppModule } from '../../platform/context.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { calendarMigrations } from './migrations/index.ts';
import './calendar.tables.ts';

export const calendarModule: AppModule = {
  name: 'calendar',
  migrations: calendarMigrations,
  jobs: [],
  routes: calendarRoutes,
};

export { addWorkingDays, loadWorkingCalendar, workingDaysBetween } from './calendar.service.ts';
export { createWorkingCalendar, endOfVietnamDay } from './calendar.ts';
export type {
  AddWorkingDaysOptions,
  CalendarDay,
  CalendarOverride,
  DueDate,
  NonWorkingDay,
  OverrideKind,
  WorkingCalendar,
} from './calendar.ts';
export { holidaysOfYear } from './holidays.ts';
export type { DayKind, DaySource, HolidayDay, HolidayOptions, LocalizedName } from './holidays.ts';
export { lunarToSolar, solarToLunar } from './lunar.ts';
export type { LunarDate } from './lunar.ts';
