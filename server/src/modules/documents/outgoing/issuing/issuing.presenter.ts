import type { listDispatches } from './issuing.service.ts';
import { DISPATCH_LABELS } from './issuing.types.ts';

type Row = Awaited<ReturnType<typeof listDispatches>>[number];

export function presentDispatch(d: Row) {
  return {
    id: d.id,
    organizationId: d.recipient_organization_id,
    organizationName: d.recipient_name,
    channel: d.channel,
    status: d.status,
    label: DISPATCH_LABELS[d.status],
    statusAt: d.status_at.toISOString(),
    reason: d.reason,
    history: d.history.map((h) => ({
      status: h.status,
      label: DISPATCH_LABELS[h.status],
      reason: h.reason,
      actorName: h.actor_name,
      occurredAt: h.occurred_at.toISOString(),
    })),
  };
}
