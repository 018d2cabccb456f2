/** Zoom arithmetic for the PDF preview, kept apart from the component so it can be tested without pdf.js. */

/** The zoom levels the − / + buttons step through (1 = 100%). */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** Bounds for a fitted zoom, so a very narrow or very wide panel still gives a usable page. */
export const MIN_FIT_SCALE = 0.2;
export const MAX_FIT_SCALE = 4;

/** Browsers refuse (or silently blank) very large canvases; stay under 16 megapixels (iOS Safari's limit). */
export const MAX_CANVAS_PIXELS = 16_777_216;

const EPSILON = 0.005;
/** A step must differ from the current zoom by at least this factor, so that − / + from a fitted 74% is not 75%. */
const MIN_STEP_FACTOR = 1.1;

/**
 * The zoom that makes a page `pageWidth` wide (in PDF points, i.e. its width at zoom 1) fill `containerWidth`
 * CSS pixels; undefined while either is unknown (e.g. the panel is hidden and measures 0).
 */
export function fitWidthScale(containerWidth: number, pageWidth: number): number | undefined {
  if (!(containerWidth > 0) || !(pageWidth > 0)) return undefined;
  return Math.min(MAX_FIT_SCALE, Math.max(MIN_FIT_SCALE, containerWidth / pageWidth));
}

/** The next step clearly above `scale` (from a fitted 68%: 75%; from 74%: 100%), or undefined at the top. */
export function zoomInStep(scale: number): number | undefined {
  const top = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return ZOOM_STEPS.find((z) => z >= scale * MIN_STEP_FACTOR - EPSILON) ?? (top > scale + EPSILON ? top : undefined);
}

/** The next step clearly below `scale` (from a fitted 68% that is 50%), or undefined at the bottom. */
export function zoomOutStep(scale: number): number | undefined {
  const bottom = ZOOM_STEPS[0];
  return (
    ZOOM_STEPS.findLast((z) => z <= scale / MIN_STEP_FACTOR + EPSILON) ??
    (bottom < scale - EPSILON ? bottom : undefined)
  );
}

/**
 * How many device pixels per CSS pixel to draw with: the screen's ratio (crisp on HiDPI screens),
 * lowered when the canvas would otherwise exceed MAX_CANVAS_PIXELS.
 */
export function canvasPixelRatio(devicePixelRatio: number, cssWidth: number, cssHeight: number): number {
  const ratio = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const pixels = cssWidth * ratio * cssHeight * ratio;
  return pixels > MAX_CANVAS_PIXELS ? Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight)) : ratio;
}
