/** The buttons under a form in a dialog: cancel, and submit (labelled by the children). */
import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  onCancel: () => void;
  loading: boolean;
  disabled?: boolean;
  children: ReactNode;
}

export function FormActions({ onCancel, loading, disabled = false, children }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {children}
      </Button>
    </Group>
  );
}
