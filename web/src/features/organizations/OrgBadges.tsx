import { Badge, Code, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/types';

/** The QCVN 102 identifier, flagged "chưa xác minh" when nobody has confirmed it yet. */
export function OrgIdentifier({ org }: { org: Pick<Organization, 'identifier' | 'identifierVerified'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Code>{org.identifier}</Code>
      {!org.identifierVerified && (
        <Badge color="yellow" variant="light" size="sm" tt="none" radius="sm">
          {t('common.unverified')}
        </Badge>
      )}
    </Group>
  );
}
