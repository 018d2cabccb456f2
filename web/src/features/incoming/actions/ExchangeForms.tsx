/**
 * The clerk's answers to the sending organisation on a copy received on EduGov: từ chối nhận (a reason is
 * required) and trả lời đề nghị thu hồi (đồng ý / không đồng ý, with a note).
 */
import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps } from './ActionForm';
import { StepForm } from './shared';
import { useStep } from './useStep';

export function RefuseForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const step = useStep(doc.id, 'refuse', onDone);
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
      submitLabel={t('incoming.actions.refuse')}
    >
      <Text size="sm">{t('incoming.forms.refuseHint')}</Text>
      <Textarea
        label={t('incoming.forms.reason')}
        required
        autosize
        minRows={3}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={submitted && !note.trim() ? t('common.required') : undefined}
        data-autofocus
      />
    </StepForm>
  );
}

export function RecallAnswerForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const step = useStep(doc.id, 'recall_answer', onDone);
  const [answer, setAnswer] = useState<'accept' | 'refuse'>('accept');
  const [note, setNote] = useState('');
  return (
    <StepForm
      onSubmit={() => step.run({ accept: answer === 'accept', note: note.trim() || undefined })}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.recall_answer')}
    >
      <Text size="sm">{t('incoming.forms.recallAnswerHint')}</Text>
      <Radio.Group
        label={t('incoming.forms.recallAnswer')}
        value={answer}
        onChange={(v) => setAnswer(v === 'refuse' ? 'refuse' : 'accept')}
      >
        <Stack gap={6} mt={4}>
          <Radio value="accept" label={t('incoming.forms.recallAccept')} />
          <Radio value="refuse" label={t('incoming.forms.recallRefuse')} />
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('incoming.forms.recallNote')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </StepForm>
  );
}
