/**
 * One signature image (mine, blue) or the organisation's seal (red): the one in use, and a PNG with a
 * transparent background to replace it, previewed before it is saved. The server checks the PNG.
 */
import { Alert, Button, FileButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../lib/useNotify';
import { fileToBase64, imageUrl, useSetImage } from './signatures.queries';
import type { ImageKind } from './signatures.types';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

async function isPng(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return PNG_SIGNATURE.every((byte, i) => head[i] === byte);
}

const CHECKERBOARD = 'repeating-conic-gradient(#eee 0% 25%, #fff 0% 50%) 50% / 16px 16px';

export function SignatureImageCard({ kind }: { kind: ImageKind }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const save = useSetImage(kind);
  // Changes after a save (and per visit), so the browser loads the image in use again.
  const [version, setVersion] = useState(() => Date.now());
  const [missing, setMissing] = useState(false);
  const [picked, setPicked] = useState<{ name: string; base64: string } | null>(null);
  const [notPng, setNotPng] = useState(false);
  const resetPicker = useRef<() => void>(null);
  const titleId = `signature-image-${kind}`;

  const pick = (file: File | null) => {
    resetPicker.current?.();
    save.reset();
    if (!file) return;
    void (async () => {
      if (!(await isPng(file))) {
        setPicked(null);
        setNotPng(true);
        return;
      }
      setNotPng(false);
      setPicked({ name: file.name, base64: await fileToBase64(file) });
    })();
  };

  return (
    <Paper withBorder radius="md" p="md" role="region" aria-labelledby={titleId}>
      <Title id={titleId} order={3} size="h5" mb="xs">
        {t(`signatures.images.${kind}`)}
      </Title>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('signatures.images.current')}
          </Text>
          {missing ? (
            <Text size="sm" c="dimmed">
              {t('signatures.images.noImage')}
            </Text>
          ) : (
            <Image
              src={imageUrl(kind, version)}
              alt={t(`signatures.images.currentAlt.${kind}`)}
              h={96}
              w="auto"
              fit="contain"
              style={{ background: CHECKERBOARD, alignSelf: 'flex-start' }}
              onError={() => setMissing(true)}
            />
          )}
        </Stack>
        {picked && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('signatures.images.preview')} — {picked.name}
            </Text>
            <Image
              src={`data:image/png;base64,${picked.base64}`}
              alt={t('signatures.images.previewAlt')}
              h={96}
              w="auto"
              fit="contain"
              style={{ background: CHECKERBOARD, alignSelf: 'flex-start' }}
            />
          </Stack>
        )}
        {notPng && (
          <Alert color="red" variant="light" role="alert">
            {t('signatures.images.notPng')}
          </Alert>
        )}
        <FormError error={save.error} />
        <Group gap="xs">
          <FileButton onChange={pick} accept="image/png" resetRef={resetPicker}>
            {(props) => (
              <Button {...props} variant="default" size="xs">
                {t('signatures.images.pick')}
              </Button>
            )}
          </FileButton>
          <Button
            size="xs"
            disabled={!picked}
            loading={save.isPending}
            onClick={() =>
              picked &&
              save.mutate(picked.base64, {
                onSuccess: () => {
                  notify.success(t(`signatures.images.saved.${kind}`));
                  setPicked(null);
                  setMissing(false);
                  setVersion(Date.now());
                },
              })
            }
          >
            {t('signatures.images.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
