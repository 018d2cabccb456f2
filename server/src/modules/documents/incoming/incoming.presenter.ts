/** Rows → API shapes (snake_case → camelCase), explicitly. */
import { vietnamDate } from '../../../platform/time.ts';
import type { ValidationRow } from '../../signatures/index.ts';
import type { DocumentTypeCode } from '../documents.types.ts';
import type { getIncomingDetail, listIncoming } from './incoming.service.ts';
import type { findIncomingPage } from './incoming.repository.ts';

type SummaryRow = Awaited<ReturnType<typeof findIncomingPage>>['rows'][number];
type ListRow = Awaited<ReturnType<typeof listIncoming>>['rows'][number];
type Detail = Awaited<ReturnType<typeof getIncomingDetail>>;
type FileMeta = { id: string; original_name: string; media_type: string; size_bytes: number };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function isOverdue(row: { status: string; due_date: string | null }, today = vietnamDate()): boolean {
  return (row.status === 'assigned' || row.status === 'in_progress') && row.due_date !== null && row.due_date < today;
}

function summary(d: SummaryRow | Detail['doc']) {
  return {
    id: d.id,
    status: d.status,
    source: d.source,
    registerId: d.register_id,
    registerName: d.register_name ?? null,
    arrivalNumber: d.arrival_number,
    arrivalYear: d.arrival_year,
    receivedAt: d.received_at.toISOString(),
    issuerName: d.issuer_name,
    numberNotation: d.number_notation,
    documentDate: d.document_date,
    docType: d.doc_type as DocumentTypeCode,
    subject: d.subject,
    urgency: d.urgency,
    confidentiality: d.confidentiality,
    dueDate: d.due_date,
    replyDueDate: d.reply_due_date,
    overdue: isOverdue(d),
    unread: d.unread === true,
    completedAt: iso(d.completed_at),
    version: d.version,
  };
}

export function presentIncomingSummary(row: SummaryRow) {
  return { ...summary(row), leadUnitName: row.lead_unit_name, leadUserName: row.lead_user_name };
}

export function presentIncomingListItem(row: ListRow) {
  return { ...presentIncomingSummary(row), signatureVerdict: row.signature_verdict };
}

const reason = (r: { code: string; vi: string; en: string }) => ({ code: r.code, vi: r.vi, en: r.en });

/** A stored validation report, compactly: the verdict with its reasons, and who signed and how each signature fares. */
export function presentFileSignature(v: ValidationRow) {
  return {
    verdict: v.verdict,
    signatureCount: v.signature_count,
    validatedAt: v.created_at.toISOString(),
    reasons: v.report.reasons.map(reason),
    signers: v.report.signatures.map((s) => ({
      name: s.signerName,
      organization: s.organization,
      signingTime: s.signingTime,
      timestamped: s.timestamped,
      intact: s.intact,
      coversWholeDocument: s.coversWholeDocument,
      trusted: s.trusted,
      verdict: s.verdict,
      reasons: s.reasons.map(reason),
    })),
  };
}

export function presentIncomingDetail(detail: Detail, files: readonly FileMeta[]) {
  const { doc } = detail;
  const meta = new Map(files.map((f) => [f.id, f]));
  const validations = new Map(detail.validations.map((v) => [v.file_id, v]));
  const main = detail.files.find((f) => f.kind === 'main');
  return {
    ...summary(doc),
    signatureVerdict: (main && validations.get(main.file_id)?.verdict) ?? null,
    signerName: doc.signer_name,
    signerPosition: doc.signer_position,
    pageCount: doc.page_count,
    notes: doc.notes,
    senderOrganizationId: doc.sender_organization_id,
    registeredAt: iso(doc.registered_at),
    presentedTo: doc.presented_to,
    directedAt: iso(doc.directed_at),
    leadUnitId: doc.lead_unit_id,
    leadUserId: doc.lead_user_id,
    answeredBy: doc.answered_by,
    closedAt: iso(doc.closed_at),
    assignments: detail.assignments.map((a) => ({
      id: a.id,
      parentId: a.parent_id,
      role: a.role,
      unitId: a.unit_id,
      unitName: a.unit_name,
      userId: a.user_id,
      userName: a.user_name,
      assignedBy: a.assigned_by,
      assignedByName: a.assigned_by_name,
      assignedAt: a.assigned_at.toISOString(),
      deadline: a.deadline,
      instructions: a.instructions,
      status: a.status,
    })),
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
    files: detail.files.flatMap((f) => {
      const m = meta.get(f.file_id);
      if (!m) return [];
      return [
        {
          fileId: f.file_id,
          kind: f.kind,
          name: m.original_name,
          mediaType: m.media_type,
          sizeBytes: Number(m.size_bytes),
          addedAt: f.added_at.toISOString(),
          url: `/api/v1/incoming-documents/${doc.id}/files/${f.file_id}`,
          signature: validations.has(f.file_id) ? presentFileSignature(validations.get(f.file_id)!) : null,
        },
      ];
    }),
    extensions: detail.extensions.map((x) => ({
      id: x.id,
      assignmentId: x.assignment_id,
      requestedBy: x.requested_by,
      requestedByName: x.requested_by_name,
      requestedAt: x.requested_at.toISOString(),
      currentDeadline: x.current_deadline,
      requestedDeadline: x.requested_deadline,
      reason: x.reason,
      status: x.status,
      decidedByName: x.decided_by_name,
      decidedAt: iso(x.decided_at),
      decisionNote: x.decision_note,
    })),
    actions: detail.actions,
  };
}
