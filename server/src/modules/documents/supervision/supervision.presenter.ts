/** Supervision results → API shapes; a document is shown like in the incoming list, plus what it counts as. */
import { presentIncomingSummary } from '../incoming/incoming.presenter.ts';
import type { SupervisedDocument, SupervisionSummary } from './supervision.service.ts';

export function presentSupervisionSummary(s: SupervisionSummary) {
  return { period: s.period, groupBy: s.groupBy, scope: s.scope, rows: [...s.rows], totals: s.totals };
}

export function presentSupervisedDocument(d: SupervisedDocument) {
  return {
    ...presentIncomingSummary(d),
    overdue: d.measure === 'overdue',
    directedAt: d.first_directed_at!.toISOString(),
    unitId: d.unit_id,
    unitName: d.unit_name,
    userId: d.user_id,
    userName: d.user_name,
    measure: d.measure,
    workingDays: d.working_days,
  };
}
