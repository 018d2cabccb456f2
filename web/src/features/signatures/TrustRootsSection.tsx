/**
 * Danh sách tin cậy (system administrators): the root certificates signatures must chain to — name,
 * subject, fingerprint, validity, where it came from — with adding one (PEM pasted or read from a file)
 * and removing one after a confirmation.
 */
import { Badge, Button, FileButton, Group, Modal, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/icons';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { ListTable } from '../../components/ListTable';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { fileToBase64, useAddTrustRoot, useRemoveTrustRoot, useTrustRoots } from './signatures.queries';
import type { TrustRoot } from './signatures.types';

/** AB:CD:… in groups, so a long hex fingerprint wraps and can be compared by eye. */
function groupedFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}

export function TrustRootsSection() {
  const { t } = useTranslation();
  const query = useTrustRoots();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TrustRoot | undefined>(undefined);
  return (
    <section aria-labelledby="signatures-trust">
      <Group justify="space-between" mb="xs">
        <Stack gap={2}>
          <Title id="signatures-trust" order={2} size="h4">
            {t('signatures.trust.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('signatures.trust.description')}
          </Text>
        </Stack>
        <Button size="xs" leftSection={<PlusIcon size={14} />} onClick={() => setAdding(true)}>
          {t('signatures.trust.add')}
        </Button>
      </Group>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListTable
        columns={[
          t('signatures.trust.name'),
          { label: t('signatures.trust.subject'), visibleFrom: 'md' },
          { label: t('signatures.trust.fingerprint'), visibleFrom: 'lg' },
          t('signatures.trust.notAfter'),
          t('signatures.trust.source'),
          t('common.actions'),
        ]}
        minWidth={640}
        loading={query.isLoading}
        empty={query.data && query.data.length === 0 ? t('signatures.trust.empty') : undefined}
      >
        {query.data?.map((root) => (
          <Table.Tr key={root.id}>
            <Table.Td>{root.name}</Table.Td>
            <Table.Td visibleFrom="md" style={{ overflowWrap: 'anywhere' }}>
              {root.subject}
            </Table.Td>
            <Table.Td visibleFrom="lg">
              <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {groupedFingerprint(root.fingerprint)}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(root.notAfter)}</Table.Td>
            <Table.Td>
              <Badge color={root.source === 'demo' ? 'orange' : 'blue'} variant="light" tt="none">
                {t(`signatures.trust.sources.${root.source}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={t('signatures.trust.removeNamed', { name: root.name })}
                onClick={() => setRemoving(root)}
              >
                {t('signatures.trust.remove')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('signatures.trust.add')} size="lg">
        {adding && <AddTrustRootForm onDone={() => setAdding(false)} />}
      </Modal>
      <RemoveTrustRootModal root={removing} onClose={() => setRemoving(undefined)} />
    </section>
  );
}

/** A certificate file as the API takes it: PEM text as it is, DER bytes as base64. */
async function readCertificate(file: File): Promise<string> {
  const text = await file.text();
  return text.includes('-----BEGIN') ? text.trim() : fileToBase64(file);
}

function AddTrustRootForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const add = useAddTrustRoot();
  const [name, setName] = useState('');
  const [certificate, setCertificate] = useState('');
  const [shown, setShown] = useState(false);
  const resetPicker = useRef<() => void>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (name.trim() === '' || certificate.trim() === '') return;
    add.mutate(
      { name: name.trim(), certificate: certificate.trim() },
      {
        onSuccess: () => {
          notify.success(t('signatures.trust.added'));
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('signatures.trust.name')}
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={shown && name.trim() === '' ? t('signatures.trust.nameRequired') : undefined}
          data-autofocus
        />
        <Textarea
          label={t('signatures.trust.certificate')}
          required
          autosize
          minRows={6}
          maxRows={14}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          value={certificate}
          onChange={(e) => setCertificate(e.currentTarget.value)}
          error={shown && certificate.trim() === '' ? t('signatures.trust.certificateRequired') : undefined}
        />
        <FileButton
          onChange={(file) => {
            resetPicker.current?.();
            if (file) void readCertificate(file).then(setCertificate);
          }}
          accept=".pem,.cer,.crt,.der"
          resetRef={resetPicker}
        >
          {(props) => (
            <Button {...props} variant="default" size="xs" style={{ alignSelf: 'flex-start' }}>
              {t('signatures.trust.loadFile')}
            </Button>
          )}
        </FileButton>
        <FormError error={add.error} />
        <FormActions onCancel={onDone} loading={add.isPending}>
          {t('signatures.trust.add')}
        </FormActions>
      </Stack>
    </form>
  );
}

function RemoveTrustRootModal({ root, onClose }: { root: TrustRoot | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const remove = useRemoveTrustRoot();
  return (
    <Modal opened={root !== undefined} onClose={onClose} title={t('signatures.trust.removeTitle')}>
      {root && (
        <Stack gap="md">
          <Text>{t('signatures.trust.removeConfirm', { name: root.name })}</Text>
          <FormError error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(root.id, {
                  onSuccess: () => {
                    notify.success(t('signatures.trust.removed'));
                    onClose();
                  },
                })
              }
            >
              {t('signatures.trust.remove')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
