/** Add a unit, or change one (and close it by setting "valid until"). */
import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit, OrgUnitKind } from '../../api/types';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { ValidityFields, type Validity } from '../../components/ValidityFields';
import { isIsoDate, validityErrors } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { ABBREVIATION_PATTERN, hasErrors, IDENTIFIER_PATTERN } from './org.form';
import { useCreateUnit, useUpdateUnit } from './org.queries';

const UNIT_KINDS: readonly OrgUnitKind[] = ['office', 'department', 'agency', 'inspectorate', 'division', 'other'];

function isUnitKind(value: string | null): value is OrgUnitKind {
  return value !== null && (UNIT_KINDS as readonly string[]).includes(value);
}

interface UnitFormModalProps {
  organizationId: string;
  units: OrgUnit[];
  /** The unit to change; absent to add a new one. */
  unit: OrgUnit | undefined;
  opened: boolean;
  defaultDate: string;
  onClose: () => void;
}

export function UnitFormModal({ opened, onClose, unit, ...rest }: UnitFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={unit ? t('units.editNamed', { name: unit.name }) : t('units.add')}>
      {opened && <UnitForm key={unit?.id ?? 'new'} unit={unit} onDone={onClose} {...rest} />}
    </Modal>
  );
}

function UnitForm({
  organizationId,
  units,
  unit,
  defaultDate,
  onDone,
}: Omit<UnitFormModalProps, 'opened' | 'onClose'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreateUnit(organizationId);
  const update = useUpdateUnit(organizationId);
  const mutation = unit ? update : create;
  const [name, setName] = useState(unit?.name ?? '');
  const [abbreviation, setAbbreviation] = useState(unit?.abbreviation ?? '');
  const [kind, setKind] = useState<OrgUnitKind>(unit?.kind ?? 'division');
  const [parentUnitId, setParentUnitId] = useState<string | null>(unit?.parentUnitId ?? null);
  const [identifier, setIdentifier] = useState(unit?.identifier ?? '');
  const [validity, setValidity] = useState<Validity>({
    validFrom: unit?.validFrom ?? (isIsoDate(defaultDate) ? defaultDate : ''),
    validTo: unit?.validTo ?? '',
  });
  const [submitted, setSubmitted] = useState(false);

  const errors = {
    name: !name.trim(),
    abbreviation: !ABBREVIATION_PATTERN.test(abbreviation),
    identifier: identifier !== '' && !IDENTIFIER_PATTERN.test(identifier),
  };
  const show = (field: keyof typeof errors, key: 'common.required' | 'common.invalidFormat') =>
    submitted && errors[field] ? t(key) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors) || hasErrors(validityErrors(validity.validFrom, validity.validTo))) return;
    const fields = {
      name: name.trim(),
      abbreviation,
      kind,
      parentUnitId,
      identifier: identifier || null,
      validFrom: validity.validFrom,
      validTo: validity.validTo || null,
    };
    const onSuccess = () => {
      notify.success(unit ? t('common.saved') : t('units.added'));
      onDone();
    };
    if (unit) update.mutate({ id: unit.id, body: { version: unit.version, ...fields } }, { onSuccess });
    else create.mutate(fields, { onSuccess });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={mutation.error} />
        <TextInput
          label={t('units.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={show('name', 'common.required')}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('orgs.fields.abbreviation')}
            required
            value={abbreviation}
            onChange={(e) => setAbbreviation(e.currentTarget.value)}
            error={show('abbreviation', 'common.invalidFormat')}
          />
          <Select
            label={t('units.kind')}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(value) => {
              if (isUnitKind(value)) setKind(value);
            }}
          />
        </SimpleGrid>
        <Select
          label={t('units.parentUnit')}
          placeholder={t('common.none')}
          data={units.filter((u) => u.id !== unit?.id).map((u) => ({ value: u.id, label: u.name }))}
          value={parentUnitId}
          onChange={setParentUnitId}
          clearable
          searchable
        />
        <TextInput
          label={t('orgs.fields.identifier')}
          description={t('units.identifierHint')}
          value={identifier}
          onChange={(e) => setIdentifier(e.currentTarget.value.toUpperCase())}
          error={show('identifier', 'common.invalidFormat')}
        />
        <ValidityFields
          {...validity}
          onChange={(patch) => setValidity((previous) => ({ ...previous, ...patch }))}
          showErrors={submitted}
          toDescription={unit ? t('units.closeHint') : undefined}
        />
        <FormActions onCancel={onDone} loading={mutation.isPending}>
          {unit ? t('common.save') : t('common.add')}
        </FormActions>
      </Stack>
    </form>
  );
}
