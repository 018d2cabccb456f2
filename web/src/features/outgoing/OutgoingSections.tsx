/**
 * The parts of an outgoing document's page: its fields, files, the approval route (stages and each step's
 * reviewer, status and comment), the trail, the delivery status per recipient after issue, and the issued PDF.
 */
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/dates';
import { PdfPreview } from '../files/PdfPreview';
import { useDocumentTypeName } from '../incoming/documentTypes';
import { formatMinute, formatSize } from '../incoming/format';
import { inlineUrl, useDispatches } from './outgoing.queries';
import type { OutgoingDetail, OutgoingStep } from './outgoing.types';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={200} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

type RelatedDoc = OutgoingDetail['replacedBy'][number];

/** Thay thế, đính chính: the documents this one replaces or corrects, and those replacing or correcting it. */
function RelatedRows({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const rows: [key: 'replaces' | 'corrects' | 'replacedBy' | 'correctedBy', docs: RelatedDoc[]][] = [
    ['replaces', doc.replaces ? [doc.replaces] : []],
    ['corrects', doc.corrects ? [doc.corrects] : []],
    ['replacedBy', doc.replacedBy],
    ['correctedBy', doc.correctedBy],
  ];
  return rows
    .filter(([, docs]) => docs.length > 0)
    .map(([key, docs]) => (
      <Row key={key} label={t(`outgoing.relation.${key}`)}>
        <Stack gap={2}>
          {docs.map((d) => (
            <Anchor key={d.id} component={Link} to={`/e-office/outgoing/${d.id}`}>
              {d.fullNumber ? `${d.fullNumber} — ${d.subject}` : d.subject}
            </Anchor>
          ))}
        </Stack>
      </Row>
    ));
}

export function OutgoingInfo({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const typeName = useDocumentTypeName();
  const none = t('outgoing.info.none');
  const recipients = [...doc.recipients.internal.map((r) => r.name ?? r.organizationId), ...doc.recipients.external];
  const signer = [
    doc.authorityPrefix ? `${doc.authorityPrefix}.` : '',
    doc.signerPositionTitle ?? '',
    doc.signerName ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('outgoing.info.title')}
      </Title>
      <Table>
        <Table.Tbody>
          <Row label={t('outgoing.fields.docType')}>{typeName(doc.docType)}</Row>
          <Row label={t('outgoing.fields.draftingUnit')}>{doc.draftingUnitName ?? none}</Row>
          <Row label={t('outgoing.fields.createdBy')}>{doc.createdByName}</Row>
          <Row label={t('outgoing.fields.signer')}>{signer || none}</Row>
          <Row label={t('outgoing.fields.recipients')}>{recipients.length ? recipients.join('\n') : none}</Row>
          <Row label={t('outgoing.fields.replyDueDate')}>{formatDate(doc.replyDueDate) || none}</Row>
          <Row label={t('outgoing.fields.answersIncoming')}>
            {doc.answersIncomingId ? (
              <Anchor component={Link} to={`/e-office/incoming/${doc.answersIncomingId}`}>
                {t('outgoing.fields.answersIncoming')}
              </Anchor>
            ) : (
              none
            )}
          </Row>
          <RelatedRows doc={doc} />
          {doc.decisionNote && (
            <Row label={t('outgoing.fields.decisionNote')}>
              {doc.decisionNote}
              {doc.decidedByName ? ` — ${doc.decidedByName}, ${formatMinute(doc.decidedAt)}` : ''}
            </Row>
          )}
          <Row label={t('outgoing.fields.body')}>{doc.body || none}</Row>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function OutgoingFiles({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('outgoing.files.title')}
      </Title>
      {doc.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('outgoing.files.empty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {doc.files.map((file) => (
            <Group key={file.fileId} gap="xs" wrap="nowrap">
              <Badge size="xs" variant="light" tt="none" color={file.kind === 'final' ? 'green' : 'gray'}>
                {t(`outgoing.files.kinds.${file.kind}`)}
              </Badge>
              <Anchor href={file.url} size="sm" style={{ overflowWrap: 'anywhere' }} download={file.name}>
                {file.name}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatSize(file.sizeBytes)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

const STEP_COLORS: Record<string, string> = {
  pending: 'blue',
  approved: 'green',
  returned: 'orange',
  forwarded: 'gray',
  skipped: 'gray',
  rejected: 'red',
};

const withPosition = (name: string, position: string | null) => (position ? `${name} (${position})` : name);

/**
 * Who a step is with, by name: who acted on it, else the person it was given to, else (given to a role) the
 * people holding that role now; the role itself only when nobody is known.
 */
function reviewerOf(step: OutgoingStep, t: TFunction): { names: string; role: string } {
  const role = [step.reviewerRole ? t(`outgoing.route.roles.${step.reviewerRole}`) : '', step.reviewerUnitName]
    .filter(Boolean)
    .join(' — ');
  if (step.decidedByName) return { names: withPosition(step.decidedByName, step.decidedByPosition), role };
  if (step.reviewerName) return { names: withPosition(step.reviewerName, step.reviewerPosition), role: '' };
  const names = step.assignees.map((a) => withPosition(a.name, a.position)).join(', ');
  return names ? { names, role } : { names: role || '—', role: '' };
}

export function OutgoingRoute({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const route = doc.route;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('outgoing.route.title')}
      </Title>
      {!route ? (
        <Text size="sm" c="dimmed">
          {t('outgoing.route.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('outgoing.route.round', { round: route.round, template: route.templateName })}
          </Text>
          {route.stages.map((stage, index) => {
            const steps = doc.steps.filter((s) => s.round === route.round && s.stageIndex === index);
            return (
              <Stack key={`${index}-${stage.name}`} gap={4} role="group" aria-label={stage.name}>
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {index + 1}. {stage.name}
                  </Text>
                  <Badge size="xs" variant="outline" tt="none">
                    {t(`outgoing.route.stageKinds.${stage.kind}`)}
                  </Badge>
                  {index === route.currentStage && route.status === 'active' && (
                    <Badge size="xs" color="blue" tt="none">
                      {t('outgoing.route.stepStatus.pending')}
                    </Badge>
                  )}
                </Group>
                {steps.map((step) => {
                  const who = reviewerOf(step, t);
                  return (
                    <Group key={step.id} gap="xs" pl="md" align="flex-start" wrap="nowrap">
                      <Badge size="xs" variant="light" color={STEP_COLORS[step.status] ?? 'gray'} tt="none" miw={90}>
                        {t(`outgoing.route.stepStatus.${step.status}`)}
                      </Badge>
                      <Stack gap={0}>
                        <Text size="sm">
                          {who.names}
                          {step.decidedAt ? ` · ${formatMinute(step.decidedAt)}` : ''}
                        </Text>
                        {who.role && (
                          <Text size="xs" c="dimmed">
                            {who.role}
                          </Text>
                        )}
                        {step.comment && (
                          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                            “{step.comment}”
                          </Text>
                        )}
                      </Stack>
                    </Group>
                  );
                })}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

const KNOWN_EVENTS = [
  'drafted',
  'revised',
  'submitted',
  'resubmitted',
  'reviewed',
  'form_checked',
  'forwarded',
  'returned',
  'approved',
  'rejected',
  'issued',
  'recalled',
] as const;

export function OutgoingTrail({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const label = (action: string) =>
    (KNOWN_EVENTS as readonly string[]).includes(action)
      ? t(`outgoing.trail.actions.${action as (typeof KNOWN_EVENTS)[number]}`)
      : action;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm" id="outgoing-trail">
        {t('outgoing.trail.title')}
      </Title>
      {doc.trail.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('outgoing.trail.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={doc.trail.length - 1} aria-labelledby="outgoing-trail">
          {doc.trail.map((event) => (
            <Timeline.Item key={event.id} title={<Text fw={600}>{label(event.action)}</Text>}>
              <Text size="sm">
                {event.actorName ?? t('outgoing.trail.system')}
                {' · '}
                <time dateTime={event.occurredAt}>{formatMinute(event.occurredAt)}</time>
              </Text>
              {event.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  “{event.note}”
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

/** The code of a dispatch status as a badge: red for a refusal (02 từ chối, 16 từ chối thu hồi). */
function DispatchCode({ code }: { code: string }) {
  return (
    <Badge size="sm" variant="light" tt="none" color={code === '02' || code === '16' ? 'red' : 'blue'}>
      {code}
    </Badge>
  );
}

/**
 * Tình trạng gửi: per recipient, the status now (code 01…16, its label, the reason of a refusal) and the
 * timeline of every status it went through, each with its time (dd/MM/yyyy HH:mm, Vietnam time), once the
 * document is issued.
 */
export function OutgoingDispatches({ doc }: { doc: OutgoingDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const query = useDispatches(doc.id, doc.status === 'issued');
  if (doc.status !== 'issued') return null;
  const items = query.data ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm" id="outgoing-dispatches">
        {t('outgoing.dispatches.title')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('outgoing.dispatches.empty')}
        </Text>
      ) : (
        <Table aria-labelledby="outgoing-dispatches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('outgoing.dispatches.organization')}</Table.Th>
              <Table.Th>{t('outgoing.dispatches.channel')}</Table.Th>
              <Table.Th>{t('outgoing.dispatches.status')}</Table.Th>
              <Table.Th>{t('outgoing.dispatches.statusAt')}</Table.Th>
              <Table.Th>{t('outgoing.dispatches.history')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d, i) => (
              <Table.Tr key={d.id ?? `${d.organizationName}-${i}`}>
                <Table.Td>{d.organizationName}</Table.Td>
                <Table.Td>{t(`outgoing.dispatches.channels.${d.channel}`)}</Table.Td>
                <Table.Td>
                  <DispatchCode code={d.status} /> {d.label[lang]}
                  {d.reason ? ` — ${d.reason}` : ''}
                </Table.Td>
                <Table.Td>{formatMinute(d.statusAt)}</Table.Td>
                <Table.Td>
                  <Stack
                    component="ol"
                    gap={2}
                    m={0}
                    p={0}
                    style={{ listStyle: 'none' }}
                    aria-label={t('outgoing.dispatches.historyOf', { name: d.organizationName })}
                  >
                    {d.history.map((h, j) => (
                      <Text component="li" size="sm" key={`${h.status}-${h.occurredAt}-${j}`}>
                        <time dateTime={h.occurredAt}>{formatMinute(h.occurredAt)}</time>{' '}
                        <DispatchCode code={h.status} /> {h.label[lang]}
                        {h.reason ? ` — ${h.reason}` : ''}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** The official PDF (văn bản phát hành), previewed once the document is issued. */
export function IssuedPreview({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  if (!doc.officialFileUrl) return null;
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fw={600} size="sm" mb="xs">
        {t('outgoing.issuedPdf')}
      </Text>
      <PdfPreview url={inlineUrl(doc.officialFileUrl)} height="75vh" />
    </Paper>
  );
}
