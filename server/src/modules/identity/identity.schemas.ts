import { ROLES } from '../../platform/authz.ts';
import { IsoDate, IsoDateTime, Obj, StringEnum, Text, Type, Uuid } from '../../platform/http/schema.ts';

export const RoleSchema = StringEnum(ROLES);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Username = Type.String({ minLength: 3, maxLength: 60, pattern: '^[a-zA-Z0-9._-]+$' });
const Password = Type.String({ minLength: 1, maxLength: 128 });

export const LoginBody = Obj({ username: Type.String({ minLength: 1, maxLength: 60 }), password: Password });

export const Membership = Obj({
  id: Uuid,
  organizationId: Uuid,
  organizationName: Type.String(),
  organizationShortName: Type.String(),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  positionId: Nullable(Uuid),
  positionName: Nullable(Type.String()),
  roles: Type.Array(RoleSchema),
  isPrimary: Type.Boolean(),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  version: Type.Integer(),
});

export const Me = Obj({
  user: Obj({ id: Uuid, username: Type.String(), fullName: Type.String() }),
  activeMembershipId: Uuid,
  organizationId: Uuid,
  roles: Type.Array(RoleSchema, { description: 'Effective roles now: the active membership plus delegated roles' }),
  memberships: Type.Array(Membership),
  delegatedRoles: Type.Array(Obj({ delegationId: Uuid, fromUserId: Uuid, roles: Type.Array(RoleSchema) })),
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every state-changing request' }),
});

export const SwitchMembershipBody = Obj({ membershipId: Uuid });
export const ChangePasswordBody = Obj({ currentPassword: Password, newPassword: Password });

export const User = Obj({
  id: Uuid,
  username: Type.String(),
  fullName: Type.String(),
  email: Nullable(Type.String()),
  status: StringEnum(['active', 'disabled']),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
});
export const UserDetail = Obj({ ...User.properties, memberships: Type.Array(Membership) });
export const UserList = Obj({ items: Type.Array(User), total: Type.Integer() });
export const UserQuery = Obj({
  organizationId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

const MembershipFields = {
  organizationId: Uuid,
  unitId: Type.Optional(Nullable(Uuid)),
  positionId: Type.Optional(Nullable(Uuid)),
  roles: Type.Array(RoleSchema, { minItems: 1, maxItems: ROLES.length, uniqueItems: true }),
  validFrom: Type.Optional(IsoDate),
  validTo: Type.Optional(Nullable(IsoDate)),
};
export const CreateUserBody = Obj({
  username: Username,
  fullName: Text(200),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  password: Password,
  membership: Obj(MembershipFields),
});
export const UpdateUserBody = Obj({
  version: Type.Integer({ minimum: 1 }),
  fullName: Type.Optional(Text(200)),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  status: Type.Optional(StringEnum(['active', 'disabled'])),
});
export const ResetPasswordBody = Obj({ newPassword: Password });
export const AddMembershipBody = Obj({ ...MembershipFields, isPrimary: Type.Optional(Type.Boolean()) });
export const UpdateMembershipBody = Obj({
  version: Type.Integer({ minimum: 1 }),
  unitId: Type.Optional(Nullable(Uuid)),
  positionId: Type.Optional(Nullable(Uuid)),
  roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: ROLES.length, uniqueItems: true })),
  validTo: Type.Optional(Nullable(IsoDate)),
});

export const Delegation = Obj({
  id: Uuid,
  organizationId: Uuid,
  organizationName: Type.String(),
  fromUserId: Uuid,
  fromName: Type.String(),
  toUserId: Uuid,
  toName: Type.String(),
  roles: Type.Array(RoleSchema),
  validFrom: IsoDate,
  validTo: IsoDate,
  reason: Type.String(),
  revokedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});
export const DelegationList = Obj({ items: Type.Array(Delegation) });
export const CreateDelegationBody = Obj({
  fromUserId: Type.Optional(Uuid),
  toUserId: Uuid,
  roles: Type.Array(RoleSchema, { minItems: 1, maxItems: ROLES.length, uniqueItems: true }),
  validFrom: IsoDate,
  validTo: IsoDate,
  reason: Text(500),
});

export const RoleList = Obj({
  items: Type.Array(Obj({ code: RoleSchema, vi: Type.String(), en: Type.String() })),
});

export const SessionState = Obj({ me: Type.Union([Me, Type.Null()]) });

export const PeopleQuery = Obj({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  unitId: Type.Optional(Uuid),
  role: Type.Optional(RoleSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const PeopleList = Obj({
  items: Type.Array(
    Obj({
      id: Uuid,
      fullName: Type.String(),
      username: Type.String(),
      unitId: Type.Union([Uuid, Type.Null()]),
      unitName: Type.Union([Type.String(), Type.Null()]),
      positionName: Type.Union([Type.String(), Type.Null()]),
      roles: Type.Array(RoleSchema),
    }),
  ),
});
