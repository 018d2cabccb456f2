/** Record a new organisation (system administrators). */
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../lib/dates';
import { useErrorText } from '../../lib/useErrorText';
import { useNotify } from '../../lib/useNotify';
import { OrgCoreFields } from './OrgCoreFields';
import { EMPTY_ORG_CORE, hasErrors, validateOrgCore, type OrgCoreValues } from './org.form';
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
  const describe = useErrorText();
  const notify = useNotify();
  const create = useCreateOrganization();
  const [core, setCore] = useState<OrgCoreValues>(EMPTY_ORG_CORE);
  const [validFrom, setValidFrom] = useState(isIsoDate(defaultDate) ? defaultDate : '');
  const [validTo, setValidTo] = useState('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { options } = useOrganizationOptions(isIsoDate(validFrom) ? validFrom : defaultDate);

  const errors = validateOrgCore(core);
  const dateError = !isIsoDate(validFrom) || (validTo !== '' && (!isIsoDate(validTo) || validTo < validFrom));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors) || dateError) return;
    create.mutate(
      {
        name: core.name.trim(),
        shortName: core.shortName.trim(),
        abbreviation: core.abbreviation,
        identifier: core.identifier,
        kind: core.kind,
        parentId: core.parentId,
        validFrom,
        validTo: validTo || null,
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
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {describe(create.error)}
          </Alert>
        )}
        <OrgCoreFields
          values={core}
          onChange={(patch) => setCore((previous) => ({ ...previous, ...patch }))}
          errors={submitted ? errors : {}}
          parentOptions={options}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('orgs.fields.validFrom')}
            required
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value)}
            error={submitted && !isIsoDate(validFrom) ? t('common.invalidDate') : undefined}
          />
          <TextInput
            type="date"
            label={t('orgs.fields.validTo')}
            value={validTo}
            onChange={(e) => setValidTo(e.currentTarget.value)}
            error={submitted && dateError && validTo !== '' ? t('common.invalidDateRange') : undefined}
          />
        </SimpleGrid>
        <Textarea
          label={t('orgs.fields.note')}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
