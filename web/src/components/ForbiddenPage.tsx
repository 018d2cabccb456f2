import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusPage } from './StatusPage';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      code="403"
      title={t('errors.forbiddenTitle')}
      text={t('errors.forbiddenText')}
      actions={
        <Button component={Link} to="/" variant="light">
          {t('errors.goHome')}
        </Button>
      }
    />
  );
}
