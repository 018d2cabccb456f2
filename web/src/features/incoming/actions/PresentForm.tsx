/** Trình lãnh đạo: to one leader (optional; otherwise every leader of the organisation sees it), with a note. */
import { Select, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personOptions, useLeaders } from '../colleagues';
import type { ActionFormProps } from './ActionForm';
import { StepForm } from './shared';
import { useStep } from './useStep';

export function PresentForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const step = useStep(doc.id, 'present', onDone);
  const leaderList = useLeaders();
  const leaders = leaderList.data ?? [];
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const [note, setNote] = useState('');

  return (
    <StepForm
      onSubmit={() => step.run({ leaderId: leaderId ?? undefined, note: note.trim() || undefined })}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.present')}
    >
      <Select
        label={t('incoming.forms.leader')}
        description={t('incoming.forms.leaderHint')}
        placeholder={t('incoming.forms.anyLeader')}
        data={personOptions(leaders)}
        value={leaderId}
        onChange={setLeaderId}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        data-autofocus
      />
      <Textarea
        label={t('incoming.forms.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </StepForm>
  );
}
