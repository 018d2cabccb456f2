/**
 * Vào sổ văn bản đến (the clerk): upload the scan (and attachments), fill in the metadata of Decree 30 beside
 * the PDF preview, see possible duplicates as soon as issuer, number and date are filled in, and register.
 * When the server still finds a possible duplicate, the clerk may confirm and register anyway; when it finds the
 * scan's digital signature invalid, the clerk may register it anyway with a reason.
 */
import { Anchor, Button, CloseButton, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../lib/useNotify';
import type { UploadedFile } from '../files/files.api';
import { FileUploadButton } from '../files/FileUploadButton';
import { PdfPreview } from '../files/PdfPreview';
import { DuplicateWarning, duplicatesOf } from './DuplicateWarning';
import { formatSize } from './format';
import { IncomingMetadataFields } from './IncomingMetadataFields';
import {
  initialIncomingValues,
  noSignatureAcceptance,
  signatureAcceptanceError,
  toNewIncoming,
  validateIncoming,
  type IncomingFormValues,
  type SignatureAcceptance,
} from './incoming.form';
import { InvalidSignatureWarning, isSignatureRefusal, useSignatureRefusal } from './InvalidSignatureWarning';
import { useCreateIncoming, useDuplicates, useRegisters } from './incoming.queries';

const PDF_ONLY = '.pdf,application/pdf';
/** The fields the server compares to find a possible duplicate. */
const DUPLICATE_KEYS = ['issuerName', 'numberNotation', 'documentDate'] as const;

export interface RegisteredState {
  /** The arrival number just given, to say so on the document's page. */
  registeredNumber?: number | null;
}

function isPossibleDuplicate(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'documents.possible_duplicate';
}

export function RegisterIncomingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const create = useCreateIncoming();
  const registers = useRegisters();
  const [values, setValues] = useState<IncomingFormValues>(() => initialIncomingValues());
  const [submitted, setSubmitted] = useState(false);
  /** The clerk confirmed registering despite possible duplicates (until issuer, number or date change). */
  const [duplicateConfirmed, setDuplicateConfirmed] = useState(false);
  const [acceptance, setAcceptance] = useState<SignatureAcceptance>(noSignatureAcceptance);
  const [acceptanceTried, setAcceptanceTried] = useState(false);
  const [keys] = useDebouncedValue(
    { issuerName: values.issuerName, numberNotation: values.numberNotation, documentDate: values.documentDate },
    400,
  );
  const duplicates = useDuplicates(keys.issuerName, keys.numberNotation, keys.documentDate);

  const errors = validateIncoming(values);
  const shownErrors = submitted ? errors : {};
  const refused = isPossibleDuplicate(create.error) ? create.error : undefined;
  // About the scan, not the metadata: it stays while the clerk edits the other fields.
  const signature = useSignatureRefusal(create.error);

  const change = (patch: Partial<IncomingFormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
    // What the server said was about the values as they were.
    if (create.error) create.reset();
    if (DUPLICATE_KEYS.some((key) => key in patch)) setDuplicateConfirmed(false);
    if ('mainFile' in patch) {
      signature.clear();
      setAcceptance(noSignatureAcceptance);
      setAcceptanceTried(false);
    }
  };

  const send = (allowDuplicate: boolean) => {
    if (signature.refusal) {
      setAcceptanceTried(true);
      if (signatureAcceptanceError(acceptance)) return;
    }
    create.mutate(toNewIncoming(values, allowDuplicate, signature.refusal ? acceptance : noSignatureAcceptance), {
      onSuccess: (doc) => {
        notify.success(t('incoming.registered', { number: doc.arrivalNumber ?? '' }));
        const state: RegisteredState = { registeredNumber: doc.arrivalNumber };
        void navigate(`/e-office/incoming/${doc.id}`, { state });
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    send(duplicateConfirmed);
  };

  const confirmDuplicate = () => {
    setDuplicateConfirmed(true);
    send(true);
  };

  return (
    <>
      <Anchor component={Link} to="/e-office/incoming" size="sm">
        ← {t('incoming.backToList')}
      </Anchor>
      <PageHeader title={t('incoming.form.title')} description={t('incoming.form.description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <form onSubmit={submit} noValidate aria-label={t('incoming.form.title')}>
            <Stack gap="md">
              <FilesCard values={values} onChange={change} showErrors={submitted} />
              <Paper withBorder radius="md" p="md">
                <IncomingMetadataFields
                  values={values}
                  onChange={change}
                  errors={shownErrors}
                  registers={registers.data ?? []}
                />
              </Paper>
              {!refused && <DuplicateWarning duplicates={duplicates.data ?? []} />}
              {refused ? (
                <DuplicateWarning
                  duplicates={duplicatesOf(refused.details)}
                  onConfirm={confirmDuplicate}
                  confirming={create.isPending}
                />
              ) : (
                !isSignatureRefusal(create.error) && <FormError error={create.error} />
              )}
              {signature.refusal && (
                <InvalidSignatureWarning
                  refusal={signature.refusal}
                  value={acceptance}
                  onChange={setAcceptance}
                  showErrors={acceptanceTried}
                />
              )}
              {submitted && Object.keys(errors).length > 0 && (
                <Text size="sm" c="red" role="alert">
                  {t('incoming.form.errors.fixFields')}
                </Text>
              )}
              <Group justify="flex-end">
                <Button variant="default" component={Link} to="/e-office/incoming">
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={create.isPending && !refused}>
                  {t('incoming.form.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder radius="md" p="sm" style={{ position: 'sticky', top: 76 }}>
            {values.mainFile ? (
              <PdfPreview fileId={values.mainFile.id} height="75vh" />
            ) : (
              <Text c="dimmed" size="sm" ta="center" py="xl">
                {t('incoming.form.previewEmpty')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}

interface FilesCardProps {
  values: IncomingFormValues;
  onChange: (patch: Partial<IncomingFormValues>) => void;
  showErrors: boolean;
}

/** The scan (required, PDF) and the attachments. */
function FilesCard({ values, onChange, showErrors }: FilesCardProps) {
  const { t } = useTranslation();
  const { mainFile, attachments } = values;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('incoming.form.mainFile')}{' '}
          <Text span c="red" aria-hidden="true">
            *
          </Text>
        </Title>
        {mainFile ? (
          <FileLine file={mainFile} onRemove={() => onChange({ mainFile: null })} />
        ) : (
          <FileUploadButton
            accept={PDF_ONLY}
            label={t('incoming.form.uploadMain')}
            variant="light"
            onUploaded={(file) => onChange({ mainFile: file })}
          />
        )}
        {showErrors && !mainFile && (
          <Text size="sm" c="red" role="alert">
            {t('incoming.form.errors.mainFile')}
          </Text>
        )}
        <Title order={2} size="h5">
          {t('incoming.form.attachments')}
        </Title>
        {attachments.map((file) => (
          <FileLine
            key={file.id}
            file={file}
            onRemove={() => onChange({ attachments: attachments.filter((f) => f.id !== file.id) })}
          />
        ))}
        <FileUploadButton
          label={t('incoming.form.uploadAttachment')}
          withHint
          onUploaded={(file) => onChange({ attachments: [...attachments, file] })}
        />
      </Stack>
    </Paper>
  );
}

function FileLine({ file, onRemove }: { file: UploadedFile; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {file.name}{' '}
        <Text span size="xs" c="dimmed">
          ({formatSize(file.sizeBytes)})
        </Text>
      </Text>
      <CloseButton size="sm" aria-label={t('incoming.form.removeFile', { name: file.name })} onClick={onRemove} />
    </Group>
  );
}
