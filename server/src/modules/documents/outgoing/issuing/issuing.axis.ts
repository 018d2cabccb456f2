/**
 * Issuing to organisations reached through the interchange axis (issue 6): they get one edXML package between
 * them, queued through the exchange port in the issue's transaction; each keeps a dispatch on the 'axis'
 * channel with its identifier code and the package's DocumentId, by which status packets come back.
 */
import type { AppDeps } from '../../../../platform/context.ts';
import type { Trx } from '../../../../platform/db/schema.ts';
import { findFilesByIds, readFileBytes } from '../../../files/index.ts';
import type { DocumentTypeCode } from '../../documents.types.ts';
import { exchangePort, type AxisRecipient, type SendIssuedInput } from '../../documents.exchange-port.ts';
import type { OutgoingRow } from '../approval/approval.steps.ts';
import { officialPdfInput } from './issuing.pdf.ts';
import { recipientNames } from './issuing.signing.ts';

export interface AxisIssue {
  readonly doc: OutgoingRow;
  readonly issued: { readonly number: number; readonly notation: string; readonly full_number: string };
  readonly day: string;
  readonly recipients: readonly AxisRecipient[];
  /** The official PDF, then the annexes, as issued. */
  readonly fileIds: readonly string[];
  readonly signer: SendIssuedInput['signer'];
}

/** Queues the package for every recipient reached through the axis; returns its DocumentId. */
export async function sendOverAxis(deps: Pick<AppDeps, 'config'>, trx: Trx, a: AxisIssue): Promise<string> {
  // The header says what the official PDF prints: the signature block, the place, the recipients (Nơi nhận).
  const names = await recipientNames(trx, a.doc);
  const printed = await officialPdfInput(trx, a.doc, a.issued, a.day, names);
  const { authority, principal, position, name } = printed.signature;
  const result = await exchangePort().sendIssued(trx, {
    outgoingId: a.doc.id,
    organizationId: a.doc.organization_id,
    recipients: a.recipients,
    document: {
      number: a.issued.full_number.slice(0, a.issued.full_number.indexOf('/')),
      notation: a.issued.notation,
      issuedOn: a.day,
      place: printed.place,
      docType: a.doc.doc_type as DocumentTypeCode,
      subject: a.doc.subject,
      urgency: a.doc.urgency,
      signerName: name || null,
      signerAuthority: authority ? [authority, principal].filter(Boolean).join(' ') : null,
      signerPosition: position || null,
      replyDueOn: a.doc.reply_due_date,
      recipientsText: names,
    },
    files: await packageFiles(deps, trx, a.fileIds),
    ...(a.signer ? { signer: a.signer } : {}),
  });
  return result.documentId;
}

async function packageFiles(deps: Pick<AppDeps, 'config'>, trx: Trx, ids: readonly string[]) {
  const files = [];
  for (const f of await findFilesByIds(trx, ids)) {
    const bytes = new Uint8Array(await readFileBytes({ config: deps.config, db: trx }, f.id));
    files.push({ name: f.original_name, contentType: f.media_type, bytes });
  }
  return files;
}
