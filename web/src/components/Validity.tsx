import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/dates';

/** "dd/MM/yyyy – dd/MM/yyyy", or "dd/MM/yyyy – nay" while still in force. */
export function useValidityText(): (from: string, to: string | null) => string {
  const { t } = useTranslation();
  return (from, to) => `${formatDate(from)} – ${to ? formatDate(to) : t('common.present')}`;
}

export function Validity({ from, to }: { from: string; to: string | null }) {
  const text = useValidityText();
  return <>{text(from, to)}</>;
}
