/**
 * Live notifications: one EventSource on /api/v1/notifications/stream (opened by the bell, so once per signed-in
 * page). Each notification refreshes every query whose key starts with one of LIVE_REFRESHED_KEYS, shows a
 * toast and is handed to the callbacks registered with `useLiveNotifications`.
 */
import { notifications as toasts } from '@mantine/notifications';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { AppNotification } from './notifications.queries';

export const NOTIFICATION_STREAM_URL = '/api/v1/notifications/stream';

/** First elements of the query keys refreshed on every live notification. */
export const LIVE_REFRESHED_KEYS: readonly string[] = ['notifications', 'incoming'];

type NoticeListener = (notice: AppNotification) => void;
const listeners = new Set<NoticeListener>();

/** Calls `onNotice` with each live notification of the signed-in user while the calling component is mounted. */
export function useLiveNotifications(onNotice: NoticeListener): void {
  const latest = useRef(onNotice);
  useEffect(() => {
    latest.current = onNotice;
  });
  useEffect(() => {
    const listener: NoticeListener = (notice) => latest.current(notice);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}

/** The title in the UI language. */
export function noticeTitle(notice: Pick<AppNotification, 'title'>, language: string): string {
  return language === 'en' ? notice.title.en : notice.title.vi;
}

export function refreshLiveQueries(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => LIVE_REFRESHED_KEYS.includes(String(query.queryKey[0])),
  });
}

/** Opens the stream while mounted (the bell does this); reconnects are left to the browser. */
export function useNotificationStream(): void {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(NOTIFICATION_STREAM_URL);
    let connectedBefore = false;
    source.addEventListener('open', () => {
      // After a reconnect, catch up on what was sent while the stream was down.
      if (connectedBefore) void refreshLiveQueries(queryClient);
      connectedBefore = true;
    });
    source.addEventListener('notification', (event: MessageEvent<string>) => {
      let notice: AppNotification;
      try {
        notice = JSON.parse(event.data) as AppNotification;
      } catch {
        return;
      }
      void refreshLiveQueries(queryClient);
      const toastId = `notification-${notice.id}`;
      toasts.show({
        id: toastId,
        color: 'blue',
        title: i18n.t('notifications.newNotice'),
        message: noticeTitle(notice, i18n.language),
        autoClose: 8000,
        style: { cursor: 'pointer' },
        onClick: () => {
          toasts.hide(toastId);
          void api
            .POST('/api/v1/notifications/{id}/read', { params: { path: { id: notice.id } } })
            .then(() => refreshLiveQueries(queryClient));
          void navigateRef.current(notice.link);
        },
      });
      for (const listener of listeners) listener(notice);
    });
    return () => source.close();
  }, [queryClient, i18n]);
}
