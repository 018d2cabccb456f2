/**
 * Vào sổ a document received from another organisation on EduGov: choose the register book (or the default one).
 * When the server finds the main PDF's digital signature invalid, the clerk may register it anyway with a reason.
 */
import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  noSignatureAcceptance,
  registersFor,
  signatureAcceptanceBody,
  signatureAcceptanceError,
  type SignatureAcceptance,
} from '../incoming.form';
import { InvalidSignatureWarning, isSignatureRefusal, useSignatureRefusal } from '../InvalidSignatureWarning';
import { useRegisters } from '../incoming.queries';
import type { ActionFormProps } from './ActionForm';
import { StepForm } from './shared';
import { useStep } from './useStep';

export function RegisterReceivedForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const step = useStep(doc.id, 'register', onDone);
  const registers = registersFor(useRegisters().data ?? [], doc.confidentiality);
  const [registerId, setRegisterId] = useState<string | null>(null);
  const signature = useSignatureRefusal(step.error);
  const [acceptance, setAcceptance] = useState<SignatureAcceptance>(noSignatureAcceptance);
  const [acceptanceTried, setAcceptanceTried] = useState(false);
  const submit = () => {
    if (signature.refusal) {
      setAcceptanceTried(true);
      if (signatureAcceptanceError(acceptance)) return;
    }
    step.run({
      version: doc.version,
      registerId: registerId ?? undefined,
      ...(signature.refusal ? signatureAcceptanceBody(acceptance) : {}),
    });
  };
  return (
    <StepForm
      onSubmit={submit}
      onCancel={onDone}
      error={isSignatureRefusal(step.error) ? null : step.error}
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
      {signature.refusal && (
        <InvalidSignatureWarning
          refusal={signature.refusal}
          value={acceptance}
          onChange={setAcceptance}
          showErrors={acceptanceTried}
        />
      )}
    </StepForm>
  );
}
