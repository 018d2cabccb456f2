import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Timestamp } from '../../../../platform/db/schema.ts';
import type { ApprovalStage, ReviewerRole, RouteStatus, StepStatus } from './approval.types.ts';

export interface ApprovalTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  /** The ordered stages. */
  steps: ColumnType<ApprovalStage[], string, string>;
  is_default: Generated<boolean>;
  active: Generated<boolean>;
  created_by: string | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ApprovalRoutesTable {
  id: Generated<string>;
  document_id: string;
  template_id: string;
  template_name: string;
  stages: ColumnType<ApprovalStage[], string, string>;
  round: number;
  revision: number;
  current_stage: Generated<number>;
  status: Generated<RouteStatus>;
  submitted_by: string;
  submitted_at: DefaultTimestamp;
  ended_at: Timestamp | null;
}

export interface ApprovalStepsTable {
  id: Generated<string>;
  document_id: string;
  route_id: string;
  stage_index: number;
  reviewer_user_id: string | null;
  reviewer_role: ReviewerRole | null;
  reviewer_unit_id: string | null;
  forwarded_from: string | null;
  status: Generated<StepStatus>;
  comment: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

declare module '../../../../platform/db/schema.ts' {
  interface Database {
    approval_templates: ApprovalTemplatesTable;
    approval_routes: ApprovalRoutesTable;
    approval_steps: ApprovalStepsTable;
  }
}
