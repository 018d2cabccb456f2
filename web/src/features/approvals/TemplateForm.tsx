/**
 * Defining or changing an approval route: its name, whether it is the default, and its ordered steps, each
 * with a name, a kind (review, form check, the leader's approval and signature — always last), its
 * reviewers (roles or named people) and, with several reviewers, whether all must agree (co-review in
 * parallel) or the first approval is enough. The server checks the same rules and has the last word.
 */
import { ActionIcon, Button, Checkbox, Group, MultiSelect, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { PlusIcon } from '../../components/icons';
import { personOptions, useColleagues } from '../incoming/colleagues';
import {
  REVIEWER_ROLES,
  STAGE_KINDS,
  type ApprovalTemplate,
  type NewTemplate,
  type ReviewerInput,
  type ReviewerRole,
  type StageKind,
  type StageMode,
} from './approvals.queries';

interface StageDraft {
  readonly key: number;
  name: string;
  kind: StageKind;
  mode: StageMode;
  /** "role:<role>" or "user:<id>". */
  reviewers: string[];
}

const encode = (r: { role?: string | undefined; userId?: string | undefined }) =>
  r.role ? `role:${r.role}` : `user:${r.userId ?? ''}`;

function decode(value: string): ReviewerInput {
  return value.startsWith('role:')
    ? { role: value.slice('role:'.length) as ReviewerRole }
    : { userId: value.slice('user:'.length) };
}

let nextKey = 1;
const newStage = (kind: StageKind = 'review'): StageDraft => ({
  key: nextKey++,
  name: '',
  kind,
  mode: 'all',
  reviewers: [],
});

function initialStages(template: ApprovalTemplate | undefined): StageDraft[] {
  if (!template) return [newStage('review'), newStage('approve')];
  return template.steps.map((s) => ({
    key: nextKey++,
    name: s.name,
    kind: s.kind,
    mode: s.mode,
    reviewers: s.reviewers.map(encode),
  }));
}

export function TemplateForm({
  template,
  onSubmit,
  onCancel,
  loading,
  error,
  submitLabel,
}: {
  template?: ApprovalTemplate;
  onSubmit: (body: NewTemplate) => void;
  onCancel: () => void;
  loading: boolean;
  error: unknown;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const [name, setName] = useState(template?.name ?? '');
  const [isDefault, setIsDefault] = useState(template?.isDefault ?? false);
  const [stages, setStages] = useState<StageDraft[]>(() => initialStages(template));
  const [shown, setShown] = useState(false);

  const reviewerData = [
    {
      group: t('approvals.form.roleGroup'),
      items: REVIEWER_ROLES.map((role) => ({ value: `role:${role}`, label: t(`approvals.roles.${role}`) })),
    },
    {
      group: t('approvals.form.peopleGroup'),
      items: personOptions(colleagues.data ?? []).map((o) => ({ value: `user:${o.value}`, label: o.label })),
    },
  ];

  const change = (key: number, patch: Partial<StageDraft>) =>
    setStages((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) =>
    setStages((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const remove = (key: number) => setStages((all) => all.filter((s) => s.key !== key));

  const nameLabel = t('approvals.form.name');
  const stageNameLabel = t('approvals.form.stageName');
  const nameMissing = name.trim() === '';
  const stageErrors = stages.map((s) => ({
    name: s.name.trim() === '',
    reviewers: s.reviewers.length === 0,
  }));
  const approvalOrderWrong = stages.some((s, i) => (i === stages.length - 1) !== (s.kind === 'approve'));
  const invalid = nameMissing || stageErrors.some((e) => e.name || e.reviewers) || approvalOrderWrong;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (invalid) return;
    onSubmit({
      name: name.trim(),
      isDefault,
      steps: stages.map((s) => ({
        name: s.name.trim(),
        kind: s.kind,
        mode: s.mode,
        reviewers: s.reviewers.map(decode),
      })),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={nameLabel}
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={shown && nameMissing ? t('approvals.form.required', { field: nameLabel.toLowerCase() }) : undefined}
          data-autofocus
        />
        <Checkbox
          label={t('approvals.form.isDefault')}
          checked={isDefault}
          // The default stops being it only when another becomes the default.
          disabled={template?.isDefault === true}
          onChange={(e) => setIsDefault(e.currentTarget.checked)}
        />
        <Text fw={600} size="sm">
          {t('approvals.form.stages')}
        </Text>
        {stages.map((stage, index) => {
          const number = index + 1;
          return (
            <Paper
              key={stage.key}
              withBorder
              p="sm"
              radius="md"
              role="group"
              aria-label={t('approvals.form.stage', { number })}
            >
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {t('approvals.form.stage', { number })}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t('approvals.form.moveUp', { number })}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={index === stages.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t('approvals.form.moveDown', { number })}
                    >
                      ↓
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={stages.length === 1}
                      onClick={() => remove(stage.key)}
                      aria-label={t('approvals.form.removeStage', { number })}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                </Group>
                <Group grow align="flex-start">
                  <TextInput
                    label={stageNameLabel}
                    required
                    maxLength={200}
                    value={stage.name}
                    onChange={(e) => change(stage.key, { name: e.currentTarget.value })}
                    error={
                      shown && stageErrors[index]!.name
                        ? t('approvals.form.required', { field: stageNameLabel.toLowerCase() })
                        : undefined
                    }
                  />
                  <Select
                    label={t('approvals.form.kind')}
                    data={STAGE_KINDS.map((k) => ({ value: k, label: t(`approvals.kinds.${k}`) }))}
                    value={stage.kind}
                    allowDeselect={false}
                    onChange={(value) => value && change(stage.key, { kind: value as StageKind })}
                  />
                </Group>
                <MultiSelect
                  label={t('approvals.form.reviewers')}
                  description={t('approvals.form.reviewersHint')}
                  required
                  searchable
                  data={reviewerData}
                  value={stage.reviewers}
                  onChange={(value) => change(stage.key, { reviewers: value })}
                  nothingFoundMessage={t('common.nothingFound')}
                  error={shown && stageErrors[index]!.reviewers ? t('approvals.form.noReviewer') : undefined}
                />
                {stage.reviewers.length > 1 && (
                  <Select
                    label={t('approvals.form.mode')}
                    data={(['all', 'any'] as const).map((m) => ({ value: m, label: t(`approvals.form.modes.${m}`) }))}
                    value={stage.mode}
                    allowDeselect={false}
                    onChange={(value) => value && change(stage.key, { mode: value as StageMode })}
                  />
                )}
              </Stack>
            </Paper>
          );
        })}
        {shown && approvalOrderWrong && (
          <Text size="sm" c="red" role="alert">
            {t('approvals.form.lastMustApprove')}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            leftSection={<PlusIcon size={16} />}
            onClick={() => setStages((all) => [...all.slice(0, -1), newStage(), ...all.slice(-1)])}
          >
            {t('approvals.form.addStage')}
          </Button>
        </Group>
        <FormError error={error} />
        <FormActions onCancel={onCancel} loading={loading}>
          {submitLabel}
        </FormActions>
      </Stack>
    </form>
  );
}
