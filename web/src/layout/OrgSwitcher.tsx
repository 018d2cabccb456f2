/** Chooses the organisation (membership) the user works in, for people with several memberships. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BuildingIcon } from '../components/icons';
import { useRequiredMe, useSwitchMembership } from '../features/auth/auth.queries';
import { useNotify } from '../lib/useNotify';

export function OrgSwitcher({ variant }: { variant: 'header' | 'navbar' }) {
  const { t } = useTranslation();
  const me = useRequiredMe();
  const switchMembership = useSwitchMembership();
  const notify = useNotify();
  const data = me.memberships.map((m) => ({ value: m.id, label: m.organizationShortName || m.organizationName }));
  const label = t('auth.workingOrganization');

  return (
    <Select
      label={variant === 'navbar' ? label : undefined}
      aria-label={variant === 'header' ? label : undefined}
      data={data}
      value={me.activeMembershipId}
      allowDeselect={false}
      disabled={switchMembership.isPending}
      leftSection={<BuildingIcon size={16} />}
      size="sm"
      w={variant === 'header' ? 230 : undefined}
      onChange={(membershipId) => {
        if (!membershipId || membershipId === me.activeMembershipId) return;
        switchMembership.mutate(membershipId, {
          onSuccess: (next) => {
            const active = next.memberships.find((m) => m.id === next.activeMembershipId);
            notify.success(t('auth.switched', { name: active?.organizationName ?? '' }));
          },
          onError: notify.failure,
        });
      }}
    />
  );
}
