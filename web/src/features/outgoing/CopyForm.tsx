/**
 * The clerk's form for a copy: the form (sao y or trích sao; sao lục when made from a sao y), paper or
 * electronic, for a trích sao the pages or the re-typed excerpt, the signing leader and title, the recipients.
 * Once made, the copy's number and its PDF to download.
 */
import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { personOptions, useLeaders } from '../incoming/colleagues';
import { useMakeCopy, type CopyMedium, type CopySourceKind, type DocumentCopy, type NewCopy } from './copies.queries';

type Part = 'pages' | 'excerpt';

export function CopyForm({
  kind,
  id,
  fromCopy,
  onClose,
}: {
  kind: CopySourceKind;
  id: string;
  /** A sao y to make a sao lục of; null for a copy of the document itself. */
  fromCopy: DocumentCopy | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const leaders = useLeaders();
  const make = useMakeCopy(kind, id);
  const [form, setForm] = useState<'SY' | 'TrS'>('SY');
  const [medium, setMedium] = useState<CopyMedium>('paper');
  const [part, setPart] = useState<Part>('pages');
  const [pages, setPages] = useState('');
  const [excerpt, setExcerpt] = useState('');
  const [signerUserId, setSignerUserId] = useState<string | null>(null);
  const [signerTitle, setSignerTitle] = useState('');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [missing, setMissing] = useState<string | null>(null);

  const made = make.data;
  if (made) {
    return (
      <Stack gap="sm">
        <Alert color="green" variant="light" role="status">
          {t('copies.made', { number: made.fullNumber })}
        </Alert>
        <Group justify="flex-end">
          <Button component="a" href={made.fileUrl} download>
            {t('copies.downloadPdf')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const trs = fromCopy === null && form === 'TrS';
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!signerUserId) return setMissing(t('copies.signerRequired'));
    if (trs && part === 'pages' && !pages.trim()) return setMissing(t('copies.pagesRequired'));
    if (trs && part === 'excerpt' && !excerpt.trim()) return setMissing(t('copies.excerptRequired'));
    setMissing(null);
    const body: NewCopy = {
      source: fromCopy ? { type: 'copy', id: fromCopy.id } : { type: kind, id },
      form: fromCopy ? 'SL' : form,
      medium,
      signerUserId,
      recipients,
      ...(signerTitle.trim() ? { signerTitle: signerTitle.trim() } : {}),
      ...(trs && part === 'pages' ? { pages: pages.trim() } : {}),
      ...(trs && part === 'excerpt' ? { excerpt: excerpt.trim() } : {}),
    };
    make.mutate(body);
  }

  const signer = leaders.data?.find((p) => p.id === signerUserId);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {fromCopy ? (
          <Text size="sm">{t('copies.slHint', { number: fromCopy.fullNumber })}</Text>
        ) : (
          <SegmentedControl
            aria-label={t('copies.formLabel')}
            value={form}
            onChange={(v) => setForm(v as 'SY' | 'TrS')}
            data={[
              { value: 'SY', label: t('copies.forms.SY') },
              { value: 'TrS', label: t('copies.forms.TrS') },
            ]}
          />
        )}
        {trs && (
          <>
            <SegmentedControl
              aria-label={t('copies.part')}
              value={part}
              onChange={(v) => setPart(v as Part)}
              data={[
                { value: 'pages', label: t('copies.partPages') },
                { value: 'excerpt', label: t('copies.partExcerpt') },
              ]}
            />
            {part === 'pages' ? (
              <TextInput
                label={t('copies.pages')}
                description={t('copies.pagesHint')}
                placeholder="1-3,5"
                value={pages}
                onChange={(e) => setPages(e.currentTarget.value)}
                required
              />
            ) : (
              <Textarea
                label={t('copies.excerpt')}
                value={excerpt}
                onChange={(e) => setExcerpt(e.currentTarget.value)}
                autosize
                minRows={4}
                required
              />
            )}
          </>
        )}
        <Select
          label={t('copies.medium')}
          value={medium}
          onChange={(v) => setMedium((v as CopyMedium | null) ?? 'paper')}
          data={[
            { value: 'paper', label: t('copies.media.paper') },
            { value: 'electronic', label: t('copies.media.electronic') },
          ]}
          allowDeselect={false}
        />
        <Select
          label={t('copies.signer')}
          placeholder={t('copies.signerPlaceholder')}
          data={personOptions(leaders.data ?? [])}
          value={signerUserId}
          onChange={setSignerUserId}
          searchable
          required
        />
        <TextInput
          label={t('copies.signerTitle')}
          placeholder={signer?.positionName ?? t('copies.signerTitleHint')}
          value={signerTitle}
          onChange={(e) => setSignerTitle(e.currentTarget.value)}
        />
        <TagsInput
          label={t('copies.recipients')}
          description={t('copies.recipientsHint')}
          value={recipients}
          onChange={setRecipients}
        />
        {missing && (
          <Alert color="red" variant="light" role="alert">
            {missing}
          </Alert>
        )}
        <FormError error={make.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={make.isPending}>
            {t('copies.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
