/**
 * Use cases of copies (bản sao — Nghị định 30/2020, Điều 25–27; STANDARDS §1.11): the clerk makes a sao y or a
 * trích sao of a document the organisation holds (an issued outgoing document, a registered incoming one)
 * or a sao lục of a sao y; a leader signs. One transaction: the copy's own number (gap-free), its PDF, the
 * record and the audit row. Whoever may see the copied document sees its copies.
 */
import { buffer } from 'node:stream/consumers';
import { writeAudit } from '../../../../platform/audit/audit.ts';
import { authorize, type Actor } from '../../../../platform/authz.ts';
import type { AppDeps, UseCaseContext } from '../../../../platform/context.ts';
import type { Db, DbOrTrx, Trx } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import { nfc } from '../../../../platform/text.ts';
import { vietnamDate } from '../../../../platform/time.ts';
import { findFilesByIds, openFileStream } from '../../../files/index.ts';
import { getOrganizationById } from '../../../org/index.ts';
import { DOCUMENT_TYPES } from '../../documents.types.ts';
import * as incomingRepo from '../../incoming/incoming.repository.ts';
import { resolveReviewerScope } from '../approval/approval.scope.ts';
import * as drafts from '../drafts/drafts.repository.ts';
import '../issuing/issuing.tables.ts';
import { storeGeneratedFile } from '../../../files/index.ts';
import { allocateCopyNumber } from './copies.numbering.ts';
import { parsePageRanges, pdfPageCount, renderCopyPdf, sourceTitle, type CopyContent } from './copies.pdf.ts';
import { copiesPolicy } from './copies.policy.ts';
import * as repo from './copies.repository.ts';
import { signCopyAsOrganization } from './copies.signature.ts';
import type { CopyForm, CopyMedium, CopySourceType } from './copies.types.ts';

type Deps = Pick<AppDeps, 'db' | 'config'>;

export interface MakeCopyInput {
  readonly source: { readonly type: CopySourceType; readonly id: string };
  readonly form: CopyForm;
  readonly medium: CopyMedium;
  /** Trích sao of pages: "1-3,5". */
  readonly pages?: string | undefined;
  /** Trích sao re-typed: the excerpt. */
  readonly excerpt?: string | undefined;
  /** A leader of the organisation. */
  readonly signerUserId: string;
  /** Chức vụ as printed ("CHÁNH VĂN PHÒNG"; one line each, e.g. "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"); default: their position. */
  readonly signerTitle?: string | undefined;
  readonly recipients?: readonly string[] | undefined;
  /** An electronic copy of an organisation that signs digitally: the organisation certificate's PIN. */
  readonly pin?: string | undefined;
  readonly cscAccessToken?: string | undefined;
}

/** What is copied, resolved and checked: the root document, the PDF to copy, and how the excerpt names it. */
interface Source {
  readonly organizationId: string;
  readonly root: { outgoing_id: string; incoming_id: null } | { outgoing_id: null; incoming_id: string };
  readonly copyForm: CopyForm | null;
  readonly copyId: string | null;
  readonly confidential: boolean;
  readonly number: string;
  readonly fileId: string | null;
  readonly title: string;
}

const typeName = (code: string) => DOCUMENT_TYPES.find((t) => t.code === code)?.vi ?? 'Văn bản';
const invalidSource = (reason: string) => new AppError('documents.copy_invalid_source', { reason });

/** An outgoing document the actor may see, or 404. */
async function visibleOutgoing(db: DbOrTrx, actor: Actor, id: string) {
  const doc = await drafts.findVisibleOutgoingById(db, await resolveReviewerScope(db, actor), id);
  if (!doc) throw new AppError('record.not_found', { type: 'outgoing_document', id });
  return doc;
}

/** An incoming document the actor may see, or 404. */
async function visibleIncoming(db: DbOrTrx, actor: Actor, id: string) {
  const doc = await incomingRepo.findVisibleIncomingById(db, actor, id);
  if (!doc) throw new AppError('record.not_found', { type: 'incoming_document', id });
  return doc;
}

