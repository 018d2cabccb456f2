/** Organisation, unit, position and roles of a membership (vị trí công tác). */
import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { vietnamDate } from '../../lib/dates';
import { useRequiredMe } from '../auth/auth.queries';
import { activeMembership, isSystemAdmin } from '../auth/permissions';
import { useOrganizationOptions, usePositions, useUnits } from '../organizations/org.queries';
import { ALL_ROLES, RoleMultiSelect } from '../roles/RoleMultiSelect';

export interface MembershipValues {
  organizationId: string | null;
  unitId: string | null;
  positionId: string | null;
  roles: Role[];
}

/** A new membership starts in the admin's own organisation. */
export function defaultMembershipValues(organizationId: string): MembershipValues {
  return { organizationId, unitId: null, positionId: null, roles: ['specialist'] };
}

/** System administrators grant any role; organisation administrators all but system_admin. */
export function useGrantableRoles(): readonly Role[] {
  const me = useRequiredMe();
  return isSystemAdmin(me) ? ALL_ROLES : ALL_ROLES.filter((role) => role !== 'system_admin');
}

interface MembershipFieldsProps {
  values: MembershipValues;
  onChange: (patch: Partial<MembershipValues>) => void;
  /** Hide the organisation (editing an existing membership). */
  fixedOrganization?: boolean;
  rolesError?: string | undefined;
}

export function MembershipFields({ values, onChange, fixedOrganization = false, rolesError }: MembershipFieldsProps) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const systemAdmin = isSystemAdmin(me);
  const today = vietnamDate();
  const organizations = useOrganizationOptions(today, systemAdmin && !fixedOrganization);
  const units = useUnits(values.organizationId ?? undefined, today);
  const positions = usePositions(values.organizationId ?? undefined);
  const grantable = useGrantableRoles();
  const own = activeMembership(me);
  const organizationOptions = systemAdmin
    ? organizations.options
    : own
      ? [{ value: own.organizationId, label: own.organizationName }]
      : [];

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {!fixedOrganization && (
        <Select
          label={t('users.organization')}
          required
          data={organizationOptions}
          value={values.organizationId}
          onChange={(value) => onChange({ organizationId: value, unitId: null, positionId: null })}
          disabled={!systemAdmin}
          searchable
          limit={100}
          nothingFoundMessage={t('common.nothingFound')}
          style={{ gridColumn: '1 / -1' }}
        />
      )}
      <Select
        label={t('users.unit')}
        placeholder={t('common.none')}
        data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={values.unitId}
        onChange={(value) => onChange({ unitId: value })}
        clearable
        searchable
        disabled={!values.organizationId}
      />
      <Select
        label={t('users.position')}
        placeholder={t('common.none')}
        data={[...(positions.data?.items ?? [])]
          .sort((a, b) => a.rank - b.rank)
          .map((p) => ({ value: p.id, label: p.name }))}
        value={values.positionId}
        onChange={(value) => onChange({ positionId: value })}
        clearable
        searchable
        disabled={!values.organizationId}
      />
      <div style={{ gridColumn: '1 / -1' }}>
        <RoleMultiSelect
          value={values.roles}
          onChange={(roles) => onChange({ roles })}
          allowed={grantable}
          error={rolesError}
        />
      </div>
    </SimpleGrid>
  );
}
