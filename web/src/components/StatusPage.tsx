import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './useDocumentTitle';

interface StatusPageProps {
  code?: string;
  title: string;
  text: string;
  actions?: ReactNode;
}

/** A full-width message page (404, 403, unexpected error). */
export function StatusPage({ code, title, text, actions }: StatusPageProps) {
  useDocumentTitle(title);
  return (
    <Stack align="center" ta="center" py="xl" px="md" gap="md" maw={560} mx="auto">
      {code && (
        <Text fz={64} fw={800} c="blue.2" lh={1} aria-hidden="true">
          {code}
        </Text>
      )}
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{text}</Text>
      {actions && <Group justify="center">{actions}</Group>}
    </Stack>
  );
}
