/**
 * Pick a colleague of the active organisation. The list is searched on the server as the user types
 * (names without diacritics, usernames), a moment after they stop.
 */
import { Loader, Select, Stack, Text, type OptionsFilter, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types';
import { usePeople } from './people.queries';

const SEARCH_DELAY_MS = 300;

/** "Full name — unit / position" (whichever of the two are known). */
export function personLabel(person: Person): string {
  const where = [person.unitName, person.positionName].filter(Boolean).join(' / ');
  return where ? `${person.fullName} — ${where}` : person.fullName;
}

/** The server has already matched the search; matching the labels again would drop username matches. */
const keepServerMatches: OptionsFilter<string> = ({ options }) => options;

interface PersonSelectProps extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter' | 'renderOption'
> {
  value: Person | null;
  onChange: (person: Person | null) => void;
  /** Someone not to offer (e.g. the delegator, as their own delegate). */
  excludeId?: string | undefined;
}

export function PersonSelect({ value, onChange, excludeId, ...props }: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // While the input shows the chosen person's label, the search is that label: list everyone instead.
  const typed = value && search === personLabel(value) ? '' : search.trim();
  const [q] = useDebouncedValue(typed, SEARCH_DELAY_MS);
  const people = usePeople(q);
  const found = people.data ?? [];
  // The chosen person stays on offer (and so shown) when not among the first ones; a search shows matches only.
  const withChosen = value && typed === '' && !found.some((p) => p.id === value.id) ? [value, ...found] : found;
  const offered = withChosen.filter((p) => p.id !== excludeId);
  const searching = people.isFetching || q !== typed;

  return (
    <Select
      placeholder={t('people.searchPlaceholder')}
      {...props}
      searchable
      data={offered.map((p) => ({ value: p.id, label: personLabel(p) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(offered.find((p) => p.id === id) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerMatches}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {offered.find((p) => p.id === option.value)?.username}
          </Text>
        </Stack>
      )}
      rightSection={searching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      nothingFoundMessage={searching ? t('common.loading') : t('common.nothingFound')}
    />
  );
}
