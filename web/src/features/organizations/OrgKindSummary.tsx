import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '../../api/types';
import { countByKind } from './org.tree';

/** "1 Bộ · 34 UBND tỉnh, thành phố · 34 Sở Giáo dục và Đào tạo · …" for the organisations shown. */
export function OrgKindSummary({ items }: { items: readonly { kind: OrganizationKind }[] }) {
  const { t } = useTranslation();
  const counts = countByKind(items);
  if (counts.length === 0) return null;
  return (
    <Group component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('orgs.countsLabel')}>
      {counts.map(([kind, count]) => (
        <Text component="li" key={kind} size="sm" px={10} py={2} bg="blue.0" c="blue.9" style={{ borderRadius: 999 }}>
          {t(`orgs.kindCount.${kind}`, { count })}
        </Text>
      ))}
    </Group>
  );
}