/** A copy of the actor's organisation whose root document the actor may see, or 404. */
async function visibleCopy(db: DbOrTrx, actor: Actor, id: string) {
  const copy = await repo.findCopyById(db, actor.organizationId, id);
  if (!copy) throw new AppError('record.not_found', { type: 'document_copy', id });
  try {
    if (copy.outgoing_id) await visibleOutgoing(db, actor, copy.outgoing_id);
    else await visibleIncoming(db, actor, copy.incoming_id!);
  } catch (error) {
    if (error instanceof AppError && error.code === 'record.not_found') {
      throw new AppError('record.not_found', { type: 'document_copy', id });
    }
    throw error;
  }
  return copy;
}

async function resolveSource(trx: Trx, actor: Actor, source: MakeCopyInput['source']): Promise<Source> {
  if (source.type === 'outgoing') {
    const doc = await visibleOutgoing(trx, actor, source.id);
    const issuer = await getOrganizationById(trx, doc.organization_id);
    return {
      organizationId: doc.organization_id,
      root: { outgoing_id: doc.id, incoming_id: null },
      copyForm: null,
      copyId: null,
      confidential: doc.confidentiality !== 'normal',
      number: doc.full_number ?? '',
      fileId: doc.status === 'issued' ? doc.official_file_id : null,
      title: sourceTitle(
        typeName(doc.doc_type),
        doc.full_number ?? '',
        doc.issued_at ? vietnamDate(doc.issued_at) : null,
        issuer.name,
      ),
    };
  }
  if (source.type === 'incoming') {
    const doc = await visibleIncoming(trx, actor, source.id);
    const held = doc.registered_at !== null && doc.outcome === null;
    const main = held ? (await incomingRepo.findDocumentFiles(trx, doc.id)).find((f) => f.kind === 'main') : undefined;
    return {
      organizationId: doc.organization_id,
      root: { outgoing_id: null, incoming_id: doc.id },
      copyForm: null,
      copyId: null,
      confidential: doc.confidentiality !== 'normal',
      number: doc.number_notation,
      fileId: main?.file_id ?? null,
      title: sourceTitle(typeName(doc.doc_type), doc.number_notation, doc.document_date, doc.issuer_name),
    };
  }
  const copy = await visibleCopy(trx, actor, source.id);
  return {
    organizationId: copy.organization_id,
    root: copy.outgoing_id
      ? { outgoing_id: copy.outgoing_id, incoming_id: null }
      : { outgoing_id: null, incoming_id: copy.incoming_id! },
    copyForm: copy.form,
    copyId: copy.id,
    confidential: copy.confidential,
    number: copy.full_number,
    fileId: copy.file_id,
    title: `bản sao số ${copy.full_number}`,
  };
}

