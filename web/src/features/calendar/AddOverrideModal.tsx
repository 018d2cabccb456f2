/** Record an adjustment of the calendar: a day off, a làm bù working day, or a computed day that does not apply. */
import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { isIsoDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { OVERRIDE_KINDS, useCreateOverride, type OverrideKind } from './calendar.queries';

/** What the form starts with. */
export interface OverrideDraft {
  date: string;
  kind: OverrideKind;
  name?: string;
}

function isOverrideKind(value: string | null): value is OverrideKind {
  return value !== null && (OVERRIDE_KINDS as readonly string[]).includes(value);
}

export function AddOverrideModal({ draft, onClose }: { draft: OverrideDraft | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={draft !== undefined} onClose={onClose} title={t('calendar.addOverride')}>
      {draft && <OverrideForm draft={draft} onDone={onClose} />}
    </Modal>
  );
}

function OverrideForm({ draft, onDone }: { draft: OverrideDraft; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreateOverride();
  const [date, setDate] = useState(draft.date);
  const [kind, setKind] = useState<OverrideKind>(draft.kind);
  const [name, setName] = useState(draft.name ?? '');
  const [sourceDocument, setSourceDocument] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = { date: !isIsoDate(date), name: !name.trim() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (errors.date || errors.name) return;
    create.mutate(
      { date, kind, name: name.trim(), sourceDocument: sourceDocument.trim() || null },
      {
        onSuccess: () => {
          notify.success(t('calendar.overrideAdded'));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={create.error} />
        <TextInput
          type="date"
          label={t('calendar.date')}
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={submitted && errors.date ? t('common.invalidDate') : undefined}
        />
        <Select
          label={t('calendar.kind')}
          data={OVERRIDE_KINDS.map((k) => ({ value: k, label: t(`calendar.overrideKinds.${k}`) }))}
          value={kind}
          allowDeselect={false}
          onChange={(value) => {
            if (isOverrideKind(value)) setKind(value);
          }}
        />
        <TextInput
          label={t('calendar.name')}
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={submitted && errors.name ? t('common.required') : undefined}
          data-autofocus
        />
        <TextInput
          label={t('calendar.sourceDocument')}
          placeholder={t('calendar.sourceDocumentHint')}
          maxLength={200}
          value={sourceDocument}
          onChange={(e) => setSourceDocument(e.currentTarget.value)}
        />
        <FormActions onCancel={onDone} loading={create.isPending}>
          {t('common.add')}
        </FormActions>
      </Stack>
    </form>
  );
}
