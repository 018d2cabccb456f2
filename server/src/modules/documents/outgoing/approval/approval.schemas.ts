import { IsoDateTime, Obj, StringEnum, Text, Type, Uuid } from '../../../../platform/http/schema.ts';
import { REVIEWER_ROLES, ROUTE_STATUSES, STAGE_KINDS, STAGE_MODES, STEP_STATUSES } from './approval.types.ts';
import { SigningFields } from '../issuing/issuing.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Optional = Type.Optional;
const Comment = Text(2000);

const ReviewerRole = StringEnum(REVIEWER_ROLES, {
  description: 'unit_head: head of the drafting unit; leader: any leader; clerk: Văn phòng (form check)',
});

/** A reviewer in a request: a role or a person, never both. */
const ReviewerInput = Type.Union([Obj({ role: ReviewerRole }), Obj({ userId: Uuid })]);
/** A reviewer in a response (one of the two fields is set). */
const Reviewer = Obj({ role: Optional(ReviewerRole), userId: Optional(Uuid) });

const StageFields = {
  name: Text(200),
  kind: StringEnum(STAGE_KINDS, {
    description: 'review (duyệt), form_check (kiểm tra thể thức), approve (lãnh đạo duyệt, ký: the last stage)',
  }),
};

export const StageInput = Obj({
  ...StageFields,
  mode: Optional(
    StringEnum(STAGE_MODES, { description: 'all: every reviewer approves (default); any: the first approval' }),
  ),
  reviewers: Type.Array(ReviewerInput, { minItems: 1, maxItems: 10 }),
});

export const Stage = Obj({ ...StageFields, mode: StringEnum(STAGE_MODES), reviewers: Type.Array(Reviewer) });

export const Template = Obj({
  id: Uuid,
  name: Type.String(),
  steps: Type.Array(Stage, { description: 'The ordered stages' }),
  isDefault: Type.Boolean(),
  active: Type.Boolean({ description: 'false: retired (kept for the routes that used it; not offered any more)' }),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export const TemplateList = Obj({ items: Type.Array(Template) });
export const TemplateListQuery = Obj({
  includeRetired: Optional(
    Type.Boolean({ description: 'true: also the retired templates (administrators and leaders)' }),
  ),
});
export const CreateTemplateBody = Obj({
  name: Text(200),
  steps: Type.Array(StageInput, { minItems: 1, maxItems: 10 }),
  isDefault: Optional(Type.Boolean()),
});

export const UpdateTemplateBody = Obj({
  version: Type.Integer({ minimum: 1, description: 'The version read; a newer one answers 409 record.conflict' }),
  name: Optional(Text(200)),
  steps: Optional(Type.Array(StageInput, { minItems: 1, maxItems: 10 })),
  isDefault: Optional(Type.Boolean({ description: 'true: becomes the default (the previous default stops being it)' })),
  active: Optional(Type.Boolean({ description: 'false: retire (not the default); true: restore' })),
});

export const Route = Obj({
  id: Uuid,
  templateId: Uuid,
  templateName: Type.String(),
  round: Type.Integer({ description: '1 for the first submission, then one more per resubmission' }),
  revision: Type.Integer({ description: 'The revision submitted' }),
  status: StringEnum(ROUTE_STATUSES),
  currentStage: Type.Integer(),
  stages: Type.Array(Stage),
  submittedAt: IsoDateTime,
  endedAt: Nullable(IsoDateTime),
});

export const Step = Obj({
  id: Uuid,
  routeId: Uuid,
  round: Type.Integer(),
  stageIndex: Type.Integer(),
  reviewerUserId: Nullable(Uuid),
  reviewerName: Nullable(Type.String({ description: 'The person the step is given to by name' })),
  reviewerPosition: Nullable(Type.String({ description: "That person's position (chức vụ) in the organisation" })),
  reviewerRole: Nullable(ReviewerRole),
  reviewerUnitId: Nullable(Uuid),
  reviewerUnitName: Nullable(Type.String()),
  assignees: Type.Array(Obj({ userId: Uuid, name: Type.String(), position: Nullable(Type.String()) }), {
    description: 'While a step given to a role waits: the people holding that role today (else empty)',
  }),
  forwardedFrom: Nullable(Uuid),
  status: StringEnum(STEP_STATUSES),
  comment: Nullable(Type.String()),
  decidedBy: Nullable(Uuid),
  decidedByName: Nullable(Type.String({ description: 'Who approved, returned, forwarded or rejected the step' })),
  decidedByPosition: Nullable(Type.String({ description: 'Their position (chức vụ) on the day they decided' })),
  decidedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});

const StepId = { stepId: Optional(Uuid) };
export const SubmitBody = Obj({
  templateId: Optional(Uuid),
});
export const ApproveBody = Obj({
  ...StepId,
  comment: Optional(Comment),
  decisionNote: Optional(Text(2000, 1)),
  ...SigningFields("the approver's certificate (last stage, when the organisation signs digitally)"),
});
export const ReturnBody = Obj({ ...StepId, comment: Comment });
export const ForwardBody = Obj({ ...StepId, toUserId: Uuid, comment: Optional(Comment) });
export const RejectBody = Obj({ ...StepId, decisionNote: Text(2000, 1) });
