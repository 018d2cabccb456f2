/** A step's mutation with the success note and closing of the dialog. */
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../lib/useNotify';
import { useIncomingAction, type ActionBody } from '../incoming.queries';
import type { IncomingAction } from '../incoming.types';

export function useStep<A extends IncomingAction>(id: string, action: A, onDone: () => void) {
  const { t } = useTranslation();
  const notify = useNotify();
  const mutation = useIncomingAction(id, action);
  const run = (body: ActionBody<A>) =>
    mutation.mutate(body, {
      onSuccess: () => {
        notify.success(t(`incoming.actions.done.${action}`));
        onDone();
      },
    });
  return { run, error: mutation.error, loading: mutation.isPending };
}
