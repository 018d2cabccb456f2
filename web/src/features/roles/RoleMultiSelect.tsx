/** Pick roles by their names in the UI language. */
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';

export const ALL_ROLES: readonly Role[] = [
  'system_admin',
  'org_admin',
  'clerk',
  'leader',
  'unit_head',
  'specialist',
  'archivist',
];

function isRole(value: string): value is Role {
  return (ALL_ROLES as readonly string[]).includes(value);
}

interface RoleMultiSelectProps {
  value: Role[];
  onChange: (roles: Role[]) => void;
  /** Roles that may be chosen (others are not offered). */
  allowed: readonly Role[];
  label?: string;
  error?: string | undefined;
  description?: string;
}

export function RoleMultiSelect({ value, onChange, allowed, label, error, description }: RoleMultiSelectProps) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={label ?? t('users.roles')}
      description={description}
      required
      data={allowed.map((role) => ({ value: role, label: t(`roleNames.${role}`) }))}
      value={value}
      onChange={(next) => onChange(next.filter(isRole))}
      error={error}
      hidePickedOptions
      searchable
      nothingFoundMessage={t('common.nothingFound')}
    />
  );
}
