/** Badges of an outgoing document: its state, urgency (red from Khẩn up) and confidentiality. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutgoingStatus, OutgoingSummary } from './outgoing.types';

const STATUS_COLORS: Record<OutgoingStatus, string> = {
  draft: 'gray',
  in_review: 'blue',
  returned: 'orange',
  approved: 'teal',
  rejected: 'red',
  issued: 'green',
  cancelled: 'dark',
};

type Size = BadgeProps['size'];

export function OutgoingStatusBadge({ status, size = 'sm' }: { status: OutgoingStatus; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color={STATUS_COLORS[status]} variant="light" tt="none" miw="max-content">
      {t(`outgoing.status.${status}`)}
    </Badge>
  );
}

export function OutgoingUrgencyBadge({ urgency, size = 'sm' }: { urgency: OutgoingSummary['urgency']; size?: Size }) {
  const { t } = useTranslation();
  if (urgency === 'normal') return null;
  return (
    <Badge size={size} color="red" variant="filled" tt="none" miw="max-content">
      {t(`outgoing.urgency.${urgency}`)}
    </Badge>
  );
}

export function OutgoingConfidentialityBadge({
  confidentiality,
  size = 'sm',
}: {
  confidentiality: OutgoingSummary['confidentiality'];
  size?: Size;
}) {
  const { t } = useTranslation();
  if (confidentiality === 'normal') return null;
  return (
    <Badge size={size} color="orange" variant="outline" tt="none" miw="max-content">
      {t(`outgoing.confidentiality.${confidentiality}`)}
    </Badge>
  );
}
