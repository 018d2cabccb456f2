/**
 * My certificate and my organisation's: subject, issuer, serial number, validity (dd/MM/yyyy), where it is
 * kept, and a DEMO badge for the test PKI; importing a PKCS#12 file for me, or for the organisation by who
 * may manage its certificate.
 */
import {
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { fileToBase64, useCredentials, useImportPkcs12 } from './signatures.queries';
import type { Credential } from './signatures.types';

type Owner = 'me' | 'organization';

function CredentialCard({ title, credential }: { title: string; credential: Credential | null }) {
  const { t } = useTranslation();
  const [now] = useState(() => Date.now());
  const expired = credential !== null && new Date(credential.notAfter).getTime() < now;
  return (
    <Paper withBorder radius="md" p="md" role="region" aria-label={title}>
      <Group gap="xs" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {credential?.demo && (
          <Badge color="orange" variant="filled" tt="none" title={t('signatures.credentials.demoHint')}>
            {t('signatures.credentials.demo')}
          </Badge>
        )}
        {expired && (
          <Badge color="red" variant="light" tt="none">
            {t('signatures.credentials.expired')}
          </Badge>
        )}
      </Group>
      {credential === null ? (
        <Text size="sm" c="dimmed">
          {t('signatures.credentials.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {[
              [t('signatures.credentials.label'), credential.label],
              [t('signatures.credentials.subject'), credential.subject],
              [t('signatures.credentials.issuer'), credential.issuer],
              [t('signatures.credentials.serialNumber'), credential.serialNumber],
              [t('signatures.credentials.validFrom'), formatDate(credential.notBefore)],
              [t('signatures.credentials.validTo'), formatDate(credential.notAfter)],
              [t('signatures.credentials.provider'), t(`signatures.credentials.providers.${credential.provider}`)],
            ].map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={130} style={{ verticalAlign: 'top', fontWeight: 500 }}>
                  {label}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

export function CredentialCards({ canManageOrganization }: { canManageOrganization: boolean }) {
  const { t } = useTranslation();
  const query = useCredentials();
  const [importFor, setImportFor] = useState<Owner | null>(null);
  return (
    <section aria-labelledby="signatures-credentials">
      <Group justify="space-between" mb="xs">
        <Title id="signatures-credentials" order={2} size="h4">
          {t('signatures.credentials.title')}
        </Title>
        <Group gap="xs">
          <Button variant="light" size="xs" onClick={() => setImportFor('me')}>
            {t('signatures.credentials.import')}
          </Button>
          {canManageOrganization && (
            <Button variant="subtle" size="xs" onClick={() => setImportFor('organization')}>
              {t('signatures.credentials.importFor.organization')}
            </Button>
          )}
        </Group>
      </Group>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <CredentialCard title={t('signatures.credentials.personal')} credential={query.data.personal} />
          <CredentialCard title={t('signatures.credentials.organization')} credential={query.data.organization} />
        </SimpleGrid>
      )}
      <Modal
        opened={importFor !== null}
        onClose={() => setImportFor(null)}
        title={
          importFor
            ? `${t('signatures.credentials.importTitle')} — ${t(`signatures.credentials.importFor.${importFor}`)}`
            : ''
        }
      >
        {importFor && <ImportPkcs12Form owner={importFor} onDone={() => setImportFor(null)} />}
      </Modal>
    </section>
  );
}

function ImportPkcs12Form({ owner, onDone }: { owner: Owner; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const importing = useImportPkcs12();
  const [file, setFile] = useState<File | null>(null);
  const [pin, setPin] = useState('');
  const [label, setLabel] = useState('');
  const [shown, setShown] = useState(false);
  const pinError = pin.length < 4;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (!file || pinError) return;
    void fileToBase64(file).then((pkcs12) =>
      importing.mutate(
        { owner, pkcs12, pin, label: label.trim() || undefined },
        {
          onSuccess: () => {
            notify.success(t('signatures.credentials.imported'));
            onDone();
          },
        },
      ),
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('signatures.credentials.file')}
          </Text>
          <Group gap="xs">
            <FileButton onChange={setFile} accept=".p12,.pfx,application/x-pkcs12">
              {(props) => (
                <Button {...props} variant="default" size="xs">
                  {t('signatures.credentials.pickFile')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c={file ? undefined : 'dimmed'}>
              {file?.name ?? t('signatures.credentials.noFile')}
            </Text>
          </Group>
          {shown && !file && (
            <Text size="xs" c="red">
              {t('signatures.credentials.fileRequired')}
            </Text>
          )}
        </Stack>
        <PasswordInput
          label={t('signatures.credentials.pin')}
          required
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.currentTarget.value)}
          error={shown && pinError ? t('signatures.credentials.pinTooShort') : undefined}
        />
        <TextInput
          label={t('signatures.credentials.label')}
          maxLength={300}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <FormError error={importing.error} />
        <FormActions onCancel={onDone} loading={importing.isPending}>
          {t('signatures.credentials.import')}
        </FormActions>
      </Stack>
    </form>
  );
}
