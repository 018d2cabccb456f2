/** Toasts for the outcome of an action: a short success note, or the error message from the server. */
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText';

export function useNotify() {
  const { t, i18n } = useTranslation();
  const success = useCallback((message: string) => {
    notifications.show({ color: 'green', message, autoClose: 4000 });
  }, []);
  const failure = useCallback(
    (error: unknown) => {
      notifications.show({
        color: 'red',
        title: t('errors.actionFailed'),
        message: errorText(error, t, i18n.language),
      });
    },
    [t, i18n.language],
  );
  return useMemo(() => ({ success, failure }), [success, failure]);
}
