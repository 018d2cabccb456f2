/** The filters of the organisation directory: the date, the kind, and a search. */
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '../../api/types';
import { SearchIcon } from '../../components/icons';
import { isIsoDate } from '../../lib/dates';
import { ORGANIZATION_KINDS } from './org.tree';

const ALL = 'all';

interface OrgFiltersProps {
  at: string;
  onAtChange: (value: string) => void;
  kind: OrganizationKind | undefined;
  onKindChange: (value: OrganizationKind | undefined) => void;
  search: string;
  onSearchChange: (value: string) => void;
}

export function isOrganizationKind(value: string | null | undefined): value is OrganizationKind {
  return typeof value === 'string' && (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

export function OrgFilters({ at, onAtChange, kind, onKindChange, search, onSearchChange }: OrgFiltersProps) {
  const { t } = useTranslation();
  const kindOptions = [
    { value: ALL, label: t('common.all') },
    ...ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`orgs.kinds.${k}`) })),
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <TextInput
        type="date"
        label={t('orgs.validOn')}
        value={at}
        onChange={(e) => onAtChange(e.currentTarget.value)}
        error={at && !isIsoDate(at) ? t('common.invalidDate') : undefined}
      />
      <Select
        label={t('orgs.kind')}
        data={kindOptions}
        value={kind ?? ALL}
        allowDeselect={false}
        onChange={(value) => onKindChange(isOrganizationKind(value) ? value : undefined)}
      />
      <TextInput
        type="search"
        label={t('common.search')}
        placeholder={t('orgs.searchPlaceholder')}
        leftSection={<SearchIcon size={16} />}
        value={search}
        onChange={(e) => onSearchChange(e.currentTarget.value)}
      />
    </SimpleGrid>
  );
}
