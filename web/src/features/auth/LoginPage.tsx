/** The login page: username and password, in Vietnamese or English. */
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../components/icons';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useErrorText } from '../../lib/useErrorText';
import { useLogin } from './auth.queries';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login'));
  const describe = useErrorText();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showMissing, setShowMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setShowMissing(true);
      return;
    }
    // On success the cached Me is set and RedirectIfSignedIn takes the user on.
    login.mutate({ username: username.trim(), password });
  };

  return (
    <Box mih="100dvh" bg="gray.0">
      <Group justify="space-between" p="md">
        <Logo />
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl" pt={{ base: 'md', sm: 60 }}>
        <Paper component="main" withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420}>
          <Stack gap="md">
            <div>
              <Title order={1} size="h3">
                {t('auth.loginTitle')}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t('app.tagline')}
              </Text>
            </div>
            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                {login.isError && (
                  <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
                    {describe(login.error)}
                  </Alert>
                )}
                <TextInput
                  label={t('auth.username')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  withAsterisk={false}
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={showMissing && !username.trim() ? t('common.required') : undefined}
                  autoFocus
                />
                <PasswordInput
                  label={t('auth.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  withAsterisk={false}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={showMissing && !password ? t('common.required') : undefined}
                  visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePasswordVisibility') }}
                />
                <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                  {t('auth.login')}
                </Button>
              </Stack>
            </form>
            <Text size="xs" c="dimmed">
              {t('auth.loginHelp')}
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
