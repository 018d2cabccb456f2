/**
 * "Liên thông văn bản": the exchange console. Tabs: what we sent (the outbox), what we received (the inbox),
 * and the errors (dead letters and refused packages); a drawer shows one message; a dead letter is sent again
 * with "Gửi lại". Clerks and administrators see their organisation's messages, system administrators all.
 */
import { Button, Group, Select, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useRequiredMe } from '../auth/auth.queries';
import { isSystemAdmin } from '../auth/permissions';
import type { Direction, ExchangeMessage, MessagesQuery } from './exchange.queries';
import { MessageDrawer } from './MessageDrawer';
import { MessageTable } from './MessageTable';

type Tab = Direction | 'errors';

const STATES: Record<Direction, NonNullable<MessagesQuery['state']>[]> = {
  out: ['pending', 'sent', 'dead'],
  in: ['unprocessed', 'accepted', 'refused', 'duplicate', 'deferred', 'updated', 'status_applied', 'status_recorded'],
};

export function ExchangePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('exchange.title'));
  const me = useRequiredMe();
  const showOrganization = isSystemAdmin(me);
  const [tab, setTab] = useState<Tab>('out');
  const [open, setOpen] = useState<{ direction: Direction; id: string } | null>(null);
  const openMessage = (m: ExchangeMessage) => setOpen({ direction: m.direction, id: m.id });

  return (
    <>
      <PageHeader title={t('exchange.title')} description={t('exchange.description')} />
      <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="out">{t('exchange.tabs.out')}</Tabs.Tab>
          <Tabs.Tab value="in">{t('exchange.tabs.in')}</Tabs.Tab>
          <Tabs.Tab value="errors">{t('exchange.tabs.errors')}</Tabs.Tab>
        </Tabs.List>
        {(['out', 'in'] as const).map((direction) => (
          <Tabs.Panel key={direction} value={direction}>
            <FilteredList direction={direction} onOpen={openMessage} showOrganization={showOrganization} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="errors">
          <Stack gap="lg">
            <ErrorList
              direction="out"
              state="dead"
              title={t('exchange.errorsOut')}
              onOpen={openMessage}
              showOrganization={showOrganization}
            />
            <ErrorList
              direction="in"
              state="refused"
              title={t('exchange.errorsIn')}
              onOpen={openMessage}
              showOrganization={showOrganization}
            />
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <MessageDrawer open={open} onClose={() => setOpen(null)} />
    </>
  );
}

interface ListProps {
  direction: Direction;
  onOpen: (m: ExchangeMessage) => void;
  showOrganization: boolean;
}

/** A tab's list with its search (applied on submit) and state filter. */
function FilteredList({ direction, onOpen, showOrganization }: ListProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<MessagesQuery>({ direction, page: 1 });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQuery((q) => ({ ...q, q: text.trim() || undefined, page: 1 }));
  };
  return (
    <Stack gap="sm">
      <form onSubmit={search} role="search">
        <Group align="flex-end">
          <TextInput
            label={t('common.search')}
            placeholder={t('exchange.search')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            w={360}
          />
          <Select
            label={t('exchange.state')}
            placeholder={t('exchange.allStates')}
            data={STATES[direction].map((value) => ({ value, label: t(`exchange.states.${value}`) }))}
            value={query.state ?? null}
            onChange={(value) =>
              setQuery((q) => ({ ...q, state: (value ?? undefined) as MessagesQuery['state'], page: 1 }))
            }
            clearable
            w={220}
          />
          <Button type="submit" variant="light" leftSection={<SearchIcon size={16} />}>
            {t('common.search')}
          </Button>
        </Group>
      </form>
      <MessageTable
        query={query}
        onPage={(page) => setQuery((q) => ({ ...q, page }))}
        onOpen={onOpen}
        showOrganization={showOrganization}
      />
    </Stack>
  );
}

function ErrorList({
  direction,
  state,
  title,
  onOpen,
  showOrganization,
}: ListProps & { state: 'dead' | 'refused'; title: string }) {
  const [page, setPage] = useState(1);
  const id = `exchange-errors-${direction}`;
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <MessageTable
        query={{ direction, state, page }}
        onPage={setPage}
        onOpen={onOpen}
        showOrganization={showOrganization}
      />
    </section>
  );
}
