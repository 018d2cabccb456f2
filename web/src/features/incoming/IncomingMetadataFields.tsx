/** The metadata of a received document (Decree 30/2020, Phụ lục IV): issuer, number, date, type, subject, … */
import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTypeOptions } from './documentTypes';
import type { IncomingFormErrors, IncomingFormValues } from './incoming.form';
import { registersFor } from './incoming.form';
import {
  CONFIDENTIALITIES,
  URGENCIES,
  type Confidentiality,
  type DocTypeCode,
  type Register,
  type Urgency,
} from './incoming.types';

interface IncomingMetadataFieldsProps {
  values: IncomingFormValues;
  onChange: (patch: Partial<IncomingFormValues>) => void;
  /** i18n keys of what is wrong, shown once the clerk has tried to submit. */
  errors: IncomingFormErrors;
  registers: readonly Register[];
}

export function IncomingMetadataFields({ values, onChange, errors, registers }: IncomingMetadataFieldsProps) {
  const { t } = useTranslation();
  const docTypes = useDocumentTypeOptions();
  const error = (field: keyof IncomingFormErrors) =>
    errors[field] ? t(errors[field] as 'common.required') : undefined;
  const allowedRegisters = registersFor(registers, values.confidentiality);

  const setConfidentiality = (confidentiality: Confidentiality) => {
    const stillAllowed = registersFor(registers, confidentiality).some((r) => r.id === values.registerId);
    onChange({ confidentiality, registerId: stillAllowed ? values.registerId : null });
  };

  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="incoming-source-label">
          {t('incoming.fields.source')}
        </Text>
        <SegmentedControl
          aria-labelledby="incoming-source-label"
          value={values.source}
          onChange={(source) => onChange({ source: source as IncomingFormValues['source'] })}
          data={[
            { value: 'paper', label: t('incoming.source.paper') },
            { value: 'electronic', label: t('incoming.source.electronic') },
          ]}
          w="fit-content"
        />
      </Stack>
      <TextInput
        label={t('incoming.fields.issuerName')}
        required
        value={values.issuerName}
        onChange={(e) => onChange({ issuerName: e.currentTarget.value })}
        error={error('issuerName')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('incoming.fields.numberNotation')}
          placeholder={t('incoming.form.numberNotationHint')}
          required
          value={values.numberNotation}
          onChange={(e) => onChange({ numberNotation: e.currentTarget.value })}
          error={error('numberNotation')}
        />
        <TextInput
          type="date"
          label={t('incoming.fields.documentDate')}
          required
          value={values.documentDate}
          onChange={(e) => onChange({ documentDate: e.currentTarget.value })}
          error={error('documentDate')}
        />
        <Select
          label={t('incoming.fields.docType')}
          required
          data={docTypes}
          value={values.docType}
          onChange={(docType) => onChange({ docType: docType as DocTypeCode | null })}
          searchable
          limit={40}
          nothingFoundMessage={t('common.nothingFound')}
          error={error('docType')}
        />
      </SimpleGrid>
      <Textarea
        label={t('incoming.fields.subject')}
        required
        autosize
        minRows={2}
        maxRows={6}
        value={values.subject}
        onChange={(e) => onChange({ subject: e.currentTarget.value })}
        error={error('subject')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('incoming.fields.signerName')}
          value={values.signerName}
          onChange={(e) => onChange({ signerName: e.currentTarget.value })}
        />
        <TextInput
          label={t('incoming.fields.signerPosition')}
          value={values.signerPosition}
          onChange={(e) => onChange({ signerPosition: e.currentTarget.value })}
        />
        <Select
          label={t('incoming.fields.urgency')}
          data={URGENCIES.map((u) => ({ value: u, label: t(`incoming.urgency.${u}`) }))}
          value={values.urgency}
          onChange={(urgency) => onChange({ urgency: (urgency ?? 'normal') as Urgency })}
          allowDeselect={false}
        />
        <Select
          label={t('incoming.fields.confidentiality')}
          data={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(`incoming.confidentiality.${c}`) }))}
          value={values.confidentiality}
          onChange={(c) => setConfidentiality((c ?? 'normal') as Confidentiality)}
          allowDeselect={false}
        />
        <NumberInput
          label={t('incoming.fields.pageCount')}
          min={1}
          max={9999}
          allowDecimal={false}
          allowNegative={false}
          value={values.pageCount}
          onChange={(n) => onChange({ pageCount: typeof n === 'number' ? n : '' })}
          error={error('pageCount')}
        />
        <TextInput
          type="date"
          label={t('incoming.fields.replyDueDate')}
          value={values.replyDueDate}
          onChange={(e) => onChange({ replyDueDate: e.currentTarget.value })}
          error={error('replyDueDate')}
        />
        <TextInput
          type="datetime-local"
          label={t('incoming.fields.receivedAt')}
          required
          value={values.receivedAt}
          onChange={(e) => onChange({ receivedAt: e.currentTarget.value })}
          error={error('receivedAt')}
        />
        <Select
          label={t('incoming.fields.register')}
          placeholder={
            values.confidentiality === 'normal'
              ? t('incoming.form.defaultRegister')
              : t('incoming.form.defaultConfidentialRegister')
          }
          description={values.confidentiality === 'normal' ? undefined : t('incoming.form.confidentialRegisterHint')}
          data={allowedRegisters.map((r) => ({ value: r.id, label: r.name }))}
          value={values.registerId}
          onChange={(registerId) => onChange({ registerId })}
          clearable
        />
      </SimpleGrid>
      <Textarea
        label={t('incoming.fields.notes')}
        autosize
        minRows={2}
        maxRows={4}
        value={values.notes}
        onChange={(e) => onChange({ notes: e.currentTarget.value })}
      />
    </Stack>
  );
}
