/**
 * One incoming document: số đến, số ký hiệu, trích yếu and badges; the steps open to the user (exactly the
 * server's `actions`); metadata, files with the scan previewed, assignments, extension requests and the trail.
 */
import { Alert, Anchor, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../lib/dates';
import { CopySection } from '../outgoing/CopySection';
import { IncomingActions } from './IncomingActions';
import { IncomingAssignments, IncomingExtensions } from './IncomingAssignments';
import { ConfidentialityBadge, OverdueBadge, StatusBadge, UrgencyBadge } from './IncomingBadges';
import { IncomingFiles, IncomingPreview } from './IncomingFiles';
import { IncomingInfo } from './IncomingInfo';
import { IncomingTrail } from './IncomingTrail';
import { processingSlipUrl, useIncoming } from './incoming.queries';
import type { IncomingDetail } from './incoming.types';
import type { RegisteredState } from './RegisterIncomingPage';

export function IncomingDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const query = useIncoming(id);
  const doc = query.data;
  useDocumentTitle(doc ? `${doc.numberNotation} — ${t('incoming.title')}` : t('incoming.title'));
  // Said once, on the page the registration form leads to, until the next step is taken.
  const registered = (location.state as RegisteredState | null)?.registeredNumber;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/e-office/incoming" size="sm">
        ← {t('incoming.backToList')}
      </Anchor>
      {query.isLoading && <Loader aria-label={t('common.loading')} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {doc && (
        <>
          {registered !== undefined && registered !== null && doc.status === 'registered' && (
            <Alert color="green" variant="light" role="status">
              {t('incoming.registered', { number: registered })}
            </Alert>
          )}
          <DetailHeader doc={doc} />
          <IncomingActions doc={doc} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="md">
                <IncomingInfo doc={doc} />
                <IncomingAssignments doc={doc} />
                <IncomingExtensions doc={doc} />
                <IncomingTrail doc={doc} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="md">
                <IncomingFiles doc={doc} />
                <IncomingPreview doc={doc} />
                {doc.status !== 'received' && <CopySection kind="incoming" id={doc.id} />}
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

function DetailHeader({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {doc.arrivalNumber !== null
            ? t('incoming.header.arrival', { number: doc.arrivalNumber, year: doc.arrivalYear ?? '' })
            : t('incoming.header.notRegistered')}
          {' · '}
          {t('incoming.header.notation', { notation: doc.numberNotation, issuer: doc.issuerName })}
        </Text>
      </Group>
      <Title order={1} size="h2">
        {doc.subject}
      </Title>
      <Group gap="xs">
        <StatusBadge status={doc.status} size="md" />
        <UrgencyBadge urgency={doc.urgency} size="md" />
        <ConfidentialityBadge confidentiality={doc.confidentiality} size="md" />
        {doc.dueDate && (
          <Text size="sm" c={doc.overdue ? 'red' : undefined} fw={doc.overdue ? 700 : undefined}>
            {t('incoming.header.due', { date: formatDate(doc.dueDate) })}
          </Text>
        )}
        {doc.overdue && <OverdueBadge size="md" />}
        <Button
          component="a"
          href={processingSlipUrl(doc.id)}
          target="_blank"
          rel="noopener"
          variant="subtle"
          size="compact-sm"
          ml="auto"
        >
          {t('incoming.printSlip')}
        </Button>
      </Group>
    </Stack>
  );
}
