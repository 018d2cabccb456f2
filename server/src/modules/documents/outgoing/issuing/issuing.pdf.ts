/**
 * What the official PDF of an outgoing document shows, from its rows: the organisation and its parent, the
 * signer and whom they sign for, the recipients. Without a number and date (null) it is the PDF the leader
 * signs at approval; the issue step fills them in.
 */
import type { Trx } from '../../../../platform/db/schema.ts';
import { findUnitById, getOrganizationById } from '../../../org/index.ts';
import type { DocumentTypeCode } from '../../documents.types.ts';
import type { OutgoingRow } from '../approval/approval.steps.ts';
import { type AuthorityPrefix, type OfficialDocumentInput } from '../render/index.ts';
import { principalTitle } from './issuing.principal.ts';

export async function officialPdfInput(
  trx: Trx,
  doc: OutgoingRow,
  numbered: { number: number | null; notation: string },
  day: string | null,
  recipientNames: readonly string[],
): Promise<OfficialDocumentInput> {
  const organization = await getOrganizationById(trx, doc.organization_id);
  const parent = organization.parent_id ? await getOrganizationById(trx, organization.parent_id) : null;
  const signer = doc.signer_user_id
    ? await trx.selectFrom('users').select('full_name').where('id', '=', doc.signer_user_id).executeTakeFirst()
    : undefined;
  const unit = doc.drafting_unit_id ? await findUnitById(trx, doc.drafting_unit_id) : undefined;
  const authority = doc.authority_prefix ? (`${doc.authority_prefix}.` as AuthorityPrefix) : null;
  const principal =
    authority === 'TM.'
      ? organization.name
      : authority === 'KT.' || authority === 'TL.' || authority === 'TUQ.'
        ? await principalTitle(trx, organization, doc.signer_user_id, doc.principal_title)
        : null;
  const input: OfficialDocumentInput = {
    parentOrganizationName: parent?.name ?? null,
    organizationName: organization.name,
    number: numbered.number,
    notation: numbered.notation,
    place: organization.province_name ?? 'Hà Nội',
    date: day,
    typeCode: doc.doc_type as DocumentTypeCode,
    subject: doc.doc_type === 'official_letter' ? doc.subject.replace(/^V\/v\s*/i, '') : doc.subject,
    addressees: doc.doc_type === 'official_letter' ? recipientNames : [],
    body: doc.body,
    signature: {
      authority,
      principal,
      position: doc.signer_position_title ?? '',
      name: signer?.full_name ?? '',
    },
    distribution: doc.doc_type === 'official_letter' ? ['Như trên'] : recipientNames,
    archiveUnit: unit?.abbreviation ?? '',
    urgency: doc.urgency,
    confidentiality: doc.confidentiality,
  };
  return input;
}
