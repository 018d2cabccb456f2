/** Duyệt gia hạn: approve or refuse each pending request for more time (of a deadline the user set). */
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/FormError';
import { formatDate } from '../../../lib/dates';
import { useNotify } from '../../../lib/useNotify';
import { useRequiredMe } from '../../auth/auth.queries';
import { useIncomingAction } from '../incoming.queries';
import type { IncomingDetail, IncomingExtension } from '../incoming.types';
import type { ActionFormProps } from './ActionForm';

/** Pending requests about deadlines this user set (all pending ones if none matches: the server decides). */
export function decidableExtensions(doc: IncomingDetail, userId: string): IncomingExtension[] {
  const pending = doc.extensions.filter((x) => x.status === 'pending');
  const mine = pending.filter((x) => doc.assignments.find((a) => a.id === x.assignmentId)?.assignedBy === userId);
  return mine.length > 0 ? mine : pending;
}

export function DecideExtensionForm({ doc, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const extensions = decidableExtensions(doc, me.user.id);
  return (
    <Stack gap="sm">
      {extensions.map((x) => (
        <ExtensionDecision
          key={x.id}
          docId={doc.id}
          extension={x}
          onDecided={extensions.length === 1 ? onDone : undefined}
        />
      ))}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}

function ExtensionDecision({
  docId,
  extension: x,
  onDecided,
}: {
  docId: string;
  extension: IncomingExtension;
  onDecided: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const decide = useIncomingAction(docId, 'decide_extension');
  const [note, setNote] = useState('');
  const [approve, setApprove] = useState<boolean | null>(null);
  const send = (yes: boolean) => {
    setApprove(yes);
    decide.mutate(
      { extensionId: x.id, approve: yes, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notify.success(t(yes ? 'incoming.extensions.approved' : 'incoming.extensions.refused'));
          onDecided?.();
        },
      },
    );
  };
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('incoming.extensions.request', {
            name: x.requestedByName ?? '',
            from: formatDate(x.currentDeadline) || '—',
            to: formatDate(x.requestedDeadline),
          })}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {x.reason}
        </Text>
        <Textarea
          label={t('incoming.forms.decisionNote')}
          autosize
          minRows={1}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <FormError error={decide.error} />
        <Group justify="flex-end" gap="xs">
          <Button
            variant="light"
            color="red"
            onClick={() => send(false)}
            loading={decide.isPending && approve === false}
            disabled={decide.isSuccess}
          >
            {t('incoming.extensions.refuse')}
          </Button>
          <Button
            color="green"
            onClick={() => send(true)}
            loading={decide.isPending && approve === true}
            disabled={decide.isSuccess}
          >
            {t('incoming.extensions.approve')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
