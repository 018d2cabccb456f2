/** The verdict of a file's signatures as a badge: green valid, red invalid, yellow indeterminate, grey none. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DisplayVerdict } from './signatures.types';

const COLORS: Record<DisplayVerdict, string> = {
  valid: 'green',
  invalid: 'red',
  indeterminate: 'yellow',
  none: 'gray',
};

export function SignatureVerdictBadge({
  verdict,
  size = 'sm',
}: {
  verdict: DisplayVerdict;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[verdict]} variant="light" tt="none" size={size} data-verdict={verdict}>
      {t(`signatures.verdict.${verdict}`)}
    </Badge>
  );
}
