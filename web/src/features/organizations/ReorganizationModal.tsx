import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ReorganizationForm } from './ReorganizationForm';

export function ReorganizationModal({
  opened,
  onClose,
  defaultDate,
}: {
  opened: boolean;
  onClose: () => void;
  defaultDate: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('orgs.recordReorganization')} size="xl">
      {opened && <ReorganizationForm defaultDate={defaultDate} onDone={onClose} />}
    </Modal>
  );
}
