/**
 * Soạn / sửa dự thảo văn bản đi: type, trích yếu, body, signer with position and authority prefix, recipients
 * on EduGov and others, urgency, confidentiality, reply due date, the incoming document it answers, and files.
 * Editing sends the version read; a 409 conflict says so and offers to reload.
 */
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { isConflict } from '../../lib/errorText';
import { useNotify } from '../../lib/useNotify';
import { FileUploadButton } from '../files/FileUploadButton';
import { personOptions, useLeaders } from '../incoming/colleagues';
import { useDocumentTypeOptions } from '../incoming/documentTypes';
import {
  draftBody,
  draftErrors,
  initialDraftValues,
  relatedLabel,
  valuesFromDetail,
  type DraftField,
  type DraftFormValues,
  type FieldError,
  type FileChoice,
} from './draft.form';
import {
  useCreateDraft,
  useIncomingSearch,
  useIssuedSearch,
  useOrganizationSearch,
  useOutgoing,
  useUpdateDraft,
} from './outgoing.queries';
import { AUTHORITY_PREFIXES, type OutgoingDetail } from './outgoing.types';

const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'] as const;
const CONFIDENTIALITIES = ['normal', 'confidential', 'secret', 'top_secret'] as const;

export function NewDraftPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const create = useCreateDraft();
  return (
    <>
      <PageHeader title={t('outgoing.form.newTitle')} />
      <DraftForm
        initial={initialDraftValues}
        error={create.error}
        loading={create.isPending}
        onSubmit={(values) =>
          create.mutate(draftBody(values), {
            onSuccess: (doc) => {
              notify.success(t('outgoing.form.saved'));
              void navigate(`/e-office/outgoing/${doc.id}`);
            },
          })
        }
        cancelTo="/e-office/outgoing?view=mine"
      />
    </>
  );
}

export function EditDraftPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useOutgoing(id);
  return (
    <>
      <PageHeader title={t('outgoing.form.editTitle')} />
      {query.isLoading && <Loader aria-label={t('common.loading')} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <EditDraft doc={query.data} onReload={async () => (await query.refetch()).data} />}
    </>
  );
}

