/**
 * Who hears about what on an outgoing draft: the next reviewers when a stage opens or a step is forwarded
 * to them, the author when it is returned, approved or rejected — never the person who acted, inside the
 * transaction of the change. A classified draft's subject never appears in a notice, and it is not e-mailed.
 */
import type { Trx } from '../../../../platform/db/schema.ts';
import type { JobQueue } from '../../../../platform/jobs/jobs.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { findMembersWithRole } from '../../../identity/index.ts';
import { notify, type Bilingual } from '../../../notifications/index.ts';
import { DOCUMENT_TYPES, type Confidentiality } from '../../documents.types.ts';
import type { ReviewerRole } from './approval.types.ts';

export type Recipient = { readonly userId: string } | { readonly role: ReviewerRole; readonly unitId?: string | null };

export interface OutgoingNotice {
  readonly kind: 'review_requested' | 'forwarded' | 'returned' | 'approved' | 'rejected';
  readonly to: readonly Recipient[];
  readonly document: {
    readonly id: string;
    readonly organization_id: string;
    readonly doc_type: string;
    readonly subject: string;
    readonly confidentiality: Confidentiality;
  };
  /** Extra words after the title: the stage, the comment, the decision. */
  readonly detail?: Bilingual;
}

const TITLES: Record<OutgoingNotice['kind'], Bilingual> = {
  review_requested: { vi: 'Dự thảo văn bản chờ bạn xử lý', en: 'A draft is waiting for your review' },
  forwarded: { vi: 'Dự thảo văn bản được chuyển đến bạn', en: 'A draft was forwarded to you for review' },
  returned: { vi: 'Dự thảo văn bản bị trả lại', en: 'Your draft was returned' },
  approved: { vi: 'Dự thảo văn bản đã được phê duyệt', en: 'Your draft was approved' },
  rejected: { vi: 'Tờ trình không được phê duyệt', en: 'Your submission was rejected' },
};

async function resolveRecipients(trx: Trx, organizationId: string, to: readonly Recipient[]): Promise<Set<string>> {
  const today = vietnamDate();
  const ids = new Set<string>();
  for (const r of to) {
    if ('userId' in r) ids.add(r.userId);
    else if (r.role !== 'unit_head' || r.unitId) {
      const unit = r.role === 'unit_head' ? (r.unitId ?? undefined) : undefined;
      for (const m of await findMembersWithRole(trx, organizationId, r.role, today, unit)) ids.add(m.id);
    }
  }
  return ids;
}

export async function sendOutgoingNotices(
  trx: Trx,
  jobs: JobQueue,
  actorUserId: string,
  notices: readonly OutgoingNotice[],
): Promise<void> {
  for (const n of notices) {
    const recipients = await resolveRecipients(trx, n.document.organization_id, n.to);
    recipients.delete(actorUserId);
    if (recipients.size === 0) continue;
    const classified = n.document.confidentiality !== 'normal';
    const type = DOCUMENT_TYPES.find((t) => t.code === n.document.doc_type);
    const head = classified
      ? { vi: 'Văn bản mật — mở EduGov để xem', en: 'Classified document — open EduGov to read it' }
      : {
          vi: `${type?.vi ?? n.document.doc_type}: ${n.document.subject}`,
          en: `${type?.en ?? n.document.doc_type}: ${n.document.subject}`,
        };
    await notify(
      trx,
      jobs,
      [...recipients].map((userId) => ({
        userId,
        organizationId: n.document.organization_id,
        kind: `outgoing.${n.kind}`,
        title: TITLES[n.kind],
        // Comments may quote the content: a classified draft's notice carries none of it.
        body: {
          vi: n.detail && !classified ? `${head.vi}. ${n.detail.vi}` : head.vi,
          en: n.detail && !classified ? `${head.en}. ${n.detail.en}` : head.en,
        },
        link: `/e-office/outgoing/${n.document.id}`,
        email: !classified,
      })),
    );
  }
}
