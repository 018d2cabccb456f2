/**
 * A PDF shown in the page with pdf.js: one page at a time on a canvas, with page navigation and zoom.
 * The bytes are fetched with the session cookie (so a missing or forbidden file gives our own message),
 * then handed to pdf.js, which parses them in its worker.
 */
import { ActionIcon, Alert, Anchor, Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, toApiError } from '../../api/errors';
import { ME_QUERY_KEY } from '../../api/queryClient';
import { AlertIcon } from '../../components/icons';
import { currentLanguage } from '../../i18n/i18n';
import { fileContentUrl } from './files.api';
import { fileErrorText } from './fileErrorText';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, RenderTask } from './pdfjs';

export interface PdfPreviewProps {
  /** The file to show (its content is fetched with `?inline=true`), or… */
  fileId?: string;
  /** …any same-origin URL of a PDF. */
  url?: string;
  /** Height of the scrolling page area; default 70vh. */
  height?: number | string;
  /** Zoom to start with; default 1 (100%). */
  initialScale?: number;
}

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; doc: PDFDocumentProxy };

async function fetchPdf(src: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(new URL(src, window.location.href), {
      credentials: 'same-origin',
      headers: { Accept: 'application/pdf', 'Accept-Language': currentLanguage() },
    });
  } catch (cause) {
    throw toApiError(0, cause);
  }
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => undefined));
  return new Uint8Array(await res.arrayBuffer());
}

export function PdfPreview({ fileId, url, height = '70vh', initialScale = 1 }: PdfPreviewProps) {
  const src = url ?? (fileId ? fileContentUrl(fileId, { inline: true }) : undefined);
  if (!src) return null;
  // A new file starts afresh: loading, page 1, the initial zoom.
  return <PdfDocumentView key={src} src={src} fileId={fileId} height={height} initialScale={initialScale} />;
}

function PdfDocumentView({
  src,
  fileId,
  height,
  initialScale,
}: {
  src: string;
  fileId: string | undefined;
  height: number | string;
  initialScale: number;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [page, setPage] = useState(1);
  const [scale, setScale] = useState(initialScale);
  const [renderError, setRenderError] = useState<unknown>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let cancelled = false;
    let task: PDFDocumentLoadingTask | undefined;
    (async () => {
      const data = await fetchPdf(src);
      const { pdfjs } = await import('./pdfjs');
      if (cancelled) return;
      // No eval: the app's Content-Security-Policy forbids it.
      task = pdfjs.getDocument({ data, isEvalSupported: false });
      const doc = await task.promise;
      if (!cancelled) setLoaded({ status: 'ready', doc });
    })().catch((error: unknown) => {
      if (cancelled) return;
      if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(ME_QUERY_KEY, null);
      setLoaded({ status: 'error', error });
    });
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [src, queryClient]);

  const doc = loaded.status === 'ready' ? loaded.doc : undefined;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas) return;
    let cancelled = false;
    let renderTask: RenderTask | undefined;
    (async () => {
      const pdfPage = await doc.getPage(page);
      if (cancelled) return;
      const viewport = pdfPage.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      renderTask = pdfPage.render({
        canvas,
        viewport,
        ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}),
      });
      await renderTask.promise;
    })().catch((error: unknown) => {
      if (!cancelled && (error as Error)?.name !== 'RenderingCancelledException') setRenderError(error);
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
    };
  }, [doc, page, scale]);

  if (loaded.status === 'loading') {
    return (
      <Center h={height} aria-busy="true">
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('files.preview.loading')}</Text>
        </Group>
      </Center>
    );
  }
  if (loaded.status === 'error' || renderError) {
    const error = loaded.status === 'error' ? loaded.error : renderError;
    return (
      <Alert color="red" variant="light" icon={<AlertIcon />} title={t('files.preview.failed')} role="alert">
        <Text size="sm">{pdfErrorText(error)}</Text>
        {fileId && !(error instanceof ApiError) && (
          <Anchor href={fileContentUrl(fileId)} size="sm">
            {t('files.preview.download')}
          </Anchor>
        )}
      </Alert>
    );
  }

  const pages = loaded.doc.numPages;
  const zoomIndex = ZOOM_STEPS.findIndex((z) => z >= scale - 1e-6);
  const pageLabel = t('files.preview.page', { page, pages });
  return (
    <Stack gap="xs" aria-label={t('files.preview.label')} role="region">
      <Group justify="space-between" gap="xs">
        <Group gap={4}>
          <ActionIcon
            variant="default"
            aria-label={t('files.preview.previousPage')}
            disabled={page <= 1}
            onClick={() => setPage((p) => Math.max(1, p - 1))}
          >
            ‹
          </ActionIcon>
          <Text size="sm" aria-live="polite" miw={110} ta="center">
            {pageLabel}
          </Text>
          <ActionIcon
            variant="default"
            aria-label={t('files.preview.nextPage')}
            disabled={page >= pages}
            onClick={() => setPage((p) => Math.min(pages, p + 1))}
          >
            ›
          </ActionIcon>
        </Group>
        <Group gap={4}>
          <ActionIcon
            variant="default"
            aria-label={t('files.preview.zoomOut')}
            disabled={scale <= ZOOM_STEPS[0]!}
            onClick={() => setScale(ZOOM_STEPS[Math.max(0, zoomIndex - 1)]!)}
          >
            −
          </ActionIcon>
          <Button variant="subtle" size="compact-sm" title={t('files.preview.zoomReset')} onClick={() => setScale(1)}>
            {t('files.preview.zoom', { percent: Math.round(scale * 100) })}
          </Button>
          <ActionIcon
            variant="default"
            aria-label={t('files.preview.zoomIn')}
            disabled={scale >= ZOOM_STEPS[ZOOM_STEPS.length - 1]!}
            onClick={() => setScale(ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, zoomIndex + 1)]!)}
          >
            +
          </ActionIcon>
          {fileId && (
            <Anchor href={fileContentUrl(fileId)} size="sm" ml="xs">
              {t('files.preview.download')}
            </Anchor>
          )}
        </Group>
      </Group>
      <Box h={height} style={{ overflow: 'auto', background: 'var(--mantine-color-gray-1)' }} p="sm">
        <canvas ref={canvasRef} role="img" aria-label={pageLabel} style={{ display: 'block', margin: '0 auto' }} />
      </Box>
    </Stack>
  );

  function pdfErrorText(error: unknown): string {
    const name = (error as Error | undefined)?.name;
    if (name === 'PasswordException') return t('files.preview.password');
    if (name === 'InvalidPDFException') return t('files.preview.invalid');
    return fileErrorText(error, t, i18n.language);
  }
}
