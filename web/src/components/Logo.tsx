import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The EduGov mark and name. */
export function Logo({ withTagline = false }: { withTagline?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <img src="/favicon.svg" alt="" width={30} height={30} />
      <div>
        <Text fw={800} fz="lg" lh={1.1} c="blue.8">
          {t('app.name')}
        </Text>
        {withTagline && (
          <Text size="xs" c="dimmed" lh={1.2} visibleFrom="md">
            {t('app.tagline')}
          </Text>
        )}
      </div>
    </Group>
  );
}
