/** Rows → API shapes (snake_case → camelCase), explicitly. */
import type { DocumentTypeCode } from '../../documents.types.ts';
import { presentStage, presentStep } from '../approval/approval.presenter.ts';
import type { compareRevisions, getOutgoingDetail } from './drafts.service.ts';
import type { findOutgoingPage } from './drafts.repository.ts';

type SummaryRow = Awaited<ReturnType<typeof findOutgoingPage>>['rows'][number];
type Detail = Awaited<ReturnType<typeof getOutgoingDetail>>;
type Comparison = Awaited<ReturnType<typeof compareRevisions>>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(d: SummaryRow | Detail['doc']) {
  return {
    id: d.id,
    status: d.status,
    docType: d.doc_type as DocumentTypeCode,
    subject: d.subject,
    draftingUnitId: d.drafting_unit_id,
    draftingUnitName: d.drafting_unit_name,
    createdBy: d.created_by,
    createdByName: d.created_by_name,
    urgency: d.urgency,
    confidentiality: d.confidentiality,
    replyDueDate: d.reply_due_date,
    currentRevision: d.current_revision,
    submittedAt: iso(d.submitted_at),
    lastActivityAt: d.last_activity_at.toISOString(),
    createdAt: d.created_at.toISOString(),
    version: d.version,
    fullNumber: d.full_number,
    issuedAt: iso(d.issued_at),
  };
}

export function presentOutgoingSummary(row: SummaryRow) {
  return { ...summary(row), waitingForMe: row.waiting_for_me === true };
}

type RelatedRow = NonNullable<Detail['relations']['target']>;
const related = (r: RelatedRow) => ({
  id: r.id,
  fullNumber: r.full_number,
  subject: r.subject,
  status: r.status,
  issuedAt: iso(r.issued_at),
});

export function presentOutgoingDetail(detail: Detail) {
  const { doc, route } = detail;
  const { target, referrers } = detail.relations;
  const meta = new Map(detail.fileMeta.map((f) => [f.id, f]));
  const orgNames = new Map(detail.organizations.map((o) => [o.id, o.name]));
  return {
    ...summary(doc),
    body: doc.body,
    signerUserId: doc.signer_user_id,
    signerName: doc.signer_name,
    signerPositionTitle: doc.signer_position_title,
    authorityPrefix: doc.authority_prefix,
    recipients: {
      internal: doc.recipients.internal.map((id) => ({ organizationId: id, name: orgNames.get(id) ?? null })),
      external: [...doc.recipients.external],
    },
    answersIncomingId: doc.answers_incoming_id,
    completesAnswered: doc.completes_answered,
    principalTitle: doc.principal_title,
    replaces: target && doc.relation_kind === 'replaces' ? related(target) : null,
    corrects: target && doc.relation_kind === 'corrects' ? related(target) : null,
    replacedBy: referrers.filter((r) => r.relation_kind === 'replaces').map(related),
    correctedBy: referrers.filter((r) => r.relation_kind === 'corrects').map(related),
    issuedNumberId: doc.issued_number_id,
    decidedAt: iso(doc.decided_at),
    decidedBy: doc.decided_by,
    decidedByName: doc.decided_by_name,
    decisionNote: doc.decision_note,
    officialFileUrl: doc.official_file_id ? `/api/v1/outgoing-documents/${doc.id}/files/${doc.official_file_id}` : null,
    signing: {
      required: detail.signing.required,
      signedAt: iso(doc.signed_at),
      signedBy: doc.signed_by,
      signedByName: doc.signed_by_name,
      signedFileId: doc.signed_file_id,
      signedFileUrl: doc.signed_file_id ? `/api/v1/outgoing-documents/${doc.id}/files/${doc.signed_file_id}` : null,
      officialVerdict: detail.signing.officialValidation?.verdict ?? null,
      officialValidatedAt: iso(detail.signing.officialValidation?.created_at ?? null),
    },
    files: detail.files.flatMap((f) => {
      const m = meta.get(f.fileId);
      if (!m) return [];
      return [
        {
          fileId: f.fileId,
          kind: f.kind,
          name: m.original_name,
          mediaType: m.media_type,
          sizeBytes: Number(m.size_bytes),
          url: `/api/v1/outgoing-documents/${doc.id}/files/${f.fileId}`,
        },
      ];
    }),
    revisions: detail.revisions.map((r) => ({
      revision: r.revision,
      createdAt: r.created_at.toISOString(),
      createdBy: r.created_by,
      createdByName: r.created_by_name,
    })),
    route: route
      ? {
          id: route.id,
          templateId: route.template_id,
          templateName: route.template_name,
          round: route.round,
          revision: route.revision,
          status: route.status,
          currentStage: route.current_stage,
          stages: route.stages.map(presentStage),
          submittedAt: route.submitted_at.toISOString(),
          endedAt: iso(route.ended_at),
        }
      : null,
    steps: detail.steps.map(presentStep),
    trail: detail.events.map((e) => ({
      id: Number(e.id),
      occurredAt: e.occurred_at.toISOString(),
      actorUserId: e.actor_user_id,
      actorName: e.actor_name,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      details: e.details,
    })),
    actions: detail.actions,
  };
}

export function presentComparison(c: Comparison) {
  const ref = (r: Comparison['from']) => ({
    revision: r.revision,
    createdAt: r.created_at.toISOString(),
    createdByName: r.created_by_name,
  });
  return { from: ref(c.from), to: ref(c.to), fields: c.fields, bodyChanged: c.bodyChanged, body: c.body };
}
