/** The error boundary of the router: a 404 for unknown routes, otherwise an "unexpected error" page. */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from './NotFoundPage';
import { StatusPage } from './StatusPage';

export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <StatusPage
      title={t('errors.unexpectedTitle')}
      text={t('errors.unexpectedText')}
      actions={
        <>
          <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
          <Button component="a" href="/" variant="light">
            {t('errors.goHome')}
          </Button>
        </>
      }
    />
  );
}
