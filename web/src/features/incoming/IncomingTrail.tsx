/**
 * Vết xử lý: every step taken on the document, oldest first — what (a Vietnamese label per action), who, when
 * (dd/MM/yyyy HH:mm), and the note, instructions, people and deadlines it set.
 */
import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/dates';
import { useColleagues } from './colleagues';
import { useDocumentTypeName } from './documentTypes';
import { formatMinute } from './format';
import {
  URGENCIES,
  type IncomingAssignment,
  type IncomingDetail,
  type IncomingEvent,
  type Urgency,
} from './incoming.types';

/** The actions the trail knows a label for; anything else is shown by its code. */
const KNOWN_ACTIONS = [
  'received',
  'registered',
  'presented',
  'directed',
  'redirected',
  'assigned',
  'reassigned',
  'commented',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'returned',
  'support_completed',
  'completed',
  'recalled',
  'closed',
  'refused',
  'recall_requested',
  'withdrawn',
  'recall_refused',
  'updated_by_sender',
  'replaced_by_sender',
  'replaces',
] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];

function isKnown(action: string): action is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action);
}

const COLORS: Partial<Record<KnownAction, string>> = {
  completed: 'green',
  support_completed: 'green',
  closed: 'gray',
  returned: 'orange',
  recalled: 'orange',
  extension_refused: 'red',
  refused: 'red',
  recall_requested: 'orange',
  withdrawn: 'gray',
  updated_by_sender: 'blue',
  replaced_by_sender: 'orange',
};

export function eventLabel(action: string, t: TFunction): string {
  return isKnown(action) ? t(`incoming.trail.actions.${action}`) : action;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Who got what in a direction or an assignment: "Chủ trì: Phòng GDPT (hạn 20/12/2026)". */
function assignedLines(details: Record<string, unknown>, all: readonly IncomingAssignment[], t: TFunction): string[] {
  const list = Array.isArray(details.assignments) ? (details.assignments as { id?: unknown }[]) : [];
  return list.flatMap((item) => {
    const a = all.find((x) => x.id === item.id);
    if (!a) return [];
    const who = a.userName ?? a.unitName ?? '—';
    const line = `${t(`incoming.assignments.roles.${a.role}`)}: ${who}`;
    return [a.deadline ? `${line} (${t('incoming.trail.deadline', { date: formatDate(a.deadline) })})` : line];
  });
}

/** The metadata an update from the sender may change (the server's AxisDocumentMetadata). */
const CHANGED_FIELDS = [
  'issuerName',
  'numberNotation',
  'documentDate',
  'docType',
  'subject',
  'signerName',
  'signerPosition',
  'urgency',
  'pageCount',
  'replyDueDate',
  'notes',
] as const;
type ChangedField = (typeof CHANGED_FIELDS)[number];

const isChangedField = (field: string): field is ChangedField => (CHANGED_FIELDS as readonly string[]).includes(field);
const isUrgency = (value: unknown): value is Urgency => (URGENCIES as readonly unknown[]).includes(value);

/** Each metadata field the sender changed, in words: "Trích yếu: … → …" (dates, urgency and type by name). */
function changeLines(changes: unknown, t: TFunction, typeName: (code: string) => string): string[] {
  if (typeof changes !== 'object' || changes === null) return [];
  const show = (field: ChangedField, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'documentDate' || field === 'replyDueDate') return formatDate(String(value));
    if (field === 'urgency' && isUrgency(value)) return t(`incoming.urgency.${value}`);
    if (field === 'docType') return typeName(String(value));
    return String(value);
  };
  return Object.entries(changes as Record<string, { before?: unknown; after?: unknown }>).flatMap(([field, c]) =>
    isChangedField(field)
      ? [
          t('incoming.trail.changed', {
            field: t(`incoming.trail.fields.${field}`),
            before: show(field, c?.before),
            after: show(field, c?.after),
          }),
        ]
      : [],
  );
}

