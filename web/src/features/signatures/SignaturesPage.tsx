/**
 * Chữ ký số: my certificate and my organisation's, my signature image and (for who may manage the
 * organisation's certificate: its administrator or clerk) the seal, and for system administrators the
 * trust list.
 */
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useRequiredMe } from '../auth/auth.queries';
import { hasRole, isSystemAdmin } from '../auth/permissions';
import { CredentialCards } from './CredentialCards';
import { SignatureImageCard } from './SignatureImageCard';
import { TrustRootsSection } from './TrustRootsSection';

export function SignaturesPage() {
  const { t } = useTranslation();
  const me = useRequiredMe();
  // As the server's policy: the organisation's certificate and seal belong to its administrator and clerk.
  const managesOrganization = hasRole(me, 'org_admin', 'clerk');
  return (
    <>
      <PageHeader title={t('signatures.title')} description={t('signatures.description')} />
      <Stack gap="xl">
        <CredentialCards canManageOrganization={managesOrganization} />
        <section aria-labelledby="signatures-images">
          <Title id="signatures-images" order={2} size="h4">
            {t('signatures.images.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('signatures.images.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <SignatureImageCard kind="signature" />
            {managesOrganization && <SignatureImageCard kind="seal" />}
          </SimpleGrid>
        </section>
        {isSystemAdmin(me) && <TrustRootsSection />}
      </Stack>
    </>
  );
}
