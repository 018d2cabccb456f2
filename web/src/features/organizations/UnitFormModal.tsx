/** Add a unit, or change one (and close it by setting "valid until"). */
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit, OrgUnitKind } from '../../api/types';
import { isIsoDate } from '../../lib/dates';
import { useErrorText } from '../../lib/useErrorText';
import { useNotify } from '../../lib/useNotify';
import { ABBREVIATION_PATTERN, IDENTIFIER_PATTERN } from './org.form';
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
  const describe = useErrorText();
  const notify = useNotify();
  const create = useCreateUnit(organizationId);
  const update = useUpdateUnit(organizationId);
  const mutation = unit ? update : create;
  const [name, setName] = useState(unit?.name ?? '');
  const [abbreviation, setAbbreviation] = useState(unit?.abbreviation ?? '');
  const [kind, setKind] = useState<OrgUnitKind>(unit?.kind ?? 'division');
  const [parentUnitId, setParentUnitId] = useState<string | null>(unit?.parentUnitId ?? null);
  const [identifier, setIdentifier] = useState(unit?.identifier ?? '');
  const [validFrom, setValidFrom] = useState(unit?.validFrom ?? (isIsoDate(defaultDate) ? defaultDate : ''));
  const [validTo, setValidTo] = useState(unit?.validTo ?? '');
  const [submitted, setSubmitted] = useState(false);

  const errors = {
    name: !name.trim(),
    abbreviation: !ABBREVIATION_PATTERN.test(abbreviation),
    identifier: identifier !== '' && !IDENTIFIER_PATTERN.test(identifier),
    validFrom: !isIsoDate(validFrom),
    validTo: validTo !== '' && (!isIsoDate(validTo) || validTo < validFrom),
  };
  const show = (field: keyof typeof errors, key: 'common.required' | 'common.invalidDate' | 'common.invalidFormat') =>
    submitted && errors[field] ? t(key) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    const fields = {
      name: name.trim(),
      abbreviation,
      kind,
      parentUnitId,
      identifier: identifier || null,
      validFrom,
      validTo: validTo || null,
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
        {mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {describe(mutation.error)}
          </Alert>
        )}
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('orgs.fields.validFrom')}
            required
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value)}
            error={show('validFrom', 'common.invalidDate')}
          />
          <TextInput
            type="date"
            label={t('orgs.fields.validTo')}
            description={unit ? t('units.closeHint') : undefined}
            value={validTo}
            onChange={(e) => setValidTo(e.currentTarget.value)}
            error={show('validTo', 'common.invalidDate')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {unit ? t('common.save') : t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
