/**
 * Ghi nhận sáp nhập/chia tách: the predecessors end the day before the effective date and the successors
 * start on it, with the links that keep history (e.g. the 63 → 34 province merger of 1 July 2025).
 */
import { Button, Fieldset, Group, MultiSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/types';
import { FormError } from '../../components/FormError';
import { PlusIcon } from '../../components/icons';
import { addDays, isIsoDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { OrgCoreFields, OrgNoteField } from './OrgCoreFields';
import { EMPTY_ORG_CORE, hasErrors, orgCoreBody, validateOrgCore, type OrgCoreValues } from './org.form';
import { useOrganizationOptions, useRecordReorganization } from './org.queries';

type ReorganizationKind = 'merger' | 'split';

interface ReorganizationFormProps {
  initialPredecessorIds?: string[];
  defaultDate: string;
  /** Called with the first successor's id once recorded. */
  onDone?: (firstSuccessorId: string, all: Organization[]) => void;
}

export function ReorganizationForm({ initialPredecessorIds = [], defaultDate, onDone }: ReorganizationFormProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const record = useRecordReorganization();
  const [kind, setKind] = useState<ReorganizationKind>('merger');
  const [effectiveDate, setEffectiveDate] = useState(isIsoDate(defaultDate) ? defaultDate : '');
  const [predecessorIds, setPredecessorIds] = useState<string[]>(initialPredecessorIds);
  const [successors, setSuccessors] = useState<OrgCoreValues[]>([EMPTY_ORG_CORE]);
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const dateOk = isIsoDate(effectiveDate);
  const before = useOrganizationOptions(dateOk ? addDays(effectiveDate, -1) : defaultDate, true);
  const after = useOrganizationOptions(dateOk ? effectiveDate : defaultDate, true);
  const errors = successors.map(validateOrgCore);
  const invalid = !dateOk || predecessorIds.length === 0 || errors.some(hasErrors);

  const updateSuccessor = (index: number, patch: Partial<OrgCoreValues>) =>
    setSuccessors((previous) => previous.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (invalid) return;
    record.mutate(
      {
        kind,
        effectiveDate,
        predecessorIds,
        successors: successors.map(orgCoreBody),
        note: note.trim() || undefined,
      },
      {
        onSuccess: (result) => {
          notify.success(t('reorg.recorded'));
          const first = result.items[0];
          if (first) onDone?.(first.id, result.items);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={record.error} />
        <Radio.Group label={t('reorg.kind')} value={kind} onChange={(v) => setKind(v === 'split' ? 'split' : 'merger')}>
          <Group gap="lg" mt={4}>
            <Radio value="merger" label={t('reorg.merger')} />
            <Radio value="split" label={t('reorg.split')} />
          </Group>
        </Radio.Group>
        <TextInput
          type="date"
          label={t('reorg.effectiveDate')}
          description={t('reorg.effectiveDateHint')}
          required
          value={effectiveDate}
          onChange={(e) => setEffectiveDate(e.currentTarget.value)}
          error={submitted && !dateOk ? t('common.invalidDate') : undefined}
        />
        <MultiSelect
          label={t('reorg.predecessors')}
          description={t('reorg.predecessorsHint')}
          required
          data={before.options}
          value={predecessorIds}
          onChange={setPredecessorIds}
          searchable
          hidePickedOptions
          limit={100}
          maxValues={20}
          nothingFoundMessage={t('common.nothingFound')}
          error={submitted && predecessorIds.length === 0 ? t('common.required') : undefined}
        />
        {successors.map((successor, index) => (
          <Fieldset key={index} legend={t('reorg.successorN', { n: index + 1 })} radius="md">
            <Stack gap="sm">
              <OrgCoreFields
                values={successor}
                onChange={(patch) => updateSuccessor(index, patch)}
                errors={submitted ? (errors[index] ?? {}) : {}}
                parentOptions={after.options}
              />
              {successors.length > 1 && (
                <Group justify="flex-end">
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => setSuccessors((previous) => previous.filter((_, i) => i !== index))}
                  >
                    {t('reorg.removeSuccessor', { n: index + 1 })}
                  </Button>
                </Group>
              )}
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<PlusIcon size={16} />}
            disabled={successors.length >= 20}
            onClick={() => setSuccessors((previous) => [...previous, EMPTY_ORG_CORE])}
          >
            {t('reorg.addSuccessor')}
          </Button>
        </Group>
        <OrgNoteField value={note} onChange={setNote} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('reorg.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
