/**
 * The steps open to the user on this document: exactly the `actions` the server sent, one button each, in a
 * fixed order. Each opens its form in a dialog; the server's refusal (403, 409) is shown there.
 */
import { Button, Group, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionForm } from './actions/ActionForm';
import { INCOMING_ACTIONS, type IncomingAction, type IncomingDetail } from './incoming.types';

/** The buttons to show, in the order of the handling. */
export function actionButtons(actions: readonly IncomingAction[]): IncomingAction[] {
  return INCOMING_ACTIONS.filter((a) => actions.includes(a));
}

const PRIMARY: ReadonlySet<IncomingAction> = new Set(['register', 'present', 'direct', 'assign', 'complete']);
const COLORS: Partial<Record<IncomingAction, string>> = {
  return: 'orange',
  recall: 'orange',
  close: 'gray',
  refuse: 'red',
  recall_answer: 'orange',
};

export function IncomingActions({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<IncomingAction | null>(null);
  const buttons = actionButtons(doc.actions);
  if (buttons.length === 0) return null;
  const close = () => setOpen(null);
  return (
    <>
      <Group gap="xs" role="toolbar" aria-label={t('incoming.actions.toolbar')}>
        {buttons.map((action) => (
          <Button
            key={action}
            variant={PRIMARY.has(action) ? 'filled' : 'light'}
            color={COLORS[action]}
            onClick={() => setOpen(action)}
          >
            {t(`incoming.actions.${action}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={open !== null} onClose={close} title={open ? t(`incoming.actions.${open}`) : ''} size="lg">
        {open && <ActionForm action={open} doc={doc} onDone={close} />}
      </Modal>
    </>
  );
}
