/**
 * The table of a list page: headings, a "loading" row while the first page loads, a message when there is
 * nothing to show, then the rows; it scrolls sideways on narrow screens.
 */
import { Group, Loader, Paper, Table, Text, type MantineBreakpoint, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A column heading, optionally hidden below a breakpoint (its cells take `visibleFrom` too). */
export type ListColumn = string | { label: string; visibleFrom: MantineBreakpoint };

interface ListTableProps {
  columns: ListColumn[];
  minWidth: number;
  loading: boolean;
  /** Shown across the table instead of rows (e.g. "nothing yet"); undefined while there are rows. */
  empty?: string | undefined;
  verticalSpacing?: MantineSpacing;
  highlightOnHover?: boolean;
  children: ReactNode;
}

export function ListTable({
  columns,
  minWidth,
  loading,
  empty,
  verticalSpacing = 'sm',
  highlightOnHover = false,
  children,
}: ListTableProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover={highlightOnHover} verticalSpacing={verticalSpacing} horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) =>
                typeof column === 'string' ? (
                  <Table.Th key={column}>{column}</Table.Th>
                ) : (
                  <Table.Th key={column.label} visibleFrom={column.visibleFrom}>
                    {column.label}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Group justify="center" py="md" gap="xs">
                    <Loader size="sm" />
                    <Text size="sm" c="dimmed">
                      {t('common.loading')}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
            {empty !== undefined && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {children}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
