/**
 * Cơ quan, đơn vị: the organisations in force on a date, as a tree (Bộ → đại học; UBND tỉnh → Sở →
 * trường), with counts per kind, merger history and a details drawer. Filters live in the URL.
 */
import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PlusIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { vietnamDate } from '../../lib/dates';
import { useRequiredMe } from '../auth/auth.queries';
import { isSystemAdmin } from '../auth/permissions';
import { CreateOrganizationModal } from './CreateOrganizationModal';
import { OrgDetailDrawer } from './OrgDetailDrawer';
import { isOrganizationKind, OrgFilters } from './OrgFilters';
import { OrgKindSummary } from './OrgKindSummary';
import { useOrganizations } from './org.queries';
import { buildOrgTree, collectParentIds } from './org.tree';
import { OrgTree } from './OrgTree';
import { ReorganizationModal } from './ReorganizationModal';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const [params, setParams] = useSearchParams();
  const at = params.get('at') ?? vietnamDate();
  const kindParam = params.get('kind');
  const kind = isOrganizationKind(kindParam) ? kindParam : undefined;
  const openId = params.get('org') ?? undefined;

  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [createOpened, createModal] = useDisclosure(false);
  const [reorgOpened, reorgModal] = useDisclosure(false);

  const updateParam = useCallback(
    (name: string, value: string | undefined) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: name !== 'org' },
      ),
    [setParams],
  );

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch) updateParam('q', debouncedSearch || undefined);
  }, [debouncedSearch, params, updateParam]);

  const query = useOrganizations({ at, kind, q: debouncedSearch || undefined });
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const roots = useMemo(() => buildOrgTree(items), [items]);

  const toggle = useCallback(
    (id: string) =>
      setCollapsed((previous) => {
        const next = new Set(previous);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const openOrg = useCallback((id: string) => updateParam('org', id), [updateParam]);
  const systemAdmin = isSystemAdmin(me);

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        description={t('orgs.description')}
        actions={
          systemAdmin && (
            <>
              <Button leftSection={<PlusIcon size={16} />} onClick={createModal.open}>
                {t('orgs.addOrganization')}
              </Button>
              <Button variant="light" onClick={reorgModal.open}>
                {t('orgs.recordReorganization')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <OrgFilters
            at={at}
            onAtChange={(value) => updateParam('at', value || undefined)}
            kind={kind}
            onKindChange={(value) => updateParam('kind', value)}
            search={search}
            onSearchChange={setSearch}
          />
        </Paper>

        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}

        <Paper withBorder p="md" radius="md" aria-busy={query.isFetching}>
          <Stack gap="sm">
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {t('orgs.total', { count: query.data?.total ?? 0 })}
                </Text>
                {query.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
              </Group>
              <Group gap="xs">
                <Button size="compact-sm" variant="subtle" onClick={() => setCollapsed(new Set())}>
                  {t('orgs.expandAll')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => setCollapsed(new Set(collectParentIds(roots)))}
                >
                  {t('orgs.collapseAll')}
                </Button>
              </Group>
            </Group>
            <OrgKindSummary items={items} />
            {query.data && query.data.total > items.length && (
              <Alert color="yellow" variant="light">
                {t('orgs.truncated', { shown: items.length, total: query.data.total })}
              </Alert>
            )}
            {query.isSuccess && items.length === 0 && (
              <Text c="dimmed" py="md" ta="center">
                {t('orgs.empty')}
              </Text>
            )}
            {query.isLoading && (
              <Group justify="center" py="lg">
                <Loader aria-label={t('common.loading')} />
              </Group>
            )}
            <OrgTree roots={roots} collapsed={collapsed} onToggle={toggle} onOpen={openOrg} />
          </Stack>
        </Paper>
      </Stack>

      <OrgDetailDrawer orgId={openId} at={at} onClose={() => updateParam('org', undefined)} onOpen={openOrg} />
      {systemAdmin && (
        <>
          <CreateOrganizationModal opened={createOpened} onClose={createModal.close} defaultDate={at} />
          <ReorganizationModal opened={reorgOpened} onClose={reorgModal.close} defaultDate={at} />
        </>
      )}
    </>
  );
}
