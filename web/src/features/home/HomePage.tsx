/** The dashboard: who you are, where you work, your roles, and the systems of the platform. */
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RoleBadges } from '../../components/RoleBadges';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../lib/dates';
import { useRequiredMe } from '../auth/auth.queries';
import { activeMembership } from '../auth/permissions';
import { SYSTEMS } from '../systems/systems';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.home'));
  const me = useRequiredMe();
  const membership = activeMembership(me);
  const delegated = me.delegatedRoles.flatMap((d) => d.roles);

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Title order={1} size="h2">
          {t('home.greeting', { name: me.user.fullName })}
        </Title>
        {membership && (
          <Stack gap={6} mt="sm">
            <Text>{t('home.workingAt', { organization: membership.organizationName })}</Text>
            {(membership.unitName || membership.positionName) && (
              <Text size="sm" c="dimmed">
                {[membership.positionName, membership.unitName].filter(Boolean).join(' · ')}
              </Text>
            )}
            <Group gap="xs" align="center">
              <Text size="sm" fw={500}>
                {t('home.roles')}:
              </Text>
              <RoleBadges roles={membership.roles} />
            </Group>
            {delegated.length > 0 && (
              <Group gap="xs" align="center">
                <Text size="sm" fw={500}>
                  {t('home.delegatedRoles')}:
                </Text>
                <RoleBadges roles={[...new Set(delegated)]} />
              </Group>
            )}
            <Text size="xs" c="dimmed">
              {t('home.today', { date: formatDate(new Date()) })}
            </Text>
          </Stack>
        )}
      </Paper>

      <section aria-labelledby="home-systems">
        <Title order={2} size="h4" id="home-systems" mb="sm">
          {t('home.systemsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
          {SYSTEMS.filter((system) => system.visibleTo?.(me) ?? true).map((system) => {
            const Icon = system.icon;
            return (
              <UnstyledButton key={system.key} component={Link} to={system.path} h="100%">
                <Card withBorder radius="md" padding="md" h="100%">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
                    <Group gap="sm" wrap="nowrap">
                      <ThemeIcon variant="light" size={36} radius="md">
                        <Icon size={20} />
                      </ThemeIcon>
                      <Text fw={600}>{t(`systems.${system.key}.name`)}</Text>
                    </Group>
                    {!system.available && (
                      <Badge color="yellow" variant="light" tt="none" style={{ flexShrink: 0 }}>
                        {t('systems.underConstruction')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t(`systems.${system.key}.description`)}
                  </Text>
                </Card>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