/** The clerk makes a copy: number, PDF, record, audit — one transaction. */
export async function makeCopy(deps: Deps, ctx: UseCaseContext, input: MakeCopyInput): Promise<repo.CopyRow> {
  const { actor } = ctx;
  return deps.db.transaction().execute(async (trx) => {
    const source = await resolveSource(trx, actor, input.source);
    authorize(copiesPolicy.canMake(actor, source.organizationId), { action: 'copy' });

    // Sao lục only from a sao y; sao y and trích sao only from the documents themselves.
    if (input.form === 'SL' ? source.copyForm !== 'SY' : source.copyForm !== null) {
      throw invalidSource(
        input.form === 'SL' ? 'a sao lục is made from a sao y' : `a ${input.form} is made from a document`,
      );
    }
    if (!source.fileId) throw invalidSource('the document is not issued or registered, or has no file');
    const excerpt = input.excerpt !== undefined ? nfc(input.excerpt.trim()) : undefined;
    const pagesSpec = input.pages?.replace(/\s+/g, '');
    if (input.form === 'TrS') {
      if (!pagesSpec === !excerpt) {
        throw new AppError('documents.copy_invalid_pages', { reason: 'a trích sao needs either pages or an excerpt' });
      }
    } else if (input.pages !== undefined || input.excerpt !== undefined) {
      throw new AppError('documents.copy_invalid_pages', { reason: `a ${input.form} copies the whole document` });
    }
    if (source.confidential && input.medium === 'electronic') {
      throw new AppError('documents.copy_confidential_electronic');
    }
    const today = vietnamDate();
    const signer = await repo.findLeader(trx, input.signerUserId, source.organizationId, today);
    if (!signer) throw new AppError('documents.copy_invalid_signer', { signerUserId: input.signerUserId });
    const signerTitle = nfc((input.signerTitle ?? '').trim()) || signer.position_name;
    if (!signerTitle)
      throw new AppError('request.invalid', { field: 'signerTitle', reason: 'the signer has no position' });
    const recipients = (input.recipients ?? []).map((r) => nfc(r.trim())).filter(Boolean);

    const [file] = await findFilesByIds(trx, [source.fileId]);
    if (!file || file.media_type !== 'application/pdf') throw invalidSource('the document file is not a PDF');
    const bytes = await buffer(await openFileStream(deps, file));
    let content: CopyContent;
    let pages: string | null = null;
    if (excerpt) {
      content = { kind: 'excerpt', text: excerpt, sourceTitle: source.title };
    } else if (pagesSpec) {
      const chosen = parsePageRanges(pagesSpec, await pdfPageCount(bytes));
      content = { kind: 'pdf', bytes, pages: chosen };
      pages = pagesSpec;
    } else {
      content = { kind: 'pdf', bytes };
    }

    const now = new Date();
    const numbered = await allocateCopyNumber(trx, {
      organizationId: source.organizationId,
      form: input.form,
      confidential: source.confidential,
      at: now,
    });
    const organization = await getOrganizationById(trx, source.organizationId);
    const parent = organization.parent_id ? await getOrganizationById(trx, organization.parent_id) : null;
    const rendered = await renderCopyPdf(content, {
      form: input.form,
      medium: input.medium,
      parentOrganizationName: parent?.name ?? null,
      organizationName: organization.name,
      number: numbered.number,
      notation: numbered.notation,
      place: organization.province_name ?? 'Hà Nội',
      date: today,
      madeAt: now,
      signerTitle,
      signerName: signer.full_name,
      recipients,
    });
    const pdf =
      input.medium === 'electronic'
        ? await signCopyAsOrganization(deps, trx, ctx, rendered.bytes, {
            organizationId: organization.id,
            form: input.form,
            fullNumber: numbered.fullNumber,
            copyId: null,
            ...(input.pin ? { pin: input.pin } : {}),
            ...(input.cscAccessToken ? { cscAccessToken: input.cscAccessToken } : {}),
          })
        : rendered.bytes;
    const stored = await storeGeneratedFile(deps, trx, {
      bytes: pdf,
      name: `${numbered.fullNumber.replace(/\//g, '-')}.pdf`,
      mediaType: 'application/pdf',
      organizationId: organization.id,
      uploadedBy: actor.userId,
    });
    const { id } = await repo.insertCopy(trx, {
      organization_id: organization.id,
      form: input.form,
      medium: input.medium,
      ...source.root,
      source_copy_id: source.copyId,
      source_number: source.number || '—',
      pages,
      excerpt: excerpt ?? null,
      confidential: source.confidential,
      register_id: numbered.registerId,
      year: numbered.year,
      number: numbered.number,
      notation: numbered.notation,
      full_number: numbered.fullNumber,
      copy_date: today,
      made_at: now,
      signer_user_id: signer.id,
      signer_name: signer.full_name,
      signer_title: signerTitle,
      recipients: JSON.stringify(recipients),
      file_id: stored.id,
      page_count: rendered.pageCount,
      created_by: actor.userId,
      created_at: now,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'documents.copy_made',
      targetType: 'document_copy',
      targetId: id,
      summary: {
        after: {
          form: input.form,
          medium: input.medium,
          fullNumber: numbered.fullNumber,
          outgoingId: source.root.outgoing_id,
          incomingId: source.root.incoming_id,
          sourceCopyId: source.copyId,
          pages,
          excerpt: excerpt !== undefined,
          signerUserId: signer.id,
          fileId: stored.id,
        },
      },
    });
    return (await repo.findCopyById(trx, organization.id, id))!;
  });
}

export async function listCopiesOfOutgoing(db: Db, actor: Actor, id: string) {
  await visibleOutgoing(db, actor, id);
  return repo.findCopiesOf(db, { outgoingId: id });
}

export async function listCopiesOfIncoming(db: Db, actor: Actor, id: string) {
  await visibleIncoming(db, actor, id);
  return repo.findCopiesOf(db, { incomingId: id });
}

export async function getCopy(db: Db, actor: Actor, id: string) {
  return visibleCopy(db, actor, id);
}
