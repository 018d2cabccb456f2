/** Name, short name, abbreviation, identifier, kind and parent of an organisation; and a note on a change. */
import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isOrganizationKind } from './OrgFilters';
import type { OrgCoreErrors, OrgCoreValues } from './org.form';
import { ORGANIZATION_KINDS } from './org.tree';

interface OrgCoreFieldsProps {
  values: OrgCoreValues;
  onChange: (patch: Partial<OrgCoreValues>) => void;
  errors: OrgCoreErrors;
  parentOptions: { value: string; label: string }[];
  /** The organisation itself must not be offered as its own parent. */
  excludeParentId?: string;
}

export function OrgCoreFields({ values, onChange, errors, parentOptions, excludeParentId }: OrgCoreFieldsProps) {
  const { t } = useTranslation();
  const error = (field: keyof OrgCoreValues) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput
        label={t('orgs.fields.name')}
        required
        value={values.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={error('name')}
        style={{ gridColumn: '1 / -1' }}
      />
      <TextInput
        label={t('orgs.fields.shortName')}
        required
        value={values.shortName}
        onChange={(e) => onChange({ shortName: e.currentTarget.value })}
        error={error('shortName')}
      />
      <TextInput
        label={t('orgs.fields.abbreviation')}
        required
        value={values.abbreviation}
        onChange={(e) => onChange({ abbreviation: e.currentTarget.value })}
        error={error('abbreviation')}
      />
      <TextInput
        label={t('orgs.fields.identifier')}
        description={t('orgs.fields.identifierHint')}
        required
        value={values.identifier}
        onChange={(e) => onChange({ identifier: e.currentTarget.value.toUpperCase() })}
        error={error('identifier')}
      />
      <Select
        label={t('orgs.fields.kind')}
        required
        // External organisations come only from the axis directory: nobody makes one by hand.
        data={ORGANIZATION_KINDS.filter((k) => k !== 'external' || k === values.kind).map((k) => ({
          value: k,
          label: t(`orgs.kinds.${k}`),
        }))}
        value={values.kind}
        allowDeselect={false}
        onChange={(value) => {
          if (isOrganizationKind(value)) onChange({ kind: value });
        }}
      />
      <Select
        label={t('orgs.fields.parent')}
        placeholder={t('orgs.fields.noParent')}
        data={parentOptions.filter((option) => option.value !== excludeParentId)}
        value={values.parentId}
        searchable
        clearable
        limit={100}
        nothingFoundMessage={t('common.nothingFound')}
        onChange={(value) => onChange({ parentId: value })}
        style={{ gridColumn: '1 / -1' }}
      />
    </SimpleGrid>
  );
}

/** A free-text note recorded with the change (creation, edit, reorganisation). */
export function OrgNoteField({ value, onChange }: { value: string; onChange: (note: string) => void }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('orgs.fields.note')}
      autosize
      minRows={2}
      maxLength={1000}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
