/**
 * Who hears about what on an incoming document: notices go to people (or to the heads of a unit, or to the
 * organisation's leaders or clerks), never to the person who acted, inside the transaction of the change.
 */
import type { Role } from '../../../platform/authz.ts';
import type { Confidentiality } from '../documents.types.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import type { JobQueue } from '../../../platform/jobs/jobs.ts';
import { vietnamDate } from '../../../platform/time.ts';
import { findMembersWithRole } from '../../identity/index.ts';
import { notify } from '../../notifications/index.ts';

export type Recipient = { readonly userId: string } | { readonly unitHeadsOf: string } | { readonly role: Role };

export interface IncomingNotice {
  readonly kind:
    | 'assigned'
    | 'for_info'
    | 'presented'
    | 'received'
    | 'extension_requested'
    | 'extension_decided'
    | 'returned'
    | 'completed'
    | 'due_soon'
    | 'overdue'
    | 'updated_by_sender'
    | 'replaced_by_sender';
  readonly to: readonly Recipient[];
  readonly document: {
    readonly id: string;
    readonly organization_id: string;
    readonly number_notation: string;
    readonly subject: string;
    readonly confidentiality: Confidentiality;
  };
  /** Extra words after the title, e.g. the deadline. */
  readonly detail?: { readonly vi: string; readonly en: string };
}

const TITLES: Record<IncomingNotice['kind'], { vi: string; en: string }> = {
  received: { vi: 'Văn bản đến chờ vào sổ', en: 'Incoming document waiting to be registered' },
  presented: { vi: 'Văn bản đến trình xin ý kiến chỉ đạo', en: 'Incoming document presented for direction' },
  assigned: { vi: 'Bạn được giao xử lý văn bản đến', en: 'An incoming document was assigned to you' },
  for_info: { vi: 'Văn bản đến gửi để biết', en: 'An incoming document for your information' },
  extension_requested: { vi: 'Đề nghị gia hạn xử lý văn bản', en: 'Request for more time on a document' },
  extension_decided: { vi: 'Đề nghị gia hạn đã được xem xét', en: 'Your request for more time was decided' },
  returned: { vi: 'Văn bản được trả lại', en: 'A document was handed back' },
  completed: { vi: 'Văn bản đã được giải quyết', en: 'A document was completed' },
  due_soon: { vi: 'Văn bản sắp đến hạn xử lý', en: 'A document is due soon' },
  overdue: { vi: 'Văn bản đã quá hạn xử lý', en: 'A document is overdue' },
  updated_by_sender: { vi: 'Nơi gửi đã cập nhật văn bản đến', en: 'The sender updated an incoming document' },
  replaced_by_sender: { vi: 'Văn bản đến đã được nơi gửi thay thế', en: 'The sender replaced an incoming document' },
};

async function resolveRecipients(trx: Trx, organizationId: string, to: readonly Recipient[]): Promise<Set<string>> {
  const today = vietnamDate();
  const ids = new Set<string>();
  for (const r of to) {
    if ('userId' in r) ids.add(r.userId);
    else if ('unitHeadsOf' in r) {
      for (const m of await findMembersWithRole(trx, organizationId, 'unit_head', today, r.unitHeadsOf)) ids.add(m.id);
    } else {
      for (const m of await findMembersWithRole(trx, organizationId, r.role, today)) ids.add(m.id);
    }
  }
  return ids;
}

export async function sendIncomingNotices(
  trx: Trx,
  jobs: JobQueue,
  actorUserId: string | null,
  notices: readonly IncomingNotice[],
): Promise<void> {
  for (const n of notices) {
    const recipients = await resolveRecipients(trx, n.document.organization_id, n.to);
    if (actorUserId) recipients.delete(actorUserId);
    if (recipients.size === 0) continue;
    const title = TITLES[n.kind];
    // A classified document's number and subject never leave the system: the notice only points to it.
    const classified = n.document.confidentiality !== 'normal';
    const head = classified
      ? { vi: 'Văn bản mật — mở EduGov để xem', en: 'Classified document — open EduGov to read it' }
      : {
          vi: `${n.document.number_notation} — ${n.document.subject}`,
          en: `${n.document.number_notation} — ${n.document.subject}`,
        };
    await notify(
      trx,
      jobs,
      [...recipients].map((userId) => ({
        userId,
        organizationId: n.document.organization_id,
        kind: `incoming.${n.kind}`,
        title,
        body: {
          vi: n.detail ? `${head.vi}. ${n.detail.vi}` : head.vi,
          en: n.detail ? `${head.en}. ${n.detail.en}` : head.en,
        },
        link: `/e-office/incoming/${n.document.id}`,
        email: !classified,
      })),
    );
  }
}
