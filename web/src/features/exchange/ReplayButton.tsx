/** "Gửi lại": sends a dead letter again, after a confirmation (the server audits it). */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../lib/useNotify';
import { useReplayMessage } from './exchange.queries';

export function ReplayButton({ id, label }: { id: string; label: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const replay = useReplayMessage();
  const [confirming, setConfirming] = useState(false);

  const send = () =>
    replay.mutate(id, {
      onSuccess: () => {
        setConfirming(false);
        notify.success(t('exchange.replayed'));
      },
      onError: notify.failure,
    });

  return (
    <>
      <Button size="compact-sm" variant="light" color="orange" aria-label={label} onClick={() => setConfirming(true)}>
        {t('exchange.replay')}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('exchange.replayTitle')}>
        <Text size="sm">{t('exchange.replayConfirm')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" loading={replay.isPending} onClick={send}>
            {t('exchange.replay')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
