import { Group, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A table row that says "loading" across all columns. */
export function TableLoader({ columns }: { columns: number }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Group justify="center" py="md" gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** A table row with a message across all columns (e.g. nothing found). */
export function TableMessage({ columns, children }: { columns: number; children: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Text size="sm" c="dimmed" ta="center" py="md">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
