/**
 * The issued document leaves for recipients reached through the axis (documents' ExchangePort.sendIssued):
 * one edXML package (Bussiness 0, every such recipient in To, the official PDF and the annexes in Base64),
 * signed with the organisation's key when it signs, queued in the issue's transaction.
 */
import type { SendIssuedInput } from '../../documents/index.ts';
import { getOrganizationById } from '../../org/index.ts';
import type { Trx } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { buildEdxml } from '../edxml/edxml.build.ts';
import { EdxmlError } from '../edxml/edxml.errors.ts';
import { signEdxml } from '../edxml/edxml.signature.ts';
import type { EdxmlAttachment, EdxmlPackage } from '../edxml/edxml.types.ts';
import { packageOfOutgoing, type OutgoingForExchange } from '../exchange.mapping.ts';
import { enqueueMessage } from '../outbox/outbox.service.ts';

export async function sendIssued(trx: Trx, input: SendIssuedInput): Promise<{ documentId: string }> {
  const issuer = await getOrganizationById(trx, input.organizationId);
  const d = input.document;
  const signer = {
    ...(d.signerAuthority ? { authority: d.signerAuthority } : {}),
    ...(d.signerPosition ? { position: d.signerPosition } : {}),
    ...(d.signerName ? { fullName: d.signerName } : {}),
  };
  const outgoing: OutgoingForExchange = {
    sender: { organId: issuer.identifier, organName: issuer.name },
    recipients: input.recipients.map((r) => ({ organId: r.code, organName: r.name })),
    number: d.number,
    notation: d.notation,
    issuedOn: d.issuedOn,
    ...(d.place ? { place: d.place } : {}),
    docType: d.docType,
    subject: d.subject,
    urgency: d.urgency,
    ...(Object.keys(signer).length > 0 ? { signer } : {}),
    ...(d.replyDueOn ? { replyDueOn: d.replyDueOn } : {}),
    recipientsText: d.recipientsText,
    files: input.files.map(attachmentOf),
  };
  const pkg = packageOfOutgoing(outgoing);
  const xml = buildStrictly(pkg);
  await enqueueMessage(trx, {
    organizationId: input.organizationId,
    type: 'edoc',
    fromCode: issuer.identifier,
    toCodes: input.recipients.map((r) => r.code),
    xml: input.signer ? signEdxml(xml, input.signer) : xml,
    documentId: pkg.documentId,
    outgoingId: input.outgoingId,
  });
  return { documentId: pkg.documentId };
}

const attachmentOf = (f: SendIssuedInput['files'][number], index: number): EdxmlAttachment => ({
  contentId: `attachment-${index + 1}`,
  name: f.name,
  contentType: f.contentType,
  ...(index === 0 ? { description: 'Văn bản chính' } : {}),
  base64: Buffer.from(f.bytes).toString('base64'),
});

/** The package as XML; what QCVN 102 refuses (a subject over 500 characters, a file type) is the clerk's to fix. */
function buildStrictly(pkg: EdxmlPackage): string {
  try {
    return buildEdxml(pkg);
  } catch (error) {
    if (!(error instanceof EdxmlError)) throw error;
    throw new AppError('exchange.package_invalid', {
      issues: error.issues.filter((i) => i.severity === 'error').map((i) => ({ code: i.code, path: i.path })),
    });
  }
}
