import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusPage } from './StatusPage';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      code="404"
      title={t('errors.pageNotFound')}
      text={t('errors.pageNotFoundText')}
      actions={
        <Button component={Link} to="/" variant="light">
          {t('errors.goHome')}
        </Button>
      }
    />
  );
}
