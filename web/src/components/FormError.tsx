/** Why the form's last submission failed (the server's message); after a 409 conflict, a button to reload. */
import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isConflict } from '../lib/errorText';
import { useErrorText } from '../lib/useErrorText';

/** `error` is the mutation's error: null (nothing shown) until a submission fails. */
export function FormError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {describe(error)}
      {onReload && isConflict(error) && (
        <Button size="xs" variant="light" color="red" ml="sm" onClick={onReload}>
          {t('common.reload')}
        </Button>
      )}
    </Alert>
  );
}
