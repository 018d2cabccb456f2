/** The working calendar of a year: query, and the administrator's changes (overrides, confirmation). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ApiBody, ApiResponse } from '../../api/types';

export type YearCalendar = ApiResponse<'/api/v1/calendar/holidays', 'get'>;
export type CalendarDay = YearCalendar['days'][number];
export type CalendarOverride = YearCalendar['overrides'][number];
export type NewCalendarOverride = ApiBody<'/api/v1/calendar/overrides', 'post'>;
export type OverrideKind = NewCalendarOverride['kind'];

export const OVERRIDE_KINDS: readonly OverrideKind[] = ['day_off', 'working_day', 'remove'];

const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
};

export function useYearCalendar(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => unwrap(api.GET('/api/v1/calendar/holidays', { params: { query: { year } } })),
  });
}

function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: calendarKeys.all });
}

export function useCreateOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (body: NewCalendarOverride) => unwrap(api.POST('/api/v1/calendar/overrides', { body })),
    onSuccess: invalidate,
  });
}

export function useDeleteOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/calendar/overrides/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useConfirmYear() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ year, note }: { year: number; note: string | null }) =>
      unwrap(api.POST('/api/v1/calendar/years/{year}/confirm', { params: { path: { year } }, body: { note } })),
    onSuccess: invalidate,
  });
}
