import { IsoDateTime, Obj, Type, Uuid } from '../../platform/http/schema.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Bilingual = Obj({ vi: Type.String(), en: Type.String() });

export const Notification = Obj({
  id: Uuid,
  organizationId: Uuid,
  kind: Type.String({ description: 'What happened, `module.event` (e.g. `incoming.assigned`)' }),
  title: Bilingual,
  body: Nullable(Bilingual),
  link: Type.String({ description: 'App-relative path to open (e.g. `/e-office/incoming/<id>`)' }),
  createdAt: IsoDateTime,
  readAt: Nullable(IsoDateTime),
});

export const NotificationQuery = Obj({
  unreadOnly: Type.Optional(Type.Boolean({ default: false })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  before: Type.Optional(
    Type.String({ format: 'uuid', description: 'The id of the last notification of the previous page' }),
  ),
});

export const NotificationList = Obj({
  items: Type.Array(Notification),
  nextBefore: Nullable(Uuid),
});

export const UnreadCount = Obj({ count: Type.Integer({ minimum: 0 }) });

export const ReadAllResult = Obj({ updated: Type.Integer({ minimum: 0 }) });

export const IdParams = Obj({ id: Uuid });
