/**
 * Giao xử lý (the unit head): hand the unit's assignment — the active one of the unit they head — to people
 * of the unit: one lead (not for a supporting unit) and supporting people, with a deadline no later than the
 * unit's and instructions. Re-assigning starts from the current hand-over.
 */
import { MultiSelect, Select, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import { useRequiredMe } from '../../auth/auth.queries';
import { activeMembership } from '../../auth/permissions';
import { personOptions, useUnitPeople } from '../colleagues';
import type { IncomingAssignment } from '../incoming.types';
import type { ActionFormProps } from './ActionForm';
import {
  assignmentLabel,
  deadlineBody,
  deadlineError,
  DeadlineFields,
  noDeadline,
  StepForm,
  type DeadlineValues,
} from './shared';
import { useStep } from './useStep';

/** The unit assignments that may be handed on: active, given by the leader to a unit; the user's own unit first. */
export function unitAssignments(
  assignments: readonly IncomingAssignment[],
  unitId: string | null,
): IncomingAssignment[] {
  const candidates = assignments.filter(
    (a) => a.status === 'active' && a.parentId === null && a.userId === null && a.unitId !== null && a.role !== 'info',
  );
  const own = candidates.filter((a) => a.unitId === unitId);
  return own.length > 0 ? own : candidates;
}

export function AssignForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const step = useStep(doc.id, 'assign', onDone);
  const choices = unitAssignments(doc.assignments, activeMembership(me)?.unitId ?? null);
  const [assignmentId, setAssignmentId] = useState<string | null>(choices[0]?.id ?? null);
  const parent = choices.find((a) => a.id === assignmentId);
  const current = doc.assignments.filter((a) => a.status === 'active' && a.parentId === assignmentId);
  const unitMembers = useUnitPeople(parent?.unitId);
  const [leadUserId, setLeadUserId] = useState<string | null>(
    () => current.find((a) => a.role === 'lead')?.userId ?? null,
  );
  const [supportUserIds, setSupportUserIds] = useState<string[]>(() =>
    current.filter((a) => a.role === 'support' && a.userId).map((a) => a.userId as string),
  );
  const [deadline, setDeadline] = useState<DeadlineValues>(noDeadline);
  const [instructions, setInstructions] = useState('');
  const [submitted, setSubmitted] = useState(false);

  // People of the unit whose assignment is handed on.
  const unitPeople = unitMembers.data ?? [];
  const options = personOptions(unitPeople);
  const leads = parent?.role !== 'support';
  const errors = {
    assignment: parent === undefined,
    people: (leads ? leadUserId === null : supportUserIds.length === 0) ? 'incoming.forms.choosePeople' : undefined,
    deadline: deadlineError(deadline),
  };

  const submit = () => {
    setSubmitted(true);
    if (errors.assignment || errors.people || errors.deadline || !parent) return;
    step.run({
      assignmentId: parent.id,
      leadUserId: leads ? (leadUserId ?? undefined) : undefined,
      supportUserIds,
      ...deadlineBody(deadline),
      instructions: instructions.trim() || undefined,
    });
  };

  return (
    <StepForm
      onSubmit={submit}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.assign')}
    >
      {choices.length > 1 ? (
        <Select
          label={t('incoming.forms.unitAssignment')}
          data={choices.map((a) => ({ value: a.id, label: assignmentLabel(a, t) }))}
          value={assignmentId}
          onChange={setAssignmentId}
          allowDeselect={false}
        />
      ) : (
        parent && (
          <Text size="sm">{t('incoming.forms.unitAssignmentIs', { assignment: assignmentLabel(parent, t) })}</Text>
        )
      )}
      {submitted && errors.assignment && (
        <Text size="sm" c="red" role="alert">
          {t('incoming.forms.noUnitAssignment')}
        </Text>
      )}
      {leads && (
        <Select
          label={t('incoming.forms.leadPerson')}
          required
          data={options.filter((o) => !supportUserIds.includes(o.value))}
          value={leadUserId}
          onChange={setLeadUserId}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          error={submitted && errors.people ? t('incoming.forms.choosePeople') : undefined}
        />
      )}
      <MultiSelect
        label={t('incoming.forms.supportPeople')}
        data={options.filter((o) => o.value !== leadUserId)}
        value={supportUserIds}
        onChange={setSupportUserIds}
        searchable
        clearable
        error={!leads && submitted && errors.people ? t('incoming.forms.choosePeople') : undefined}
      />
      <DeadlineFields
        value={deadline}
        onChange={setDeadline}
        showErrors={submitted}
        description={
          parent?.deadline
            ? t('incoming.forms.unitDeadline', { date: formatDate(parent.deadline) })
            : t('incoming.forms.sameDeadline')
        }
      />
      <Textarea
        label={t('incoming.forms.instructions')}
        autosize
        minRows={2}
        value={instructions}
        onChange={(e) => setInstructions(e.currentTarget.value)}
      />
    </StepForm>
  );
}
