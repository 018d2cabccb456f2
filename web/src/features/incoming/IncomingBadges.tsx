/** Badges of an incoming document: urgency (red from Khẩn up), confidentiality, status, overdue. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Confidentiality, IncomingStatus, Urgency } from './incoming.types';

const STATUS_COLORS: Record<IncomingStatus, string> = {
  received: 'grape',
  registered: 'cyan',
  presented: 'indigo',
  assigned: 'blue',
  in_progress: 'yellow',
  completed: 'green',
  closed: 'gray',
};

type Size = BadgeProps['size'];

/** Nothing for an ordinary document; Khẩn, Thượng khẩn and Hỏa tốc in red. */
export function UrgencyBadge({
  urgency,
  size = 'sm',
  showNormal = false,
}: {
  urgency: Urgency;
  size?: Size;
  showNormal?: boolean;
}) {
  const { t } = useTranslation();
  if (urgency === 'normal' && !showNormal) return null;
  return (
    <Badge
      size={size}
      color={urgency === 'normal' ? 'gray' : 'red'}
      variant={urgency === 'normal' ? 'light' : 'filled'}
      tt="none"
      miw="max-content"
    >
      {t(`incoming.urgency.${urgency}`)}
    </Badge>
  );
}

export function ConfidentialityBadge({
  confidentiality,
  size = 'sm',
}: {
  confidentiality: Confidentiality;
  size?: Size;
}) {
  const { t } = useTranslation();
  if (confidentiality === 'normal') return null;
  return (
    <Badge size={size} color="orange" variant="outline" tt="none" miw="max-content">
      {t(`incoming.confidentiality.${confidentiality}`)}
    </Badge>
  );
}

export function StatusBadge({ status, size = 'sm' }: { status: IncomingStatus; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color={STATUS_COLORS[status]} variant="light" tt="none" miw="max-content">
      {t(`incoming.status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge({ size = 'sm' }: { size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color="red" variant="light" tt="none" miw="max-content">
      {t('incoming.overdue')}
    </Badge>
  );
}
