/**
 * Who may do what with the working-day calendar.
 * - Every signed-in official may read it and compute due dates (deadlines concern everyone).
 * - Only a system administrator records the Government's decisions for a year (days off, làm bù
 *   Saturdays, computed days that do not apply) and confirms the year: the calendar is national.
 */
import { isSystemAdmin, type Actor } from '../../platform/authz.ts';

export const calendarPolicy = {
  canReadCalendar: (_actor: Actor) => true,
  canManageCalendar: (actor: Actor) => isSystemAdmin(actor),
};
