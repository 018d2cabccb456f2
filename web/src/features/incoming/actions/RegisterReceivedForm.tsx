/** Vào sổ a document received from another organisation on EduGov: choose the register book (or the default one). */
import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registersFor } from '../incoming.form';
import { useRegisters } from '../incoming.queries';
import type { ActionFormProps } from './ActionForm';
import { StepForm } from './shared';
import { useStep } from './useStep';

export function RegisterReceivedForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const step = useStep(doc.id, 'register', onDone);
  const registers = registersFor(useRegisters().data ?? [], doc.confidentiality);
  const [registerId, setRegisterId] = useState<string | null>(null);
  return (
    <StepForm
      onSubmit={() => step.run({ version: doc.version, registerId: registerId ?? undefined })}
      onCancel={onDone}
      error={step.error}
      loading={step.loading}
      submitLabel={t('incoming.actions.register')}
    >
      <Text size="sm">{t('incoming.forms.registerHint')}</Text>
      <Select
        label={t('incoming.fields.register')}
        placeholder={
          doc.confidentiality === 'normal'
            ? t('incoming.form.defaultRegister')
            : t('incoming.form.defaultConfidentialRegister')
        }
        data={registers.map((r) => ({ value: r.id, label: r.name }))}
        value={registerId}
        onChange={setRegisterId}
        clearable
      />
    </StepForm>
  );
}
