/** Change an organisation (system administrators). Sends only what changed, with the version it was read at. */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, OrganizationChanges } from '../../api/types';
import { FormError } from '../../components/FormError';
import { ValidityFields, type Validity } from '../../components/ValidityFields';
import { isIsoDate, validityErrors } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { OrgCoreFields, OrgNoteField } from './OrgCoreFields';
import { hasErrors, orgCoreValuesOf, validateOrgCore, type OrgCoreValues } from './org.form';
import { useOrganizationOptions, useUpdateOrganization } from './org.queries';

interface OrgEditFormProps {
  org: Organization;
  /** Reloads the organisation (after a conflict: someone else changed it). */
  onReload: () => void;
}

function changesOf(org: Organization, core: OrgCoreValues, { validFrom, validTo }: Validity, note: string) {
  const changes: OrganizationChanges = { version: org.version };
  if (core.name !== org.name) changes.name = core.name.trim();
  if (core.shortName !== org.shortName) changes.shortName = core.shortName.trim();
  if (core.abbreviation !== org.abbreviation) changes.abbreviation = core.abbreviation;
  if (core.identifier !== org.identifier) changes.identifier = core.identifier;
  if (core.kind !== org.kind) changes.kind = core.kind;
  if (core.parentId !== (org.parent?.id ?? null)) changes.parentId = core.parentId;
  if (validFrom !== org.validFrom) changes.validFrom = validFrom;
  if ((validTo || null) !== org.validTo) changes.validTo = validTo || null;
  if ((note.trim() || null) !== org.note) changes.note = note.trim() || null;
  return changes;
}

export function OrgEditForm({ org, onReload }: OrgEditFormProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateOrganization(org.id);
  const [core, setCore] = useState<OrgCoreValues>(orgCoreValuesOf(org));
  const [validity, setValidity] = useState<Validity>({ validFrom: org.validFrom, validTo: org.validTo ?? '' });
  const [note, setNote] = useState(org.note ?? '');
  const [submitted, setSubmitted] = useState(false);
  const { options } = useOrganizationOptions(isIsoDate(validity.validFrom) ? validity.validFrom : org.validFrom);

  const errors = validateOrgCore(core);
  const dateErrors = validityErrors(validity.validFrom, validity.validTo);
  const changes = changesOf(org, core, validity, note);
  const changed = Object.keys(changes).length > 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors) || hasErrors(dateErrors) || !changed) return;
    update.mutate(changes, { onSuccess: () => notify.success(t('common.saved')) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={update.error} onReload={onReload} />
        <OrgCoreFields
          values={core}
          onChange={(patch) => setCore((previous) => ({ ...previous, ...patch }))}
          errors={submitted ? errors : {}}
          parentOptions={options}
          excludeParentId={org.id}
        />
        <ValidityFields
          {...validity}
          onChange={(patch) => setValidity((previous) => ({ ...previous, ...patch }))}
          showErrors={submitted}
        />
        <OrgNoteField value={note} onChange={setNote} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('common.version')}: {org.version}
          </Text>
          <Button type="submit" loading={update.isPending} disabled={!changed}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
