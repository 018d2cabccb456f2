/**
 * A PDF shown in the page with pdf.js: one page at a time on a canvas, with page navigation and zoom.
 * By default the page is fitted to the panel's width (measured, and re-fitted when the panel is resized);
 * the zoom buttons then step from that real zoom, and a button returns to fitting.
 * The bytes are fetched with the session cookie (so a missing or forbidden file gives our own message),
 * then handed to pdf.js, which parses them in its worker.
 */
import { ActionIcon, Alert, Anchor, Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useElementSize } from '@mantine/hooks';
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
import { canvasPixelRatio, fitWidthScale, zoomInStep, zoomOutStep } from './pdfZoom';

export interface PdfPreviewProps {
  /** The file to show (its content is fetched with `?inline=true`), or… */
  fileId?: string;
  /** …any same-origin URL of a PDF. */
  url?: string;
  /** Height of the scrolling page area; default 70vh. */
  height?: number | string;
  /** Zoom to start with (1 = 100%); by default the first page is fitted to the panel's width. */
  initialScale?: number;
}

/** How long the panel's width must stay still before the page is drawn again at the new fitted zoom. */
const RESIZE_DEBOUNCE_MS = 150;

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  /** `pageWidth`: the first page's width at zoom 1, which fitting is computed from. */
  | { status: 'ready'; doc: PDFDocumentProxy; pageWidth: number };

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

export function PdfPreview({ fileId, url, height = '70vh', initialScale }: PdfPreviewProps) {
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
  initialScale: number | undefined;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [page, setPage] = useState(1);
  // undefined: fit the page to the panel's width; a number: the zoom the user (or the caller) chose.
  const [chosenScale, setChosenScale] = useState<number | undefined>(initialScale);
  const [renderError, setRenderError] = useState<unknown>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The page area's width inside its padding and scrollbar gutter; debounced so that dragging a window edge
  // re-draws the page once it settles (the first measurement is applied at once).
  const { ref: areaRef, width: areaWidth } = useElementSize<HTMLDivElement>({ box: 'content-box' });
  const [fitWidth] = useDebouncedValue(Math.floor(areaWidth), RESIZE_DEBOUNCE_MS, { leading: true });
  const devicePixelRatio = useDevicePixelRatio();

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
      const pageWidth = (await doc.getPage(1)).getViewport({ scale: 1 }).width;
      if (!cancelled) setLoaded({ status: 'ready', doc, pageWidth });
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
  const fitScale = loaded.status === 'ready' ? fitWidthScale(fitWidth, loaded.pageWidth) : undefined;
  // Until the panel has been measured (or while it is hidden), a fitted page is drawn at 100%.
  const scale = chosenScale ?? fitScale ?? 1;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas) return;
    let cancelled = false;
    let renderTask: RenderTask | undefined;
    (async () => {
      const pdfPage = await doc.getPage(page);
      if (cancelled) return;
      const viewport = pdfPage.getViewport({ scale });
      // Whole CSS pixels (so a fitted page never overflows the panel), each backed by `ratio` device
      // pixels, so the text stays crisp on HiDPI screens.
      const cssWidth = Math.max(1, Math.floor(viewport.width));
      const cssHeight = Math.max(1, Math.floor(viewport.height));
      const ratio = canvasPixelRatio(devicePixelRatio, cssWidth, cssHeight);
      // Drawn off screen and then copied, so a re-draw (zoom, resize) does not blank the page meanwhile.
      const offscreen = document.createElement('canvas');
      offscreen.width = Math.max(1, Math.round(cssWidth * ratio));
      offscreen.height = Math.max(1, Math.round(cssHeight * ratio));
      renderTask = pdfPage.render({
        canvas: offscreen,
        viewport,
        transform: [offscreen.width / viewport.width, 0, 0, offscreen.height / viewport.height, 0, 0],
      });
      await renderTask.promise;
      if (cancelled) return;
      canvas.width = offscreen.width;
      canvas.height = offscreen.height;
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${cssHeight}px`;
      canvas.getContext('2d')?.drawImage(offscreen, 0, 0);
    })().catch((error: unknown) => {
      if (!cancelled && (error as Error)?.name !== 'RenderingCancelledException') setRenderError(error);
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
    };
  }, [doc, page, scale, devicePixelRatio]);

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
  const zoomIn = zoomInStep(scale);
  const zoomOut = zoomOutStep(scale);
  const fitting = chosenScale === undefined;
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
            disabled={zoomOut === undefined}
            onClick={() => setChosenScale(zoomOut)}
          >
            −
          </ActionIcon>
          <Button
            variant="subtle"
            size="compact-sm"
            title={t('files.preview.zoomReset')}
            onClick={() => setChosenScale(1)}
          >
            {t('files.preview.zoom', { percent: Math.round(scale * 100) })}
          </Button>
          <ActionIcon
            variant="default"
            aria-label={t('files.preview.zoomIn')}
            disabled={zoomIn === undefined}
            onClick={() => setChosenScale(zoomIn)}
          >
            +
          </ActionIcon>
          <ActionIcon
            variant={fitting ? 'light' : 'default'}
            aria-label={t('files.preview.fitWidth')}
            title={t('files.preview.fitWidth')}
            aria-pressed={fitting}
            onClick={() => setChosenScale(undefined)}
          >
            ↔
          </ActionIcon>
          {fileId && (
            <Anchor href={fileContentUrl(fileId)} size="sm" ml="xs">
              {t('files.preview.download')}
            </Anchor>
          )}
        </Group>
      </Group>
      <Box
        ref={areaRef}
        h={height}
        // A stable gutter: the vertical scrollbar appearing must not change the width the page is fitted to.
        style={{ overflow: 'auto', scrollbarGutter: 'stable', background: 'var(--mantine-color-gray-1)' }}
        p="sm"
      >
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

/** The screen's device pixel ratio, updated when it changes (browser zoom, window moved to another screen). */
function useDevicePixelRatio(): number {
  const [ratio, setRatio] = useState(() => window.devicePixelRatio || 1);
  useEffect(() => {
    const query = window.matchMedia(`(resolution: ${ratio}dppx)`);
    const onChange = () => setRatio(window.devicePixelRatio || 1);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [ratio]);
  return ratio;
}
