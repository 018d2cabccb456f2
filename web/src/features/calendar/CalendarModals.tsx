/** Dialogs of the calendar page: delete an adjustment; confirm a year. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { formatDate } from '../../lib/dates';
import { useNotify } from '../../lib/useNotify';
import { useConfirmYear, useDeleteOverride, type CalendarOverride } from './calendar.queries';

export function DeleteOverrideModal({ override, onClose }: { override?: CalendarOverride; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const remove = useDeleteOverride();
  return (
    <Modal opened={override !== undefined} onClose={onClose} title={t('calendar.deleteOverride')}>
      {override && (
        <Stack gap="md">
          <Text>{t('calendar.deleteOverrideConfirm', { date: formatDate(override.date), name: override.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(override.id, {
                  onSuccess: () => {
                    notify.success(t('calendar.overrideDeleted'));
                    onClose();
                  },
                  onError: notify.failure,
                })
              }
            >
              {t('calendar.deleteOverride')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function ConfirmYearModal({ year, onClose }: { year: number | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={year !== undefined}
      onClose={onClose}
      title={year !== undefined ? t('calendar.confirmYearNamed', { year }) : undefined}
    >
      {year !== undefined && <ConfirmYearForm year={year} onDone={onClose} />}
    </Modal>
  );
}

function ConfirmYearForm({ year, onDone }: { year: number; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const confirm = useConfirmYear();
  const [note, setNote] = useState('');
  return (
    <Stack gap="md">
      <FormError error={confirm.error} />
      <Text>{t('calendar.confirmYearText', { year })}</Text>
      <Textarea
        label={t('calendar.note')}
        maxLength={1000}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={confirm.isPending}
          onClick={() =>
            confirm.mutate(
              { year, note: note.trim() || null },
              {
                onSuccess: () => {
                  notify.success(t('calendar.yearConfirmed'));
                  onDone();
                },
              },
            )
          }
        >
          {t('calendar.confirmYear')}
        </Button>
      </Group>
    </Stack>
  );
}