/** What the sender's update, or replacement, did: the fields and files, or the documents involved. */
function senderLines(event: IncomingEvent, t: TFunction, typeName: (code: string) => string): string[] {
  const d = event.details;
  switch (event.action) {
    case 'updated_by_sender': {
      const added = Array.isArray(d.addedFiles) ? (d.addedFiles as { name?: unknown }[]) : [];
      const names = added.flatMap((f) => (str(f.name) ? [str(f.name)!] : []));
      const lines = changeLines(d.changes, t, typeName);
      return names.length > 0 ? [...lines, t('incoming.trail.filesAdded', { names: names.join(', ') })] : lines;
    }
    case 'replaced_by_sender':
      return str(d.byNumberNotation) ? [t('incoming.trail.replacedBy', { number: str(d.byNumberNotation) })] : [];
    case 'replaces': {
      const listed = Array.isArray(d.replaces)
        ? (d.replaces as { numberNotation?: unknown; documentId?: unknown }[])
        : [];
      const documents = listed.flatMap((r) => str(r.numberNotation) ?? str(r.documentId) ?? []);
      return documents.length > 0 ? [t('incoming.trail.replacesDocuments', { documents: documents.join(', ') })] : [];
    }
    default:
      return [];
  }
}

function detailLines(
  event: IncomingEvent,
  doc: IncomingDetail,
  t: TFunction,
  nameOf: (userId: string) => string | undefined,
  typeName: (code: string) => string,
): string[] {
  const d = event.details;
  switch (event.action) {
    case 'registered': {
      const number = typeof d.arrivalNumber === 'number' ? d.arrivalNumber : doc.arrivalNumber;
      const register = str(d.registerName) ?? doc.registerName ?? '';
      return [t('incoming.trail.registeredAs', { number: number ?? '', register })];
    }
    case 'presented': {
      const leader = str(d.leaderId) ? nameOf(str(d.leaderId) ?? '') : undefined;
      return leader ? [t('incoming.trail.presentedTo', { name: leader })] : [];
    }
    case 'directed':
    case 'redirected':
    case 'assigned':
    case 'reassigned':
      return assignedLines(d, doc.assignments, t);
    case 'extension_requested':
      return str(d.to) ? [t('incoming.trail.extensionTo', { date: formatDate(str(d.to)) })] : [];
    case 'extension_approved':
    case 'extension_refused':
      return str(d.deadline) ? [t('incoming.trail.extensionTo', { date: formatDate(str(d.deadline)) })] : [];
    case 'completed': {
      const lines: string[] = [];
      if (str(d.answeredBy)) lines.push(t('incoming.trail.answeredBy', { number: str(d.answeredBy) }));
      if (d.late === true) lines.push(t('incoming.trail.late'));
      else if (str(d.dueDate)) lines.push(t('incoming.trail.onTime'));
      return lines;
    }
    case 'updated_by_sender':
    case 'replaced_by_sender':
    case 'replaces':
      return senderLines(event, t, typeName);
    default:
      return [];
  }
}

export function IncomingTrail({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const typeName = useDocumentTypeName();
  const nameOf = (userId: string) => colleagues.data?.find((p) => p.id === userId)?.fullName;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm" id="incoming-trail">
        {t('incoming.trail.title')}
      </Title>
      {doc.trail.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('incoming.trail.empty')}
        </Text>
      ) : (
        <Timeline
          bulletSize={14}
          lineWidth={2}
          active={doc.trail.length - 1}
          role="list"
          aria-labelledby="incoming-trail"
        >
          {doc.trail.map((event) => {
            const note = event.note;
            const lines = detailLines(event, doc, t, nameOf, typeName);
            return (
              <Timeline.Item
                key={event.id}
                role="listitem"
                color={isKnown(event.action) ? COLORS[event.action] : undefined}
                title={<Text fw={600}>{eventLabel(event.action, t)}</Text>}
              >
                <Stack gap={2}>
                  <Text size="sm">
                    {event.actorName ?? t('incoming.trail.system')}
                    {' · '}
                    <time dateTime={event.occurredAt}>{formatMinute(event.occurredAt)}</time>
                  </Text>
                  {lines.map((line) => (
                    <Text key={line} size="sm" c="dimmed">
                      {line}
                    </Text>
                  ))}
                  {note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      “{note}”
                    </Text>
                  )}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
