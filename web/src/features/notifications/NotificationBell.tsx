/** The bell in the header: unread count, the recent notifications, mark read, and the live stream. */
import {
  ActionIcon,
  Box,
  Button,
  Center,
  Divider,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotify } from '../../lib/useNotify';
import { BellIcon } from '../../components/icons';
import { noticeTitle, useNotificationStream } from './notifications.live';
import {
  useMarkAllRead,
  useMarkRead,
  useRecentNotifications,
  useUnreadCount,
  type AppNotification,
} from './notifications.queries';
import { formatNoticeTime } from './notifications.time';

export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useNotificationStream();
  const unread = useUnreadCount();
  const recent = useRecentNotifications(opened);
  const markAll = useMarkAllRead();
  const notify = useNotify();
  const count = unread.data?.count ?? 0;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md">
      <Popover.Target>
        <Indicator inline color="red" size={18} offset={6} label={count > 99 ? '99+' : count} disabled={count === 0}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('notifications.bellLabel', { count })}
            aria-expanded={opened}
            onClick={() => setOpened((o) => !o)}
          >
            <BellIcon size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
        <Group justify="space-between" px="md" py="xs" wrap="nowrap">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={count === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: () => notify.success(t('notifications.markedAllRead')),
                onError: notify.failure,
              })
            }
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={440}>
          {recent.isLoading && (
            <Center p="md">
              <Loader size="sm" />
            </Center>
          )}
          {recent.isError && (
            <Text c="red" size="sm" p="md">
              {t('notifications.loadFailed')}
            </Text>
          )}
          {recent.isSuccess && recent.data.items.length === 0 && (
            <Text c="dimmed" size="sm" p="md">
              {t('notifications.empty')}
            </Text>
          )}
          {recent.data?.items.map((n) => (
            <NoticeItem key={n.id} notice={n} onOpen={() => setOpened(false)} />
          ))}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

function NoticeItem({ notice, onOpen }: { notice: AppNotification; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const unread = notice.readAt === null;
  const body = notice.body ? (i18n.language === 'en' ? notice.body.en : notice.body.vi) : null;

  return (
    <UnstyledButton
      display="block"
      w="100%"
      px="md"
      py="xs"
      bg={unread ? 'blue.0' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      onClick={() => {
        onOpen();
        if (unread) markRead.mutate(notice.id);
        void navigate(notice.link);
      }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box
          mt={6}
          w={8}
          h={8}
          style={{ flexShrink: 0, borderRadius: '50%' }}
          bg={unread ? 'blue.6' : 'transparent'}
          aria-hidden="true"
        />
        <Box style={{ minWidth: 0 }}>
          {unread && <VisuallyHidden>{t('notifications.unread')}</VisuallyHidden>}
          <Text size="sm" fw={unread ? 600 : 400}>
            {noticeTitle(notice, i18n.language)}
          </Text>
          {body && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {body}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {formatNoticeTime(notice.createdAt, i18n.language, t('notifications.justNow'))}
          </Text>
        </Box>
      </Group>
    </UnstyledButton>
  );
}
