/**
 * The steps that are mostly a note: cho ý kiến (with draft files), xin gia hạn, trả lại, hoàn thành (with
 * "trả lời bằng văn bản số"), thu hồi, kết thúc.
 */
import { CloseButton, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, isIsoDate } from '../../../lib/dates';
import { useRequiredMe } from '../../auth/auth.queries';
import type { UploadedFile } from '../../files/files.api';
import { FileUploadButton } from '../../files/FileUploadButton';
import type { IncomingAssignment } from '../incoming.types';
import type { ActionFormProps } from './ActionForm';
import { assignmentLabel, ownAssignments, StepForm } from './shared';
import { useStep } from './useStep';

interface NoteFieldProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  required?: boolean;
  showError?: boolean;
}

function NoteField({ value, onChange, label, required = false, showError = false }: NoteFieldProps) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={label}
      required={required}
      autosize
      minRows={3}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={showError && required && !value.trim() ? t('common.required') : undefined}
      data-autofocus
    />
  );
}

/** Draft files (dự thảo) uploaded with the step. */
function DraftFiles({ files, onChange }: { files: UploadedFile[]; onChange: (files: UploadedFile[]) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('incoming.forms.drafts')}
      </Text>
      {files.map((file) => (
        <Group key={file.id} gap="xs">
          <Text size="sm">{file.name}</Text>
          <CloseButton
            size="sm"
            aria-label={t('incoming.form.removeFile', { name: file.name })}
            onClick={() => onChange(files.filter((f) => f.id !== file.id))}
          />
        </Group>
      ))}
      <FileUploadButton label={t('incoming.forms.addDraft')} onUploaded={(file) => onChange([...files, file])} />
    </Stack>
  );
}

/** Which of one's assignments the step is about, when one holds several (otherwise the server picks it). */
function AssignmentChoice({
  choices,
  value,
  onChange,
}: {
  choices: IncomingAssignment[];
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  if (choices.length < 2) return null;
  return (
    <Select
      label={t('incoming.forms.assignment')}
      data={choices.map((a) => ({ value: a.id, label: assignmentLabel(a, t) }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
    />
  );
}

export function CommentForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const step = useStep(doc.id, 'comment', onDone);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const submit = () => {
    setSubmitted(true);
    if (!note.trim()) return;
    step.run({ note: note.trim(), fileIds: files.map((f) => f.id) });
  };
  return (
    <StepForm
      onSubmit={submit}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.comment')}
    >
      <NoteField label={t('incoming.forms.opinion')} value={note} onChange={setNote} required showError={submitted} />
      <DraftFiles files={files} onChange={setFiles} />
    </StepForm>
  );
}

export function RequestExtensionForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const step = useStep(doc.id, 'request_extension', onDone);
  const pending = new Set(doc.extensions.filter((x) => x.status === 'pending').map((x) => x.assignmentId));
  const choices = ownAssignments(me, doc.assignments).filter((a) => a.deadline !== null && !pending.has(a.id));
  const [assignmentId, setAssignmentId] = useState<string | null>(choices[0]?.id ?? null);
  const current = choices.find((a) => a.id === assignmentId)?.deadline ?? doc.dueDate;
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const dateError = !isIsoDate(date)
    ? 'common.invalidDate'
    : current && date <= current
      ? 'incoming.forms.extensionNotLater'
      : undefined;
  const submit = () => {
    setSubmitted(true);
    if (dateError || !reason.trim()) return;
    step.run({
      assignmentId: choices.length > 1 ? (assignmentId ?? undefined) : undefined,
      requestedDeadline: date,
      reason: reason.trim(),
    });
  };
  return (
    <StepForm
      onSubmit={submit}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.request_extension')}
    >
      <AssignmentChoice choices={choices} value={assignmentId} onChange={setAssignmentId} />
      {current && <Text size="sm">{t('incoming.forms.currentDeadline', { date: formatDate(current) })}</Text>}
      <TextInput
        type="date"
        label={t('incoming.forms.requestedDeadline')}
        required
        min={current ?? undefined}
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        error={submitted && dateError ? t(dateError as 'common.invalidDate', { date: formatDate(current) }) : undefined}
      />
      <NoteField
        label={t('incoming.forms.reason')}
        value={reason}
        onChange={setReason}
        required
        showError={submitted}
      />
    </StepForm>
  );
}

export function ReturnForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const step = useStep(doc.id, 'return', onDone);
  const choices = ownAssignments(me, doc.assignments);
  const [assignmentId, setAssignmentId] = useState<string | null>(choices[0]?.id ?? null);
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const submit = () => {
    setSubmitted(true);
    if (!note.trim()) return;
    step.run({ assignmentId: choices.length > 1 ? (assignmentId ?? undefined) : undefined, note: note.trim() });
  };
  return (
    <StepForm
      onSubmit={submit}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.return')}
    >
      <Text size="sm">{t('incoming.forms.returnHint')}</Text>
      <AssignmentChoice choices={choices} value={assignmentId} onChange={setAssignmentId} />
      <NoteField label={t('incoming.forms.reason')} value={note} onChange={setNote} required showError={submitted} />
    </StepForm>
  );
}

export function CompleteForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const step = useStep(doc.id, 'complete', onDone);
  const [note, setNote] = useState('');
  const [answeredBy, setAnsweredBy] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const submit = () =>
    step.run({
      note: note.trim() || undefined,
      answeredBy: answeredBy.trim() || undefined,
      fileIds: files.map((f) => f.id),
    });
  return (
    <StepForm
      onSubmit={submit}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.complete')}
    >
      <NoteField label={t('incoming.forms.result')} value={note} onChange={setNote} />
      <TextInput
        label={t('incoming.fields.answeredBy')}
        description={t('incoming.forms.answeredByHint')}
        maxLength={50}
        value={answeredBy}
        onChange={(e) => setAnsweredBy(e.currentTarget.value)}
      />
      <DraftFiles files={files} onChange={setFiles} />
    </StepForm>
  );
}

export function RecallForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const step = useStep(doc.id, 'recall', onDone);
  const [note, setNote] = useState('');
  return (
    <StepForm
      onSubmit={() => step.run({ note: note.trim() || undefined })}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.recall')}
    >
      <Text size="sm">{t('incoming.forms.recallHint')}</Text>
      <NoteField label={t('incoming.forms.reason')} value={note} onChange={setNote} />
    </StepForm>
  );
}

export function CloseForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const step = useStep(doc.id, 'close', onDone);
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const submit = () => {
    setSubmitted(true);
    if (!note.trim()) return;
    step.run({ note: note.trim() });
  };
  return (
    <StepForm
      onSubmit={submit}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.close')}
    >
      <Text size="sm">{t('incoming.forms.closeHint')}</Text>
      <NoteField label={t('incoming.forms.reason')} value={note} onChange={setNote} required showError={submitted} />
    </StepForm>
  );
}
