/** One person: details, account status, password, and memberships (vị trí công tác). */
import { Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { MembershipsCard } from './MembershipsCard';
import { UserProfileCard } from './UserProfileCard';
import { UserStatusBadge } from './UserStatusBadge';
import { useUser } from './users.queries';

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useUser(id);
  const user = query.data;
  useDocumentTitle(user?.fullName ?? t('users.title'));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/users" size="sm">
        ← {t('users.backToList')}
      </Anchor>
      {query.isLoading && <Loader aria-label={t('common.loading')} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {user && (
        <>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {user.fullName}
            </Title>
            <UserStatusBadge status={user.status} />
            {user.isDemo && (
              <Badge variant="outline" color="gray" tt="none">
                {t('users.demo')}
              </Badge>
            )}
          </Group>
          <Text c="dimmed" mt={-8}>
            {user.username}
          </Text>
          <UserProfileCard key={user.version} user={user} onReload={() => void query.refetch()} />
          <MembershipsCard user={user} />
        </>
      )}
    </Stack>
  );
}
