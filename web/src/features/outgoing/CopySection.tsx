/**
 * "Bản sao" of a document the organisation holds (an issued outgoing document, a registered incoming one):
 * the copies made, each with its number, form, date, signer and its PDF; for clerks "Tạo bản sao" (sao y or
 * trích sao) and, on a sao y, "Sao lục". The server decides who may copy (and refuses with its message).
 */
import { Anchor, Button, Group, Modal, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/dates';
import { useRequiredMe } from '../auth/auth.queries';
import { hasRole } from '../auth/permissions';
import { CopyForm } from './CopyForm';
import { useCopies, type CopySourceKind, type DocumentCopy } from './copies.queries';

export function CopySection({ kind, id }: { kind: CopySourceKind; id: string }) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const query = useCopies(kind, id);
  const [making, setMaking] = useState<{ from: DocumentCopy | null } | null>(null);
  const canCopy = hasRole(me, 'clerk');
  const items = query.data ?? [];
  const titleId = `copies-${kind}`;
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('copies.title')}
        </Title>
        {canCopy && (
          <Button size="xs" variant="light" onClick={() => setMaking({ from: null })}>
            {t('copies.make')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {query.isError ? t('copies.loadFailed') : t('copies.empty')}
        </Text>
      ) : (
        <Table aria-labelledby={titleId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('copies.number')}</Table.Th>
              <Table.Th>{t('copies.formLabel')}</Table.Th>
              <Table.Th>{t('copies.date')}</Table.Th>
              <Table.Th>{t('copies.signer')}</Table.Th>
              <Table.Th>{t('copies.file')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.fullNumber}</Table.Td>
                <Table.Td>
                  {t(`copies.forms.${c.form}`)}
                  {c.pages ? ` (${t('copies.pagesShort', { pages: c.pages })})` : ''}
                  {c.sourceCopyNumber ? ` — ${t('copies.fromCopy', { number: c.sourceCopyNumber })}` : ''}
                  {c.medium === 'electronic' ? ` · ${t('copies.media.electronic')}` : ''}
                </Table.Td>
                <Table.Td>{formatDate(c.date)}</Table.Td>
                <Table.Td>{c.signerName}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor href={c.fileUrl} download>
                      {t('copies.download')}
                    </Anchor>
                    {canCopy && c.form === 'SY' && (
                      <Button size="compact-xs" variant="subtle" onClick={() => setMaking({ from: c })}>
                        {t('copies.makeSl')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={making !== null}
        onClose={() => setMaking(null)}
        title={making?.from ? t('copies.makeSlOf', { number: making.from.fullNumber }) : t('copies.make')}
        size="lg"
      >
        {making && <CopyForm kind={kind} id={id} fromCopy={making.from} onClose={() => setMaking(null)} />}
      </Modal>
    </Paper>
  );
}
