/** One organisation: details, units (at the date), positions; edits and reorganisations for administrators. */
import { Drawer, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useRequiredMe } from '../auth/auth.queries';
import { canManageStructureOf, isSystemAdmin } from '../auth/permissions';
import { OrgEditForm } from './OrgEditForm';
import { OrgInfo } from './OrgInfo';
import { OrgViaAxisSwitch } from './OrgViaAxisSwitch';
import { useOrganization } from './org.queries';
import { PositionsPanel } from './PositionsPanel';
import { ReorganizationForm } from './ReorganizationForm';
import { UnitsPanel } from './UnitsPanel';

interface OrgDetailDrawerProps {
  orgId: string | undefined;
  at: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}

export function OrgDetailDrawer({ orgId, at, onClose, onOpen }: OrgDetailDrawerProps) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const query = useOrganization(orgId);
  const org = query.data;
  const systemAdmin = isSystemAdmin(me);

  return (
    <Drawer
      opened={orgId !== undefined}
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 720}
      title={
        <Text fw={700} size="lg" component="span">
          {org?.name ?? t('orgs.detailTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {query.isLoading && (
        <Group justify="center" py="xl">
          <Loader aria-label={t('common.loading')} />
        </Group>
      )}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {org && (
        <Tabs defaultValue="info" keepMounted={false} key={org.id}>
          <Tabs.List mb="md">
            <Tabs.Tab value="info">{t('orgs.tabs.info')}</Tabs.Tab>
            <Tabs.Tab value="units">{t('orgs.tabs.units')}</Tabs.Tab>
            <Tabs.Tab value="positions">{t('orgs.tabs.positions')}</Tabs.Tab>
            {systemAdmin && <Tabs.Tab value="edit">{t('orgs.tabs.edit')}</Tabs.Tab>}
            {systemAdmin && <Tabs.Tab value="reorganization">{t('orgs.tabs.reorganization')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="info">
            <OrgInfo org={org} onOpen={onOpen} />
          </Tabs.Panel>
          <Tabs.Panel value="units">
            <UnitsPanel organizationId={org.id} at={at} canManage={canManageStructureOf(me, org.id)} />
          </Tabs.Panel>
          <Tabs.Panel value="positions">
            <PositionsPanel organizationId={org.id} canManage={canManageStructureOf(me, org.id)} />
          </Tabs.Panel>
          {systemAdmin && (
            <Tabs.Panel value="edit">
              <Stack gap="sm">
                <OrgEditForm key={org.version} org={org} onReload={() => void query.refetch()} />
                <OrgViaAxisSwitch org={org} onReload={() => void query.refetch()} />
              </Stack>
            </Tabs.Panel>
          )}
          {systemAdmin && (
            <Tabs.Panel value="reorganization">
              <ReorganizationForm initialPredecessorIds={[org.id]} defaultDate={at} onDone={onOpen} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Drawer>
  );
}
