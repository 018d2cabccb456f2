import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';

/** Role codes shown by their names in the UI language. */
export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <>—</>;
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" tt="none" radius="sm" color={role === 'system_admin' ? 'red' : 'blue'}>
          {t(`roleNames.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}
