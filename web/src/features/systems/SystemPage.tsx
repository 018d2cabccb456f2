/** A business system that is not built yet: what it will do, clearly marked "under construction". */
import { Alert, Badge, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import type { BusinessSystem } from './systems';

export function SystemPage({ system }: { system: BusinessSystem }) {
  const { t } = useTranslation();
  const name = t(`systems.${system.key}.name`);
  useDocumentTitle(name);
  const Icon = system.icon;
  return (
    <Stack gap="lg" maw={760}>
      <Group gap="sm" wrap="nowrap" align="center">
        <ThemeIcon size={44} radius="md" variant="light">
          <Icon size={26} />
        </ThemeIcon>
        <div>
          <Title order={1} size="h2">
            {name}
          </Title>
          <Text c="dimmed" size="sm">
            {t(`systems.${system.key}.fullName`)}
          </Text>
        </div>
      </Group>
      <Alert
        color="yellow"
        variant="light"
        title={
          <Group gap="xs">
            <Badge color="yellow" variant="filled" tt="none">
              {t('systems.underConstruction')}
            </Badge>
          </Group>
        }
      >
        <Text>{t(`systems.${system.key}.description`)}</Text>
        <Text size="sm" c="dimmed" mt="xs">
          {t('systems.underConstructionNote')}
        </Text>
      </Alert>
    </Stack>
  );
}
