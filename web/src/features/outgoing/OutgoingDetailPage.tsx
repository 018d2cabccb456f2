/**
 * One outgoing document: trích yếu and badges; the steps open to the user (exactly the server's `actions`);
 * fields, files, the approval route, revisions compared, the trail, and after issue the delivery status and
 * the issued PDF.
 */
import { Anchor, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../lib/dates';
import { CopySection } from './CopySection';
import { OutgoingActions } from './OutgoingActions';
import { OutgoingConfidentialityBadge, OutgoingStatusBadge, OutgoingUrgencyBadge } from './OutgoingBadges';
import {
  IssuedPreview,
  OutgoingDispatches,
  OutgoingFiles,
  OutgoingInfo,
  OutgoingRoute,
  OutgoingTrail,
} from './OutgoingSections';
import { useOutgoing } from './outgoing.queries';
import { OutgoingSignature } from './OutgoingSignature';
import { OutgoingRevisions } from './RevisionCompare';

export function OutgoingDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useOutgoing(id);
  const doc = query.data;
  useDocumentTitle(doc ? `${doc.subject} — ${t('outgoing.title')}` : t('outgoing.title'));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/e-office/outgoing?view=mine" size="sm">
        ← {t('outgoing.backToList')}
      </Anchor>
      {query.isLoading && <Loader aria-label={t('common.loading')} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {doc && (
        <>
          <Stack gap={6}>
            <Title order={1} size="h2">
              {doc.subject}
            </Title>
            {doc.fullNumber && (
              <Text fw={600}>
                {t('outgoing.fields.numberLine', { number: doc.fullNumber })}
                {doc.issuedAt && ` · ${t('outgoing.fields.issuedOn', { date: formatDate(doc.issuedAt) })}`}
              </Text>
            )}
            <Group gap="xs">
              <OutgoingStatusBadge status={doc.status} size="md" />
              <OutgoingUrgencyBadge urgency={doc.urgency} size="md" />
              <OutgoingConfidentialityBadge confidentiality={doc.confidentiality} size="md" />
              <Text size="sm" c="dimmed">
                {t('outgoing.fields.revision')} {doc.currentRevision} · {formatDate(doc.createdAt)}
              </Text>
            </Group>
          </Stack>
          <OutgoingActions doc={doc} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="md">
                <OutgoingInfo doc={doc} />
                <OutgoingDispatches doc={doc} />
                <OutgoingRoute doc={doc} />
                <OutgoingRevisions doc={doc} />
                <OutgoingTrail doc={doc} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="md">
                <OutgoingFiles doc={doc} />
                <OutgoingSignature doc={doc} />
                <IssuedPreview doc={doc} />
                {doc.status === 'issued' && <CopySection kind="outgoing" id={doc.id} />}
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
