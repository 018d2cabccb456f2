/**
 * The steps open to the user on this outgoing document: exactly the `actions` the server sent (editing is a
 * link to the form), one button each in a fixed order, each opening its form in a dialog where the server's
 * refusal is shown.
 */
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { isIsoDate, vietnamDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { FileUploadButton } from '../files/FileUploadButton';
import type { UploadedFile } from '../files/files.api';
import { personOptions, useColleagues } from '../incoming/colleagues';
import { CertificatePinInput, isPinError } from '../signatures/CertificatePinInput';
import { atLastStage } from '../signatures/signing';
import { useApprovalTemplates, useOutgoingAction } from './outgoing.queries';
import { OUTGOING_ACTIONS, type OutgoingAction, type OutgoingDetail } from './outgoing.types';

/** The buttons to show, in the order of the handling (anything the server adds later is ignored). */
export function actionButtons(actions: readonly string[]): OutgoingAction[] {
  return OUTGOING_ACTIONS.filter((a) => actions.includes(a));
}

const PRIMARY: ReadonlySet<OutgoingAction> = new Set(['submit', 'approve', 'issue']);
const COLORS: Partial<Record<OutgoingAction, string>> = { return: 'orange', reject: 'red', recall: 'orange' };

export function OutgoingActions({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OutgoingAction | null>(null);
  const buttons = actionButtons(doc.actions);
  const canEdit = (doc.actions as readonly string[]).includes('update');
  if (buttons.length === 0 && !canEdit) return null;
  const close = () => setOpen(null);
  return (
    <>
      <Group gap="xs" role="toolbar" aria-label={t('outgoing.actions.toolbar')}>
        {canEdit && (
          <Button component={Link} to={`/e-office/outgoing/${doc.id}/edit`} variant="light">
            {t('outgoing.actions.edit')}
          </Button>
        )}
        {buttons.map((action) => (
          <Button
            key={action}
            variant={PRIMARY.has(action) ? 'filled' : 'light'}
            color={COLORS[action]}
            onClick={() => setOpen(action)}
          >
            {t(`outgoing.actions.${action}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={open !== null} onClose={close} title={open ? t(`outgoing.actions.${open}`) : ''} size="lg">
        {open && <ActionForm action={open} doc={doc} onDone={close} />}
      </Modal>
    </>
  );
}

interface FormProps {
  doc: OutgoingDetail;
  onDone: () => void;
}

function useStep(doc: OutgoingDetail, action: OutgoingAction, onDone: () => void) {
  const { t } = useTranslation();
  const notify = useNotify();
  const mutation = useOutgoingAction(doc.id, action);
  const run = (body: Record<string, unknown>) =>
    mutation.mutate(body, {
      onSuccess: () => {
        notify.success(t(`outgoing.actions.done.${action}`));
        onDone();
      },
    });
  return { run, error: mutation.error, loading: mutation.isPending };
}

function StepForm({
  onSubmit,
  onCancel,
  error,
  loading,
  submitLabel,
  children,
}: {
  onSubmit: () => void;
  onCancel: () => void;
  error: unknown;
  loading: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
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

function ActionForm({ action, ...props }: FormProps & { action: OutgoingAction }) {
  switch (action) {
    case 'submit':
      return <SubmitForm {...props} />;
    case 'approve':
      return <ApproveForm {...props} />;
    case 'return':
      return <NoteForm {...props} action="return" field="comment" required />;
    case 'reject':
      return <NoteForm {...props} action="reject" field="decisionNote" required />;
    case 'recall':
      return <NoteForm {...props} action="recall" field="reason" required />;
    case 'forward':
      return <ForwardForm {...props} />;
    case 'issue':
      return <IssueForm {...props} />;
  }
}

function SubmitForm({ doc, onDone }: FormProps) {
  const { t } = useTranslation();
  const step = useStep(doc, 'submit', onDone);
  const templates = useApprovalTemplates();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const fallback = templates.data?.find((x) => x.isDefault)?.id ?? null;
  return (
    <StepForm
      onSubmit={() => step.run({ templateId: (templateId ?? fallback) || undefined })}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('outgoing.actions.submit')}
    >
      <Select
        label={t('outgoing.forms.template')}
        placeholder={t('outgoing.forms.defaultTemplate')}
        data={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
        value={templateId ?? fallback}
        onChange={setTemplateId}
        clearable
        data-autofocus
      />
      {(templates.data ?? [])
        .filter((x) => x.id === (templateId ?? fallback))
        .map((x) => (
          <Text key={x.id} size="sm" c="dimmed">
            {x.steps.map((s) => s.name).join(' → ')}
          </Text>
        ))}
    </StepForm>
  );
}

/**
 * Whether the user is at the leader's decision on a Tờ trình (the last stage, where it is approved or
 * rejected with a decision note): the server offers `reject` exactly there, so its abilities say it.
 */
export function atSubmissionDecision(doc: OutgoingDetail): boolean {
  return doc.docType === 'submission' && (doc.actions as readonly string[]).includes('reject');
}

function ApproveForm({ doc, onDone }: FormProps) {
  const { t } = useTranslation();
  const step = useStep(doc, 'approve', onDone);
  const [comment, setComment] = useState('');
  const [decisionNote, setDecisionNote] = useState('');
  const [pin, setPin] = useState('');
  const [shown, setShown] = useState(false);
  const deciding = atSubmissionDecision(doc);
  const noteLabel = t('outgoing.forms.decisionNote');
  const noteMissing = deciding && decisionNote.trim() === '';
  // Approving the last stage signs the document with the approver's certificate.
  const signs = (doc.signing.required && atLastStage(doc)) || isPinError(step.error);
  const pinMissing = signs && pin === '';
  return (
    <StepForm
      onSubmit={() => {
        setShown(true);
        if (noteMissing || pinMissing) return;
        step.run({
          comment: comment.trim() || undefined,
          decisionNote: deciding ? decisionNote.trim() : undefined,
          pin: signs ? pin : undefined,
        });
      }}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('outgoing.actions.approve')}
    >
      <Textarea
        label={t('outgoing.forms.comment')}
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        data-autofocus
      />
      {deciding && (
        <Textarea
          label={noteLabel}
          required
          autosize
          minRows={2}
          value={decisionNote}
          onChange={(e) => setDecisionNote(e.currentTarget.value)}
          error={shown && noteMissing ? t('outgoing.forms.required', { field: noteLabel.toLowerCase() }) : undefined}
        />
      )}
      {signs && <CertificatePinInput value={pin} onChange={setPin} owner="personal" showMissing={shown} />}
    </StepForm>
  );
}

function NoteForm({
  doc,
  onDone,
  action,
  field,
  required,
}: FormProps & {
  action: 'return' | 'reject' | 'recall';
  field: 'comment' | 'decisionNote' | 'reason';
  required: boolean;
}) {
  const { t } = useTranslation();
  const step = useStep(doc, action, onDone);
  const [text, setText] = useState('');
  const [shown, setShown] = useState(false);
  const label = t(`outgoing.forms.${field}`);
  const missing = required && text.trim() === '';
  return (
    <StepForm
      onSubmit={() => {
        setShown(true);
        if (!missing) step.run({ [field]: text.trim() });
      }}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t(`outgoing.actions.${action}`)}
    >
      <Textarea
        label={label}
        required={required}
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={shown && missing ? t('outgoing.forms.required', { field: label.toLowerCase() }) : undefined}
        data-autofocus
      />
    </StepForm>
  );
}

function ForwardForm({ doc, onDone }: FormProps) {
  const { t } = useTranslation();
  const step = useStep(doc, 'forward', onDone);
  const colleagues = useColleagues();
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [shown, setShown] = useState(false);
  const label = t('outgoing.forms.toUser');
  return (
    <StepForm
      onSubmit={() => {
        setShown(true);
        if (toUserId) step.run({ toUserId, comment: comment.trim() || undefined });
      }}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('outgoing.actions.forward')}
    >
      <Select
        label={label}
        required
        data={personOptions(colleagues.data ?? [])}
        value={toUserId}
        onChange={setToUserId}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        error={shown && !toUserId ? t('outgoing.forms.required', { field: label.toLowerCase() }) : undefined}
        data-autofocus
      />
      <Textarea
        label={t('outgoing.forms.comment')}
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
    </StepForm>
  );
}

function IssueForm({ doc, onDone }: FormProps) {
  const { t } = useTranslation();
  const step = useStep(doc, 'issue', onDone);
  const registers = useQuery({
    queryKey: ['outgoing', 'registers'],
    queryFn: () => unwrap(api.GET('/api/v1/registers', { params: { query: { direction: 'outgoing' } } })),
    select: (data) => data.items,
  });
  const [registerId, setRegisterId] = useState<string | null>(null);
  const [date, setDate] = useState(vietnamDate());
  const [finalFile, setFinalFile] = useState<UploadedFile | null>(null);
  const [pin, setPin] = useState('');
  const [shown, setShown] = useState(false);
  const dateError = date !== '' && !isIsoDate(date);
  // Issuing signs the official PDF with the organisation's certificate.
  const signs = doc.signing.required || isPinError(step.error);
  const pinMissing = signs && pin === '';
  return (
    <StepForm
      onSubmit={() => {
        setShown(true);
        if (dateError || pinMissing) return;
        step.run({
          registerId: registerId ?? undefined,
          date: date || undefined,
          finalFileId: finalFile?.id,
          pin: signs ? pin : undefined,
        });
      }}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('outgoing.actions.issue')}
    >
      <Select
        label={t('outgoing.forms.register')}
        placeholder={t('outgoing.forms.defaultRegister')}
        data={(registers.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
        value={registerId}
        onChange={setRegisterId}
        clearable
        data-autofocus
      />
      <TextInput
        type="date"
        label={t('outgoing.forms.date')}
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        error={shown && dateError ? t('outgoing.form.invalidDate') : undefined}
      />
      <Text size="sm" fw={500}>
        {t('outgoing.forms.finalFile')}
      </Text>
      {finalFile && <Text size="sm">{finalFile.name}</Text>}
      <FileUploadButton label={t('outgoing.forms.uploadFinal')} accept="application/pdf" onUploaded={setFinalFile} />
      {signs && <CertificatePinInput value={pin} onChange={setPin} owner="organization" showMissing={shown} />}
    </StepForm>
  );
}
