/**
 * Sổ đăng ký văn bản đến: the organisation's register books (confidential ones keep their own numbers), the
 * last number given, opening, renaming or retiring a book (clerk, organisation administrator), and exporting
 * a book for a period as a spreadsheet or PDF.
 */
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { PlusIcon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { isIsoDate, vietnamDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { useRequiredMe } from '../auth/auth.queries';
import { hasRole } from '../auth/permissions';
import { registerBookUrl, useCreateRegister, useRegisters, useUpdateRegister } from './incoming.queries';
import type { Register } from './incoming.types';

type Dialog = { kind: 'create' } | { kind: 'edit'; register: Register } | { kind: 'export'; register: Register } | null;

export function RegistersPage() {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const manage = hasRole(me, 'clerk', 'org_admin');
  const registers = useRegisters();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('incoming.registers.title')}
        description={t('incoming.registers.description')}
        actions={
          manage && (
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setDialog({ kind: 'create' })}>
              {t('incoming.registers.create')}
            </Button>
          )
        }
      />
      {registers.isError && <QueryError error={registers.error} onRetry={() => void registers.refetch()} />}
      <ListTable
        columns={[
          t('incoming.registers.name'),
          t('incoming.registers.kind'),
          t('incoming.registers.state'),
          t('incoming.registers.lastNumber'),
          t('common.actions'),
        ]}
        minWidth={560}
        loading={registers.isLoading}
        empty={registers.isSuccess && registers.data.length === 0 ? t('incoming.registers.empty') : undefined}
      >
        {registers.data?.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td fw={500}>{r.name}</Table.Td>
            <Table.Td>
              {r.confidential ? (
                <Badge color="orange" variant="outline" tt="none">
                  {t('incoming.registers.confidential')}
                </Badge>
              ) : (
                t('incoming.registers.ordinary')
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={r.active ? 'green' : 'gray'} variant="light" tt="none">
                {r.active ? t('incoming.registers.active') : t('incoming.registers.retired')}
              </Badge>
            </Table.Td>
            <Table.Td>
              {r.lastNumber !== null
                ? t('incoming.registers.lastNumberOf', { number: r.lastNumber, year: r.lastYear ?? '' })
                : '—'}
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setDialog({ kind: 'export', register: r })}
                  aria-label={t('incoming.registers.exportNamed', { name: r.name })}
                >
                  {t('incoming.registers.export')}
                </Button>
                {manage && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setDialog({ kind: 'edit', register: r })}
                    aria-label={t('incoming.registers.editNamed', { name: r.name })}
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={
          dialog?.kind === 'create'
            ? t('incoming.registers.create')
            : dialog?.kind === 'edit'
              ? t('incoming.registers.editNamed', { name: dialog.register.name })
              : dialog?.kind === 'export'
                ? t('incoming.registers.exportNamed', { name: dialog.register.name })
                : ''
        }
      >
        {dialog?.kind === 'create' && <CreateRegisterForm onDone={close} />}
        {dialog?.kind === 'edit' && <EditRegisterForm register={dialog.register} onDone={close} />}
        {dialog?.kind === 'export' && <ExportBook register={dialog.register} onDone={close} />}
      </Modal>
    </>
  );
}

function CreateRegisterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreateRegister();
  const [name, setName] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    create.mutate(
      { direction: 'incoming', name: name.trim(), confidential },
      {
        onSuccess: () => {
          notify.success(t('incoming.registers.created'));
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('incoming.registers.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={submitted && !name.trim() ? t('common.required') : undefined}
          data-autofocus
        />
        <Checkbox
          label={t('incoming.registers.confidentialLabel')}
          checked={confidential}
          onChange={(e) => setConfidential(e.currentTarget.checked)}
        />
        <FormError error={create.error} />
        <FormActions onCancel={onDone} loading={create.isPending}>
          {t('common.create')}
        </FormActions>
      </Stack>
    </form>
  );
}

function EditRegisterForm({ register, onDone }: { register: Register; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateRegister();
  const [name, setName] = useState(register.name);
  const [active, setActive] = useState(register.active);
  const [submitted, setSubmitted] = useState(false);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    update.mutate(
      { id: register.id, body: { version: register.version, name: name.trim(), active } },
      {
        onSuccess: () => {
          notify.success(t('common.saved'));
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('incoming.registers.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={submitted && !name.trim() ? t('common.required') : undefined}
          data-autofocus
        />
        <Switch
          label={t('incoming.registers.activeLabel')}
          description={t('incoming.registers.retireHint')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <FormError error={update.error} />
        <FormActions onCancel={onDone} loading={update.isPending}>
          {t('common.save')}
        </FormActions>
      </Stack>
    </form>
  );
}

/** Xuất sổ: the book of a period (this year so far by default) as a spreadsheet or PDF. */
function ExportBook({ register, onDone }: { register: Register; onDone: () => void }) {
  const { t } = useTranslation();
  const today = vietnamDate();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const invalid = !isIsoDate(from) || !isIsoDate(to) || to < from;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          type="date"
          label={t('incoming.registers.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('incoming.registers.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={isIsoDate(from) && isIsoDate(to) && to < from ? t('common.invalidDateRange') : undefined}
        />
      </SimpleGrid>
      {invalid ? (
        <Text size="sm" c="dimmed">
          {t('incoming.registers.choosePeriod')}
        </Text>
      ) : (
        <Group gap="sm">
          <Anchor href={registerBookUrl(register.id, from, to, 'xlsx')} download>
            {t('incoming.registers.exportXlsx')}
          </Anchor>
          <Anchor href={registerBookUrl(register.id, from, to, 'pdf')} target="_blank" rel="noopener">
            {t('incoming.registers.exportPdf')}
          </Anchor>
        </Group>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}
