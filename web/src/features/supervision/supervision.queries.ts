/**
 * Supervision of incoming documents: the table per unit or person, the documents behind a number, and the
 * Excel report's address. Keys start with 'incoming' so the live notifications stream refreshes them too.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ApiQuery, ApiResponse } from '../../api/types';
import { addDays } from '../../lib/dates';

export type SupervisionQuery = ApiQuery<'/api/v1/incoming-supervision', 'get'>;
export type SupervisionSummary = ApiResponse<'/api/v1/incoming-supervision', 'get'>;
export type SupervisionRow = SupervisionSummary['rows'][number];
export type SupervisionTotals = SupervisionSummary['totals'];
export type GroupBy = NonNullable<SupervisionQuery['groupBy']>;
export type DocumentsQuery = ApiQuery<'/api/v1/incoming-supervision/documents', 'get'>;
export type MeasureFilter = NonNullable<DocumentsQuery['measure']>;
export type SupervisedDocument = ApiResponse<'/api/v1/incoming-supervision/documents', 'get'>['items'][number];

/** The counted columns of the table, in order: the field of a row and the drill-down measure behind it. */
export const MEASURE_COLUMNS = [
  { field: 'received', measure: 'received' },
  { field: 'inProgress', measure: 'in_progress' },
  { field: 'overdue', measure: 'overdue' },
  { field: 'completedOnTime', measure: 'completed_on_time' },
  { field: 'completedLate', measure: 'completed_late' },
  { field: 'closed', measure: 'closed' },
] as const satisfies readonly { field: keyof SupervisionTotals; measure: MeasureFilter }[];

/** The longest period the server accepts. */
export const MAX_PERIOD_DAYS = 366;

/** The first and last day of the month of a date (yyyy-mm-dd). */
export function monthOf(isoDate: string): { from: string; to: string } {
  const from = `${isoDate.slice(0, 7)}-01`;
  const month = Number(isoDate.slice(5, 7));
  const nextMonth =
    month === 12
      ? `${Number(isoDate.slice(0, 4)) + 1}-01-01`
      : `${isoDate.slice(0, 5)}${String(month + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(nextMonth, -1) };
}

/** Days from `from` to `to`, both counted. */
export function periodDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

const keys = {
  summary: (query: SupervisionQuery) => ['incoming', 'supervision', 'summary', query] as const,
  documents: (query: DocumentsQuery) => ['incoming', 'supervision', 'documents', query] as const,
};

export function useSupervision(query: SupervisionQuery, enabled: boolean) {
  return useQuery({
    queryKey: keys.summary(query),
    queryFn: () => unwrap(api.GET('/api/v1/incoming-supervision', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSupervisedDocuments(query: DocumentsQuery | undefined) {
  return useQuery({
    queryKey: keys.documents(query ?? { from: '', to: '' }),
    queryFn: () => unwrap(api.GET('/api/v1/incoming-supervision/documents', { params: { query: query! } })),
    enabled: query !== undefined,
  });
}

/** The Excel report of the table (the server answers in the language of the `lang` cookie). */
export function supervisionExportUrl(query: SupervisionQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, groupBy: query.groupBy ?? 'unit' });
  if (query.unitId) params.set('unitId', query.unitId);
  return `/api/v1/incoming-supervision/export.xlsx?${params.toString()}`;
}
