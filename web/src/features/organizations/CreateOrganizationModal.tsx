/** Record a new organisation (system administrators). */
import { Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { ValidityFields, type Validity } from '../../components/ValidityFields';
import { isIsoDate, validityErrors } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { OrgCoreFields, OrgNoteField } from './OrgCoreFields';
import { EMPTY_ORG_CORE, hasErrors, orgCoreBody, validateOrgCore, type OrgCoreValues } from './org.form';
import { useCreateOrganization, useOrganizationOptions } from './org.queries';

interface CreateOrganizationModalProps {
  opened: boolean;
  onClose: () => void;
  defaultDate: string;
}

export function CreateOrganizationModal({ opened, onClose, defaultDate }: CreateOrganizationModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('orgs.addOrganization')} size="lg">
      {opened && <CreateOrganizationForm onDone={onClose} defaultDate={defaultDate} />}
    </Modal>
  );
}

function CreateOrganizationForm({ onDone, defaultDate }: { onDone: () => void; defaultDate: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreateOrganization();
  const [core, setCore] = useState<OrgCoreValues>(EMPTY_ORG_CORE);
  const [validity, setValidity] = useState<Validity>({
    validFrom: isIsoDate(defaultDate) ? defaultDate : '',
    validTo: '',
  });
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { options } = useOrganizationOptions(isIsoDate(validity.validFrom) ? validity.validFrom : defaultDate);

  const errors = validateOrgCore(core);
  const dateErrors = validityErrors(validity.validFrom, validity.validTo);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors) || hasErrors(dateErrors)) return;
    create.mutate(
      {
        ...orgCoreBody(core),
        validFrom: validity.validFrom,
        validTo: validity.validTo || null,
        note: note.trim() || null,
      },
      {
        onSuccess: (org) => {
          notify.success(t('orgs.created', { name: org.name }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={create.error} />
        <OrgCoreFields
          values={core}
          onChange={(patch) => setCore((previous) => ({ ...previous, ...patch }))}
          errors={submitted ? errors : {}}
          parentOptions={options}
        />
        <ValidityFields
          {...validity}
          onChange={(patch) => setValidity((previous) => ({ ...previous, ...patch }))}
          showErrors={submitted}
        />
        <OrgNoteField value={note} onChange={setNote} />
        <FormActions onCancel={onDone} loading={create.isPending}>
          {t('common.create')}
        </FormActions>
      </Stack>
    </form>
  );
}
