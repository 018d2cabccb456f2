/** "Có thể trùng văn bản đã vào sổ": the registered documents with the same issuer, number and date. */
import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AlertIcon } from '../../components/icons';

export interface DuplicateRef {
  id: string;
  arrivalNumber: number | null;
  arrivalYear: number | null;
  subject: string;
}

/** The duplicates an ApiError `documents.possible_duplicate` carries in its details. */
export function duplicatesOf(details: unknown): DuplicateRef[] {
  if (typeof details !== 'object' || details === null || !('duplicates' in details)) return [];
  const list = details.duplicates;
  return Array.isArray(list) ? (list as DuplicateRef[]) : [];
}

interface DuplicateWarningProps {
  duplicates: readonly DuplicateRef[];
  /** After the server refused: the clerk confirms and registers anyway. */
  onConfirm?: () => void;
  confirming?: boolean;
}

export function DuplicateWarning({ duplicates, onConfirm, confirming = false }: DuplicateWarningProps) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<AlertIcon />}
      title={t('incoming.duplicates.title')}
      role={onConfirm ? 'alert' : 'status'}
    >
      <Stack gap="xs">
        <Text size="sm">{onConfirm ? t('incoming.duplicates.confirmText') : t('incoming.duplicates.text')}</Text>
        <List size="sm" spacing={2}>
          {duplicates.map((d) => (
            <List.Item key={d.id}>
              <Anchor component={Link} to={`/e-office/incoming/${d.id}`} target="_blank" size="sm">
                {d.arrivalNumber !== null
                  ? t('incoming.duplicates.item', { number: d.arrivalNumber, year: d.arrivalYear ?? '' })
                  : t('incoming.duplicates.itemUnnumbered')}
              </Anchor>
              {` — ${d.subject}`}
            </List.Item>
          ))}
        </List>
        {onConfirm && (
          <Button color="yellow" variant="filled" onClick={onConfirm} loading={confirming} w="fit-content">
            {t('incoming.duplicates.confirm')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
