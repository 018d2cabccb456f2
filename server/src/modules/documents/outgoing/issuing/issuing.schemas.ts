import { IsoDate, IsoDateTime, Obj, StringEnum, Text, Type, Uuid } from '../../../../platform/http/schema.ts';
import { DISPATCH_CHANNELS, DISPATCH_STATUSES } from './issuing.types.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Label = Obj({ vi: Type.String(), en: Type.String() });
const Status = StringEnum(DISPATCH_STATUSES, {
  description:
    '01 đã đến, 02 từ chối, 03 đã tiếp nhận, 04 phân công, 05 đang xử lý, 06 hoàn thành, 13 yêu cầu thu hồi, ' +
    '15 đồng ý thu hồi, 16 từ chối thu hồi; queued: waits for the exchange (external), listed: sent on paper',
});

export const IssueBody = Obj({
  registerId: Type.Optional(Uuid),
  date: Type.Optional(IsoDate),
  finalFileId: Type.Optional(
    Type.String({ format: 'uuid', description: 'An uploaded final PDF made in a word processor: nothing is rendered' }),
  ),
  ...SigningFields(
    'the organisation certificate (when the organisation signs digitally: its signature seals the issue)',
  ),
});

/** The PIN of a signing certificate and, for a remote (CSC) one, the service's access token. */
export function SigningFields(whose: string) {
  return {
    pin: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: `The PIN of ${whose}` })),
    cscAccessToken: Type.Optional(
      Type.String({ minLength: 1, maxLength: 8192, description: 'Access token of the remote signing service (CSC)' }),
    ),
  };
}

export const RecallBody = Obj({ reason: Text(2000) });
export const RefuseBody = Obj({ note: Text(2000) });
export const RecallAnswerBody = Obj({ accept: Type.Boolean(), note: Type.Optional(Text(2000)) });

const HistoryItem = Obj({
  status: Status,
  label: Label,
  reason: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  occurredAt: IsoDateTime,
});

export const Dispatch = Obj({
  id: Uuid,
  organizationId: Nullable(Uuid),
  organizationName: Type.String(),
  channel: StringEnum(DISPATCH_CHANNELS),
  status: Status,
  label: Label,
  statusAt: IsoDateTime,
  reason: Nullable(Type.String()),
  history: Type.Array(HistoryItem),
});

export const DispatchList = Obj({ items: Type.Array(Dispatch) });
