/**
 * The E-office sub-menu, shown under "Văn bản đến/đi" while the user is in that system: the inbox views with
 * how many documents (and unread) each holds, the register books and supervision.
 */
import { Badge, Group, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useRequiredMe } from '../auth/auth.queries';
import { useIncomingCounts } from './incoming.queries';
import { isIncomingView } from './incoming.types';
import { DEFAULT_VIEW, E_OFFICE_ENTRIES, type EOfficeEntry } from './navigation';

export const E_OFFICE_PATH = '/e-office';

export function isInEOffice(pathname: string): boolean {
  return pathname === E_OFFICE_PATH || pathname.startsWith(`${E_OFFICE_PATH}/`);
}

/**
 * The badge on "Văn bản đến/đi" itself, wherever the user is: how many documents wait for them (chờ xử lý,
 * plus chờ vào sổ for clerks), red when some are unread. Live notices refresh it.
 */
function useWaiting(): { waiting: number; unread: number } | undefined {
  const me = useRequiredMe();
  const counts = useIncomingCounts(true);
  if (!counts.data) return undefined;
  const clerk = E_OFFICE_ENTRIES.some((e) => e.view === 'to_register' && e.visibleTo(me));
  return {
    waiting: counts.data.to_process.total + (clerk ? counts.data.to_register.total : 0),
    unread: counts.data.to_process.unread + (clerk ? counts.data.to_register.unread : 0),
  };
}

export function EOfficeNavBadge() {
  const w = useWaiting();
  if (!w || w.waiting === 0) return null;
  return (
    <Badge
      size="sm"
      variant={w.unread > 0 ? 'filled' : 'light'}
      color={w.unread > 0 ? 'red' : 'blue'}
      aria-hidden="true"
    >
      {w.waiting}
    </Badge>
  );
}

/** The badge in words, as the description of the "Văn bản đến/đi" link (its name stays the label). */
export function useEOfficeWaitingText(): string | undefined {
  const { t } = useTranslation();
  const w = useWaiting();
  return w && w.waiting > 0 ? t('incoming.nav.waitingLabel', { total: w.waiting, unread: w.unread }) : undefined;
}

export function EOfficeNav() {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const inside = isInEOffice(pathname);
  const counts = useIncomingCounts(inside);
  if (!inside) return null;

  const viewParam = searchParams.get('view');
  const currentView = isIncomingView(viewParam) ? viewParam : DEFAULT_VIEW;
  const isActive = (entry: EOfficeEntry) =>
    entry.view
      ? pathname === `${E_OFFICE_PATH}/incoming` && currentView === entry.view
      : entry.path.includes('?')
        ? `${pathname}?view=${viewParam ?? ''}` === entry.path
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`);

  return (
    <Stack gap={2} pl="lg" role="group" aria-label={t('incoming.nav.title')}>
      {E_OFFICE_ENTRIES.filter((entry) => entry.visibleTo(me)).map((entry) => {
        const label = t((entry.label ?? `incoming.nav.${entry.key}`) as 'incoming.nav.all');
        const count = entry.view ? counts.data?.[entry.view] : undefined;
        const active = isActive(entry);
        return (
          <NavLink
            key={entry.key}
            component={Link}
            to={entry.path}
            label={label}
            aria-label={
              count ? t('incoming.nav.countLabel', { label, total: count.total, unread: count.unread }) : label
            }
            active={active}
            aria-current={active ? 'page' : undefined}
            variant="light"
            py={6}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
            rightSection={
              count && count.total > 0 ? (
                <Group gap={4} wrap="nowrap" aria-hidden="true">
                  {count.unread > 0 && (
                    <Badge size="sm" color="red" variant="filled" circle={count.unread < 10}>
                      {count.unread}
                    </Badge>
                  )}
                  <Badge size="sm" variant="light" color={entry.view === 'overdue' ? 'red' : 'blue'}>
                    {count.total}
                  </Badge>
                </Group>
              ) : undefined
            }
          />
        );
      })}
    </Stack>
  );
}
