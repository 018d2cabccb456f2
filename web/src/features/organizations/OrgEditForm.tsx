/** Change an organisation (system administrators). Sends only what changed, with the version it was read at. */
import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, OrganizationChanges } from '../../api/types';
import { isIsoDate } from '../../lib/dates';
import { isConflict } from '../../lib/errorText';
import { useErrorText } from '../../lib/useErrorText';
import { useNotify } from '../../lib/useNotify';
import { OrgCoreFields } from './OrgCoreFields';
import { hasErrors, validateOrgCore, type OrgCoreValues } from './org.form';
import { useOrganizationOptions, useUpdateOrganization } from './org.queries';

interface OrgEditFormProps {
  org: Organization;
  /** Reloads the organisation (after a conflict: someone else changed it). */
  onReload: () => void;
}

function changesOf(org: Organization, core: OrgCoreValues, validFrom: string, validTo: string, note: string) {
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
  const describe = useErrorText();
  const notify = useNotify();
  const update = useUpdateOrganization(org.id);
  const [core, setCore] = useState<OrgCoreValues>({
    name: org.name,
    shortName: org.shortName,
    abbreviation: org.abbreviation,
    identifier: org.identifier,
    kind: org.kind,
    parentId: org.parent?.id ?? null,
  });
  const [validFrom, setValidFrom] = useState(org.validFrom);
  const [validTo, setValidTo] = useState(org.validTo ?? '');
  const [note, setNote] = useState(org.note ?? '');
  const [submitted, setSubmitted] = useState(false);
  const { options } = useOrganizationOptions(isIsoDate(validFrom) ? validFrom : org.validFrom);

  const errors = validateOrgCore(core);
  const dateError = !isIsoDate(validFrom) || (validTo !== '' && (!isIsoDate(validTo) || validTo < validFrom));
  const changes = changesOf(org, core, validFrom, validTo, note);
  const changed = Object.keys(changes).length > 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors) || dateError || !changed) return;
    update.mutate(changes, { onSuccess: () => notify.success(t('common.saved')) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {update.isError && (
          <Alert color="red" variant="light" role="alert">
            {describe(update.error)}
            {isConflict(update.error) && (
              <Button size="xs" variant="light" color="red" ml="sm" onClick={onReload}>
                {t('common.reload')}
              </Button>
            )}
          </Alert>
        )}
        <OrgCoreFields
          values={core}
          onChange={(patch) => setCore((previous) => ({ ...previous, ...patch }))}
          errors={submitted ? errors : {}}
          parentOptions={options}
          excludeParentId={org.id}
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
