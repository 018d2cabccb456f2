import { DataList, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/types';
import { Validity } from '../../components/Validity';
import { OrgIdentifier } from './OrgBadges';
import { OrgHistory } from './OrgHistory';

export function OrgInfo({ org, onOpen }: { org: Organization; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t('orgs.fields.name'), org.name],
    [t('orgs.fields.shortName'), org.shortName],
    [t('orgs.fields.abbreviation'), org.abbreviation],
    [t('orgs.fields.identifier'), <OrgIdentifier key="identifier" org={org} />],
    [t('orgs.kind'), t(`orgs.kinds.${org.kind}`)],
    [t('orgs.fields.parent'), org.parent?.name ?? t('orgs.fields.noParent')],
    [t('orgs.fields.validity'), <Validity key="validity" from={org.validFrom} to={org.validTo} />],
  ];
  rows.push([t('orgs.fields.delivery'), t(org.viaAxis ? 'orgs.fields.viaAxis' : 'orgs.fields.hostedHere')]);
  if (org.province) rows.push([t('orgs.fields.province'), org.province.name]);
  if (org.note) rows.push([t('orgs.fields.note'), org.note]);
  rows.push([t('common.version'), String(org.version)]);

  const hasHistory = org.predecessors.length > 0 || org.successors.length > 0;
  return (
    <>
      <DataList withDivider labelWidth="clamp(7rem, 30%, 11rem)" orientation="horizontal">
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {hasHistory && (
        <>
          <Text fw={600} mt="md" mb={4}>
            {t('orgs.history')}
          </Text>
          <OrgHistory org={org} onOpen={onOpen} />
        </>
      )}
    </>
  );
}