function EditDraft({ doc, onReload }: { doc: OutgoingDetail; onReload: () => Promise<OutgoingDetail | undefined> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const update = useUpdateDraft(doc.id);
  // The document as the form was filled from it: its version is sent back so the server can refuse a stale
  // save (409); a background refresh does not replace what the user is typing, only "Tải lại" does.
  const [loaded, setLoaded] = useState(doc);
  const reload = () => {
    update.reset();
    void onReload().then((fresh) => fresh && setLoaded(fresh));
  };

  if (!doc.actions.includes('update')) {
    return (
      <Alert color="orange" variant="light">
        {t('outgoing.form.notEditable')}{' '}
        <Anchor component={Link} to={`/e-office/outgoing/${doc.id}`}>
          {t('outgoing.backToList')}
        </Anchor>
      </Alert>
    );
  }
  return (
    <DraftForm
      key={`${loaded.id}-${loaded.version}`}
      initial={valuesFromDetail(loaded)}
      error={update.error}
      loading={update.isPending}
      onReload={reload}
      onSubmit={(values) =>
        update.mutate(
          { ...draftBody(values), version: loaded.version },
          {
            onSuccess: () => {
              notify.success(t('outgoing.form.saved'));
              void navigate(`/e-office/outgoing/${doc.id}`);
            },
          },
        )
      }
      cancelTo={`/e-office/outgoing/${doc.id}`}
    />
  );
}

interface DraftFormProps {
  initial: DraftFormValues;
  onSubmit: (values: DraftFormValues) => void;
  error: unknown;
  loading: boolean;
  cancelTo: string;
  onReload?: () => void;
}

export function DraftForm({ initial, onSubmit, error, loading, cancelTo, onReload }: DraftFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<DraftFormValues>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const set = <K extends keyof DraftFormValues>(key: K, value: DraftFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const errors = draftErrors(values);
  const fieldError = (field: DraftField) => {
    const e: FieldError | undefined = showErrors ? errors[field] : undefined;
    if (!e) return undefined;
    return t(e.key, { field: e.field ? t(`outgoing.fields.${e.field as DraftField}`).toLowerCase() : '', max: e.max });
  };

  const typeOptions = useDocumentTypeOptions();
  const leaders = useLeaders();
  const leaderOptions = personOptions(leaders.data ?? []);

  const [orgSearch, setOrgSearch] = useState('');
  const [orgQ] = useDebouncedValue(orgSearch.trim(), 300);
  const orgs = useOrganizationSearch(orgQ);
  const orgOptions = useMemo(() => {
    const map = new Map<string, string>();
    for (const o of values.internal) map.set(o.id, o.name);
    for (const o of orgs.data ?? []) map.set(o.id, o.name);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [orgs.data, values.internal]);

  const [incomingSearch, setIncomingSearch] = useState('');
  const [incomingQ] = useDebouncedValue(incomingSearch.trim(), 300);
  const incoming = useIncomingSearch(incomingQ);
  const incomingOptions = useMemo(() => {
    const list = (incoming.data ?? []).map((d) => ({ value: d.id, label: `${d.numberNotation} — ${d.subject}` }));
    if (values.answersIncomingId && !list.some((o) => o.value === values.answersIncomingId)) {
      list.unshift({ value: values.answersIncomingId, label: values.answersIncomingId });
    }
    return list;
  }, [incoming.data, values.answersIncomingId]);

  const [issuedSearch, setIssuedSearch] = useState('');
  const [issuedQ] = useDebouncedValue(issuedSearch.trim(), 300);
  const issued = useIssuedSearch(issuedQ);
  const issuedOptions = useMemo(() => {
    const map = new Map<string, string>();
    if (values.relatesTo) map.set(values.relatesTo.id, values.relatesTo.label);
    for (const d of issued.data ?? []) map.set(d.id, relatedLabel(d));
    return [...map].map(([value, label]) => ({ value, label }));
  }, [issued.data, values.relatesTo]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length > 0) return;
    onSubmit(values);
  };

  const chooseSigner = (id: string | null) => {
    const person = leaders.data?.find((p) => p.id === id);
    setValues((v) => ({
      ...v,
      signerUserId: id,
      signerPositionTitle: v.signerPositionTitle || person?.positionName || '',
    }));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('outgoing.form.newTitle')}>
      <Stack gap="md" maw={960}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('outgoing.fields.docType')}
            data={typeOptions}
            value={values.docType}
            onChange={(v) => set('docType', v as DraftFormValues['docType'])}
            searchable
            required
            error={fieldError('docType')}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <Group grow>
            <Select
              label={t('outgoing.fields.urgency')}
              data={URGENCIES.map((u) => ({ value: u, label: t(`outgoing.urgency.${u}`) }))}
              value={values.urgency}
              onChange={(v) => v && set('urgency', v as DraftFormValues['urgency'])}
              allowDeselect={false}
            />
            <Select
              label={t('outgoing.fields.confidentiality')}
              data={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(`outgoing.confidentiality.${c}`) }))}
              value={values.confidentiality}
              onChange={(v) => v && set('confidentiality', v as DraftFormValues['confidentiality'])}
              allowDeselect={false}
            />
          </Group>
        </SimpleGrid>
        <Textarea
          label={t('outgoing.fields.subject')}
          value={values.subject}
          onChange={(e) => set('subject', e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={fieldError('subject')}
        />
        <Textarea
          label={t('outgoing.fields.body')}
          description={t('outgoing.fields.bodyHint')}
          value={values.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          autosize
          minRows={8}
          error={fieldError('body')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('outgoing.fields.authorityPrefix')}
            data={[
              { value: 'none', label: t('outgoing.authority.none') },
              ...AUTHORITY_PREFIXES.map((p) => ({ value: p, label: t(`outgoing.authority.${p}`) })),
            ]}
            value={values.authorityPrefix}
            onChange={(v) => v && set('authorityPrefix', v as DraftFormValues['authorityPrefix'])}
            allowDeselect={false}
          />
          <Select
            label={t('outgoing.fields.signer')}
            data={leaderOptions}
            value={values.signerUserId}
            onChange={chooseSigner}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
          />
          <TextInput
            label={t('outgoing.fields.signerPositionTitle')}
            value={values.signerPositionTitle}
            onChange={(e) => set('signerPositionTitle', e.currentTarget.value)}
            error={fieldError('signerPositionTitle')}
          />
        </SimpleGrid>
        {['KT', 'TL', 'TUQ'].includes(values.authorityPrefix) && (
          <TextInput
            label={t('outgoing.fields.principalTitle')}
            description={t('outgoing.fields.principalTitleHint')}
            value={values.principalTitle}
            onChange={(e) => set('principalTitle', e.currentTarget.value)}
            error={fieldError('principalTitle')}
          />
        )}
        <MultiSelect
          label={t('outgoing.fields.recipientsInternal')}
          data={orgOptions}
          value={values.internal.map((o) => o.id)}
          onChange={(ids) =>
            set(
              'internal',
              ids.map((id) => ({ id, name: orgOptions.find((o) => o.value === id)?.label ?? id })),
            )
          }
          searchable
          searchValue={orgSearch}
          onSearchChange={setOrgSearch}
          filter={({ options }) => options}
          nothingFoundMessage={t('common.nothingFound')}
        />
        <TagsInput
          label={t('outgoing.fields.recipientsExternal')}
          description={t('outgoing.fields.recipientsExternalHint')}
          value={values.external}
          onChange={(v) => set('external', v)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('outgoing.fields.replyDueDate')}
            value={values.replyDueDate}
            onChange={(e) => set('replyDueDate', e.currentTarget.value)}
            error={fieldError('replyDueDate')}
          />
          <Select
            label={t('outgoing.fields.answersIncoming')}
            description={t('outgoing.fields.answersIncomingHint')}
            data={incomingOptions}
            value={values.answersIncomingId}
            onChange={(v) => set('answersIncomingId', v)}
            searchable
            clearable
            searchValue={incomingSearch}
            onSearchChange={setIncomingSearch}
            filter={({ options }) => options}
            nothingFoundMessage={t('common.nothingFound')}
          />
        </SimpleGrid>
        {values.answersIncomingId && (
          <Checkbox
            label={t('outgoing.fields.completesAnswered')}
            description={t('outgoing.fields.completesAnsweredHint')}
            checked={values.completesAnswered}
            onChange={(e) => set('completesAnswered', e.currentTarget.checked)}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('outgoing.fields.relatesTo')}
            description={t('outgoing.fields.relatesToHint')}
            data={issuedOptions}
            value={values.relatesTo?.id ?? null}
            onChange={(v) =>
              set('relatesTo', v ? { id: v, label: issuedOptions.find((o) => o.value === v)?.label ?? v } : null)
            }
            searchable
            clearable
            searchValue={issuedSearch}
            onSearchChange={setIssuedSearch}
            filter={({ options }) => options}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <Select
            label={t('outgoing.fields.relationKind')}
            data={[
              { value: 'replaces', label: t('outgoing.relation.replaces') },
              { value: 'corrects', label: t('outgoing.relation.corrects') },
            ]}
            value={values.relationKind}
            onChange={(v) => set('relationKind', v === 'corrects' ? 'corrects' : 'replaces')}
            allowDeselect={false}
            disabled={!values.relatesTo}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FileList
            title={t('outgoing.fields.draftFiles')}
            files={values.draftFiles}
            onChange={(files) => set('draftFiles', files)}
            uploadLabel={t('outgoing.form.uploadDraft')}
          />
          <FileList
            title={t('outgoing.fields.attachments')}
            files={values.attachments}
            onChange={(files) => set('attachments', files)}
            uploadLabel={t('outgoing.form.uploadAttachment')}
          />
        </SimpleGrid>
        {isConflict(error) && (
          <Alert color="orange" variant="light" role="status">
            {t('outgoing.form.conflict')}
          </Alert>
        )}
        <FormError error={error} onReload={onReload} />
        <Group>
          <Button type="submit" loading={loading}>
            {t('outgoing.form.save')}
          </Button>
          <Button component={Link} to={cancelTo} variant="default">
            {t('outgoing.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FileList({
  title,
  files,
  onChange,
  uploadLabel,
}: {
  title: string;
  files: FileChoice[];
  onChange: (files: FileChoice[]) => void;
  uploadLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fw={500} size="sm" mb={6}>
        {title}
      </Text>
      <Stack gap={4} mb="xs">
        {files.map((f) => (
          <Group key={f.id} gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {f.name}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => onChange(files.filter((x) => x.id !== f.id))}
              aria-label={`${t('outgoing.form.remove')} ${f.name}`}
            >
              {t('outgoing.form.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
      <FileUploadButton
        label={uploadLabel}
        onUploaded={(file) => onChange([...files, { id: file.id, name: file.name }])}
      />
    </Paper>
  );
}
