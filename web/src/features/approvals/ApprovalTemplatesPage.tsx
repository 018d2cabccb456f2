/**
 * Quy trình duyệt văn bản đi (administration): the organisation's approval routes — the default first, then
 * the others, the retired ones last — each with its steps; adding one, editing one, making one the default,
 * retiring or restoring one. For the organisation's administrators and leaders (the server's rule).
 */
import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useNotify } from '../../lib/useNotify';
import {
  useAllTemplates,
  useCreateTemplate,
  useUpdateTemplate,
  type ApprovalTemplate,
  type TemplateChanges,
} from './approvals.queries';
import { TemplateForm } from './TemplateForm';

type Dialog = { kind: 'create' } | { kind: 'edit'; template: ApprovalTemplate } | null;

export function ApprovalTemplatesPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const templates = useAllTemplates();
  const update = useUpdateTemplate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const quick = (template: ApprovalTemplate, changes: Omit<TemplateChanges, 'version'>, done: string) =>
    update.mutate(
      { id: template.id, body: { version: template.version, ...changes } },
      { onSuccess: () => notify.success(done) },
    );

  return (
    <>
      <PageHeader
        title={t('approvals.title')}
        description={t('approvals.description')}
        actions={
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setDialog({ kind: 'create' })}>
            {t('approvals.create')}
          </Button>
        }
      />
      {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
      {update.isError && !dialog && <QueryError error={update.error} />}
      <ListTable
        columns={[
          t('approvals.columns.name'),
          t('approvals.columns.steps'),
          t('approvals.columns.state'),
          t('approvals.columns.actions'),
        ]}
        minWidth={720}
        loading={templates.isLoading}
        empty={templates.isSuccess && templates.data.length === 0 ? t('approvals.empty') : undefined}
      >
        {templates.data?.map((x) => (
          <Table.Tr key={x.id}>
            <Table.Td fw={500}>
              {x.name}{' '}
              {x.isDefault && (
                <Badge size="sm" variant="light" tt="none">
                  {t('approvals.default')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {x.steps.map((s, i) => t('approvals.form.stageNamed', { number: i + 1, name: s.name })).join(' → ')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={x.active ? 'green' : 'gray'} variant="light" tt="none">
                {x.active ? t('approvals.active') : t('approvals.retired')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setDialog({ kind: 'edit', template: x })}
                  aria-label={t('approvals.editNamed', { name: x.name })}
                >
                  {t('approvals.edit')}
                </Button>
                {x.active && !x.isDefault && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    loading={update.isPending && update.variables.id === x.id}
                    onClick={() => quick(x, { isDefault: true }, t('approvals.madeDefault'))}
                    aria-label={t('approvals.makeDefaultNamed', { name: x.name })}
                  >
                    {t('approvals.makeDefault')}
                  </Button>
                )}
                {x.active && !x.isDefault && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => quick(x, { active: false }, t('approvals.retiredDone'))}
                    aria-label={t('approvals.retireNamed', { name: x.name })}
                  >
                    {t('approvals.retire')}
                  </Button>
                )}
                {!x.active && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => quick(x, { active: true }, t('approvals.restoredDone'))}
                    aria-label={t('approvals.restoreNamed', { name: x.name })}
                  >
                    {t('approvals.restore')}
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
        size="xl"
        title={
          dialog?.kind === 'create'
            ? t('approvals.create')
            : dialog?.kind === 'edit'
              ? t('approvals.editNamed', { name: dialog.template.name })
              : ''
        }
      >
        {dialog?.kind === 'create' && <CreateTemplate onDone={close} />}
        {dialog?.kind === 'edit' && <EditTemplate template={dialog.template} onDone={close} />}
      </Modal>
    </>
  );
}

function CreateTemplate({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreateTemplate();
  return (
    <TemplateForm
      onSubmit={(body) =>
        create.mutate(body, {
          onSuccess: () => {
            notify.success(t('approvals.created'));
            onDone();
          },
        })
      }
      onCancel={onDone}
      loading={create.isPending}
      error={create.error}
      submitLabel={t('common.create')}
    />
  );
}

function EditTemplate({ template, onDone }: { template: ApprovalTemplate; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateTemplate();
  return (
    <TemplateForm
      template={template}
      onSubmit={(body) =>
        update.mutate(
          {
            id: template.id,
            body: {
              version: template.version,
              name: body.name,
              steps: body.steps,
              // Only ever made the default here; the default stays so until another one is made it.
              ...(body.isDefault && !template.isDefault ? { isDefault: true } : {}),
            },
          },
          {
            onSuccess: () => {
              notify.success(t('approvals.saved'));
              onDone();
            },
          },
        )
      }
      onCancel={onDone}
      loading={update.isPending}
      error={update.error}
      submitLabel={t('common.save')}
    />
  );
}
