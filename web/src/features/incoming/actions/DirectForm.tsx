/**
 * Chỉ đạo xử lý (the leader's bút phê): the lead — a unit or a person —, supporting and for-information units
 * or people, the deadline (a date or N working days) and instructions. Re-directing starts from the current
 * direction.
 */
import { MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vietnamDate } from '../../../lib/dates';
import { useRequiredMe } from '../../auth/auth.queries';
import { useUnits } from '../../organizations/org.queries';
import { personOptions, useColleagues } from '../colleagues';
import type { ActionBody } from '../incoming.queries';
import type { IncomingAssignment, IncomingDetail } from '../incoming.types';
import type { ActionFormProps } from './ActionForm';
import { deadlineBody, deadlineError, DeadlineFields, noDeadline, StepForm, type DeadlineValues } from './shared';
import { useStep } from './useStep';

type Target = ActionBody<'direct'>['lead'];

interface DirectValues {
  leadKind: 'unit' | 'person';
  leadId: string | null;
  supportUnits: string[];
  supportPeople: string[];
  infoUnits: string[];
  infoPeople: string[];
  deadline: DeadlineValues;
  instructions: string;
}

/** The current direction (active assignments the leader gave), to start a re-direction from. */
function currentDirection(doc: IncomingDetail): DirectValues {
  const roots = doc.assignments.filter((a) => a.status === 'active' && a.parentId === null);
  const lead = roots.find((a) => a.role === 'lead');
  const ids = (role: IncomingAssignment['role'], key: 'unitId' | 'userId') =>
    roots.filter((a) => a.role === role && a[key] !== null).map((a) => a[key] as string);
  return {
    leadKind: lead?.userId ? 'person' : 'unit',
    leadId: lead ? (lead.userId ?? lead.unitId) : null,
    supportUnits: ids('support', 'unitId'),
    supportPeople: ids('support', 'userId'),
    infoUnits: ids('info', 'unitId'),
    infoPeople: ids('info', 'userId'),
    deadline:
      lead?.deadline && lead.deadline >= vietnamDate()
        ? { ...noDeadline, mode: 'date', date: lead.deadline }
        : noDeadline,
    instructions: '',
  };
}

export function DirectForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const step = useStep(doc.id, 'direct', onDone);
  const units = useUnits(me.organizationId, vietnamDate());
  const colleagues = useColleagues();
  const [v, setV] = useState<DirectValues>(() => currentDirection(doc));
  const [submitted, setSubmitted] = useState(false);
  const leadKindLabel = useId();
  const change = (patch: Partial<DirectValues>) => setV((previous) => ({ ...previous, ...patch }));

  const taken = new Set([v.leadId, ...v.supportUnits, ...v.supportPeople, ...v.infoUnits, ...v.infoPeople]);
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const peopleOptions = personOptions(colleagues.data ?? []);
  /** Options not chosen elsewhere in the form (a unit or person is listed once). */
  const free = (options: { value: string; label: string }[], own: readonly (string | null)[]) =>
    options.filter((o) => !taken.has(o.value) || own.includes(o.value));

  const errors = { lead: v.leadId === null, deadline: deadlineError(v.deadline) };
  const submit = () => {
    setSubmitted(true);
    if (errors.lead || errors.deadline || v.leadId === null) return;
    const lead: Target = v.leadKind === 'unit' ? { unitId: v.leadId } : { userId: v.leadId };
    const targets = (unitIds: string[], userIds: string[]): Target[] => [
      ...unitIds.map((unitId) => ({ unitId })),
      ...userIds.map((userId) => ({ userId })),
    ];
    step.run({
      lead,
      supports: targets(v.supportUnits, v.supportPeople),
      infos: targets(v.infoUnits, v.infoPeople),
      ...deadlineBody(v.deadline),
      instructions: v.instructions.trim() || undefined,
    });
  };

  return (
    <StepForm
      onSubmit={submit}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.direct')}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id={leadKindLabel}>
          {t('incoming.forms.leadKind')}
        </Text>
        <SegmentedControl
          aria-labelledby={leadKindLabel}
          value={v.leadKind}
          onChange={(kind) => change({ leadKind: kind as DirectValues['leadKind'], leadId: null })}
          data={[
            { value: 'unit', label: t('incoming.forms.unit') },
            { value: 'person', label: t('incoming.forms.person') },
          ]}
          w="fit-content"
        />
      </Stack>
      <Select
        label={v.leadKind === 'unit' ? t('incoming.forms.leadUnit') : t('incoming.forms.leadPerson')}
        required
        data={free(v.leadKind === 'unit' ? unitOptions : peopleOptions, [v.leadId])}
        value={v.leadId}
        onChange={(leadId) => change({ leadId })}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        error={submitted && errors.lead ? t('common.required') : undefined}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <MultiSelect
          label={t('incoming.forms.supportUnits')}
          data={free(unitOptions, v.supportUnits)}
          value={v.supportUnits}
          onChange={(supportUnits) => change({ supportUnits })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('incoming.forms.supportPeople')}
          data={free(peopleOptions, v.supportPeople)}
          value={v.supportPeople}
          onChange={(supportPeople) => change({ supportPeople })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('incoming.forms.infoUnits')}
          data={free(unitOptions, v.infoUnits)}
          value={v.infoUnits}
          onChange={(infoUnits) => change({ infoUnits })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('incoming.forms.infoPeople')}
          data={free(peopleOptions, v.infoPeople)}
          value={v.infoPeople}
          onChange={(infoPeople) => change({ infoPeople })}
          searchable
          clearable
        />
      </SimpleGrid>
      <DeadlineFields value={v.deadline} onChange={(deadline) => change({ deadline })} showErrors={submitted} />
      <Textarea
        label={t('incoming.forms.instructions')}
        autosize
        minRows={2}
        value={v.instructions}
        onChange={(e) => change({ instructions: e.currentTarget.value })}
      />
    </StepForm>
  );
}
