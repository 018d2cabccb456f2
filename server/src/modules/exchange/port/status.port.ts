/** Status packets and recalls about documents that travel over the axis (documents' ExchangePort). */
import type { SendIncomingStatusInput, SendRecallInput } from '../../documents/index.ts';
import type { Trx } from '../../../platform/db/schema.ts';

export async function sendIncomingStatus(_trx: Trx, _input: SendIncomingStatusInput): Promise<void> {
  throw new Error('not built yet: status packets for documents received over the axis');
}

export async function sendRecall(_trx: Trx, _input: SendRecallInput): Promise<void> {
  throw new Error('not built yet: recalling a document sent over the axis');
}
