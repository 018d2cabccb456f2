/** Form values shared by the create, edit and reorganisation forms, with the server's own patterns. */
import type { Organization, OrganizationKind, SuccessorInput } from '../../api/types';

export const IDENTIFIER_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
export const ABBREVIATION_PATTERN = /^[^\s/]+$/;

export interface OrgCoreValues {
  name: string;
  shortName: string;
  abbreviation: string;
  identifier: string;
  kind: OrganizationKind;
  parentId: string | null;
}

export type OrgErrorKey = 'common.required' | 'orgs.fields.abbreviationInvalid' | 'orgs.fields.identifierInvalid';
export type OrgCoreErrors = Partial<Record<keyof OrgCoreValues, OrgErrorKey>>;

export const EMPTY_ORG_CORE: OrgCoreValues = {
  name: '',
  shortName: '',
  abbreviation: '',
  identifier: '',
  kind: 'provincial_department',
  parentId: null,
};

/** The values of an existing organisation, to edit. */
export function orgCoreValuesOf(org: Organization): OrgCoreValues {
  return {
    name: org.name,
    shortName: org.shortName,
    abbreviation: org.abbreviation,
    identifier: org.identifier,
    kind: org.kind,
    parentId: org.parent?.id ?? null,
  };
}

/** The values as the API takes them (a new organisation, or a successor in a reorganisation). */
export function orgCoreBody(values: OrgCoreValues): SuccessorInput {
  return { ...values, name: values.name.trim(), shortName: values.shortName.trim() };
}

/** Error keys (i18n) per field; empty when the values can be sent. */
export function validateOrgCore(values: OrgCoreValues): OrgCoreErrors {
  const errors: OrgCoreErrors = {};
  if (!values.name.trim()) errors.name = 'common.required';
  if (!values.shortName.trim()) errors.shortName = 'common.required';
  if (!ABBREVIATION_PATTERN.test(values.abbreviation)) errors.abbreviation = 'orgs.fields.abbreviationInvalid';
  if (!IDENTIFIER_PATTERN.test(values.identifier)) errors.identifier = 'orgs.fields.identifierInvalid';
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some(Boolean);
}
