import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_PIXELS, canvasPixelRatio, fitWidthScale, zoomInStep, zoomOutStep } from './pdfZoom';

describe('fitWidthScale', () => {
  it('scales an A4 page (595 pt wide) to the panel width', () => {
    expect(fitWidthScale(476, 595)).toBeCloseTo(0.8);
    expect(fitWidthScale(1190, 595)).toBeCloseTo(2);
  });
  it('is unknown while the panel or the page has no width', () => {
    expect(fitWidthScale(0, 595)).toBeUndefined();
    expect(fitWidthScale(500, 0)).toBeUndefined();
  });
  it('stays within usable bounds', () => {
    expect(fitWidthScale(10, 595)).toBe(0.2);
    expect(fitWidthScale(10_000, 595)).toBe(4);
  });
});

describe('zoom steps', () => {
  it('step from a fitted zoom to the neighbouring standard zooms', () => {
    expect(zoomInStep(0.68)).toBe(0.75);
    expect(zoomOutStep(0.68)).toBe(0.5);
    expect(zoomInStep(1)).toBe(1.25);
    expect(zoomOutStep(1)).toBe(0.75);
  });
  it('skip a step that is hardly different from the fitted zoom', () => {
    expect(zoomInStep(0.74)).toBe(1);
    expect(zoomOutStep(1.3)).toBe(1);
    expect(zoomInStep(2.8)).toBe(3);
    expect(zoomOutStep(0.52)).toBe(0.5);
  });
  it('stop at the ends', () => {
    expect(zoomOutStep(0.5)).toBeUndefined();
    expect(zoomOutStep(0.3)).toBeUndefined();
    expect(zoomInStep(3)).toBeUndefined();
    expect(zoomInStep(3.5)).toBeUndefined();
    expect(zoomOutStep(3.5)).toBe(3);
  });
});

describe('canvasPixelRatio', () => {
  it('draws at the screen ratio, so HiDPI screens get a crisp page', () => {
    expect(canvasPixelRatio(2, 600, 850)).toBe(2);
    expect(canvasPixelRatio(0, 600, 850)).toBe(1);
  });
  it('lowers the ratio for a canvas that would be too large', () => {
    const ratio = canvasPixelRatio(3, 1785, 2526);
    expect(ratio).toBeLessThan(3);
    expect(1785 * ratio * 2526 * ratio).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
  });
});
