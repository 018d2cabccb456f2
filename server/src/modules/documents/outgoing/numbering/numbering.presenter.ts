import type { IssuedNumberRow } from './numbering.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentIssuedNumber(n: IssuedNumberRow) {
  return {
    id: n.id,
    registerId: n.register_id,
    registerName: n.register_name,
    confidential: n.confidential,
    year: n.year,
    series: n.series,
    number: n.number,
    notation: n.notation,
    fullNumber: n.full_number,
    docType: n.doc_type,
    confidentiality: n.confidentiality,
    draftingUnitId: n.drafting_unit_id,
    draftingUnitName: n.drafting_unit_name,
    subject: n.subject,
    signerName: n.signer_name,
    notes: n.notes,
    issuedAt: n.issued_at.toISOString(),
    issuedById: n.issued_by,
    issuedByName: n.issued_by_name,
    status: n.status,
    cancelledAt: iso(n.cancelled_at),
    cancelledByName: n.cancelled_by_name,
    cancelReason: n.cancel_reason,
    documentId: n.document_id,
  };
}
