/**
 * PNG: reading the header of an uploaded signature or seal image (size, colour type with alpha), and
 * drawing the demo images (a blue handwritten-like stroke, a red round seal) without any image library.
 */
import { deflateSync } from 'node:zlib';

export interface PngInfo {
  readonly width: number;
  readonly height: number;
  /** Colour type 4 or 6 (grey or RGB with alpha), or a tRNS chunk: transparency is possible. */
  readonly transparent: boolean;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG's size and whether it can be transparent; undefined when it is not a PNG. */
export function readPng(bytes: Uint8Array): PngInfo | undefined {
  const buf = Buffer.from(bytes);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    return undefined;
  }
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const colourType = buf[25]!;
  let transparent = colourType === 4 || colourType === 6;
  for (let at = 8; !transparent && at + 8 <= buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'tRNS') transparent = true;
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + length;
  }
  return { width, height, transparent };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG from a pixel function returning [r, g, b, a] (0–255). */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => readonly number[]): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const [r = 0, g = 0, b = 0, a = 0] = pixel(x, y);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const smooth = (d: number, half: number) => Math.max(0, Math.min(1, half + 0.5 - d));

/** A demo handwritten-like signature: a blue looping stroke, transparent background. */
export function demoSignaturePng(seed: number): Buffer {
  const width = 360;
  const height = 140;
  const points: [number, number][] = [];
  for (let t = 0; t <= 1; t += 0.0015) {
    const x = 20 + t * 320;
    const y = 70 + 38 * Math.sin(t * Math.PI * (5 + (seed % 3))) * Math.cos(t * 3 + seed) + 12 * Math.sin(t * 40);
    points.push([x, y]);
  }
  const blue = [20, 50, 170];
  // Stamp the stroke into an alpha map (a soft pen 1.6 px wide) instead of measuring every pixel.
  const alpha = new Float32Array(width * height);
  for (const [px, py] of points) {
    for (let y = Math.floor(py - 3); y <= py + 3; y++) {
      for (let x = Math.floor(px - 3); x <= px + 3; x++) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const a = smooth(Math.hypot(px - x, py - y), 1.6);
        if (a > alpha[y * width + x]!) alpha[y * width + x] = a;
      }
    }
  }
  return encodePng(width, height, (x, y) => [...blue, Math.round(255 * alpha[y * width + x]!)]);
}

/** A demo round seal: red double ring and a star, transparent background (the name is in the text block). */
export function demoSealPng(): Buffer {
  const size = 300;
  const c = size / 2;
  const red = [215, 25, 32];
  const star = (x: number, y: number) => {
    const a = Math.atan2(y - c, x - c);
    const r = Math.hypot(x - c, y - c);
    const k = (a + Math.PI / 2) / ((2 * Math.PI) / 5);
    const f = Math.abs(k - Math.round(k));
    return r < 20 + 35 * (1 - 2 * f) * (1 - 2 * f) + 5;
  };
  return encodePng(size, size, (x, y) => {
    const r = Math.hypot(x + 0.5 - c, y + 0.5 - c);
    const ring = smooth(Math.abs(r - 140), 5) + smooth(Math.abs(r - 118), 2) + smooth(Math.abs(r - 75), 2);
    const alpha = Math.min(1, ring + (star(x, y) ? 1 : 0));
    return [...red, Math.round(255 * alpha)];
  });
}
