/** The issued document leaves for recipients reached through the axis (documents' ExchangePort.sendIssued). */
import type { SendIssuedInput } from '../../documents/index.ts';
import type { Trx } from '../../../platform/db/schema.ts';

export async function sendIssued(_trx: Trx, _input: SendIssuedInput): Promise<{ documentId: string }> {
  throw new Error('not built yet: sending an issued document over the axis');
}
