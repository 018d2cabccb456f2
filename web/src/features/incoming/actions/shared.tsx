/** Parts the step forms share: the form frame with the server's error, the deadline fields, own assignments. */
import { NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { FormEvent, ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../api/types';
import { FormActions } from '../../../components/FormActions';
import { FormError } from '../../../components/FormError';
import { isIsoDate, vietnamDate } from '../../../lib/dates';
import { activeMembership, hasRole } from '../../auth/permissions';
import type { IncomingAssignment } from '../incoming.types';

export interface StepFormProps {
  onSubmit: () => void;
  onCancel: () => void;
  error: unknown;
  loading: boolean;
  submitLabel: string;
  children: ReactNode;
}

/** A step's form: its fields, the server's refusal if any, and cancel / submit. */
export function StepForm({ onSubmit, onCancel, error, loading, submitLabel, children }: StepFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {children}
        <FormError error={error} />
        <FormActions onCancel={onCancel} loading={loading}>
          {submitLabel}
        </FormActions>
      </Stack>
    </form>
  );
}

export type DeadlineMode = 'none' | 'date' | 'days';

export interface DeadlineValues {
  mode: DeadlineMode;
  date: string;
  days: number | '';
}

export const noDeadline: DeadlineValues = { mode: 'none', date: '', days: '' };

/** What is wrong with the deadline (an i18n key), if anything. */
export function deadlineError(v: DeadlineValues, today = vietnamDate()): string | undefined {
  if (v.mode === 'date') {
    if (!isIsoDate(v.date)) return 'common.invalidDate';
    if (v.date < today) return 'incoming.deadline.inPast';
  }
  if (v.mode === 'days' && (v.days === '' || v.days < 1 || v.days > 365)) return 'incoming.deadline.invalidDays';
  return undefined;
}

/** `{deadline}` or `{workingDays}` or nothing, as the direct and assign routes take them. */
export function deadlineBody(v: DeadlineValues): { deadline?: string; workingDays?: number } {
  if (v.mode === 'date') return { deadline: v.date };
  if (v.mode === 'days' && v.days !== '') return { workingDays: v.days };
  return {};
}

interface DeadlineFieldsProps {
  value: DeadlineValues;
  onChange: (value: DeadlineValues) => void;
  showErrors: boolean;
  /** Hint under the fields (e.g. the unit's own deadline). */
  description?: string | undefined;
}

/** Hạn xử lý: none, a date, or a number of working days (counted by the server with the holiday calendar). */
export function DeadlineFields({ value, onChange, showErrors, description }: DeadlineFieldsProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const error = showErrors ? deadlineError(value) : undefined;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {t('incoming.deadline.label')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode: mode as DeadlineMode })}
        data={[
          { value: 'none', label: t('incoming.deadline.none') },
          { value: 'date', label: t('incoming.deadline.date') },
          { value: 'days', label: t('incoming.deadline.days') },
        ]}
        w="fit-content"
      />
      {value.mode === 'date' && (
        <TextInput
          type="date"
          label={t('incoming.deadline.dateLabel')}
          min={vietnamDate()}
          value={value.date}
          onChange={(e) => onChange({ ...value, date: e.currentTarget.value })}
          error={error && t(error as 'common.invalidDate')}
        />
      )}
      {value.mode === 'days' && (
        <NumberInput
          label={t('incoming.deadline.daysLabel')}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          value={value.days}
          onChange={(n) => onChange({ ...value, days: typeof n === 'number' ? n : '' })}
          error={error && t(error as 'common.invalidDate')}
        />
      )}
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The active lead or support assignments the user answers for: given to them, or to the unit they head.
 * (The server decides; this only chooses which one a form is about when there are several.)
 */
export function ownAssignments(me: Me, assignments: readonly IncomingAssignment[]): IncomingAssignment[] {
  const unitId = activeMembership(me)?.unitId ?? null;
  const headsUnit = hasRole(me, 'unit_head') && unitId !== null;
  return assignments.filter(
    (a) =>
      a.status === 'active' &&
      a.role !== 'info' &&
      (a.userId === me.user.id || (headsUnit && a.userId === null && a.unitId === unitId)),
  );
}

/** "Chủ trì — Phòng GDPT" for choosing among assignments. */
export function assignmentLabel(a: IncomingAssignment, t: TFunction): string {
  return `${t(`incoming.assignments.roles.${a.role}`)} — ${a.userName ?? a.unitName ?? ''}`;
}
