/**
 * Whether documents to this organisation go through the interchange axis (system administrators): for one that
 * works on another EduGov deployment. The server refuses it for an organisation somebody works in here.
 */
import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/types';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../lib/useNotify';
import { useSetOrganizationViaAxis } from './org.queries';

export function OrgViaAxisSwitch({ org, onReload }: { org: Organization; onReload: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const setViaAxis = useSetOrganizationViaAxis(org.id);
  return (
    <>
      <FormError error={setViaAxis.error} onReload={onReload} />
      <Switch
        label={t('orgs.fields.viaAxisSwitch')}
        description={t('orgs.fields.viaAxisHint')}
        checked={org.viaAxis}
        disabled={setViaAxis.isPending}
        onChange={(event) =>
          setViaAxis.mutate(
            { version: org.version, viaAxis: event.currentTarget.checked },
            { onSuccess: () => notify.success(t('common.saved')) },
          )
        }
      />
    </>
  );
}
