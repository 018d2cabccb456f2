import type { CopyRow } from './copies.repository.ts';
import { COPY_FORM_LABELS } from './copies.types.ts';

export function presentCopy(c: CopyRow) {
  return {
    id: c.id,
    form: c.form,
    formLabel: COPY_FORM_LABELS[c.form],
    medium: c.medium,
    fullNumber: c.full_number,
    number: c.number,
    year: c.year,
    notation: c.notation,
    date: c.copy_date,
    madeAt: c.made_at.toISOString(),
    outgoingId: c.outgoing_id,
    incomingId: c.incoming_id,
    sourceCopyId: c.source_copy_id,
    sourceCopyNumber: c.source_copy_number,
    sourceNumber: c.source_number,
    pages: c.pages,
    excerpt: c.excerpt,
    confidential: c.confidential,
    signerUserId: c.signer_user_id,
    signerName: c.signer_name,
    signerTitle: c.signer_title,
    recipients: c.recipients,
    pageCount: c.page_count,
    fileUrl: `/api/v1/document-copies/${c.id}/file`,
    createdByName: c.created_by_name,
    createdAt: c.created_at.toISOString(),
  };
}
