import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../lib/useErrorText';
import { AlertIcon } from './icons';

/** A failed load: the server's message and a button to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} title={t('errors.loadFailed')} role="alert">
      <Text size="sm">{describe(error)}</Text>
      {onRetry && (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
