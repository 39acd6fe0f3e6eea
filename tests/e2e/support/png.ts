import { inflateSync } from 'node:zlib';

/** A decoded image: 8-bit RGBA, row-major, `width * height * 4` bytes. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Channels per pixel by PNG colour type (0 grey, 2 RGB, 4 grey+alpha, 6 RGBA; 3 palette is not supported). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Decodes the PNGs a browser screenshot produces: 8-bit depth, colour type 0, 2, 4 or 6,
 * not interlaced (PNG spec, ISO/IEC 15948: chunks, zlib stream of filtered scanlines,
 * filters None/Sub/Up/Average/Paeth). Throws on anything else, so a test never reads
 * pixels it misunderstood. No dependency beyond node:zlib.
 */
export function decodePng(bytes: Uint8Array): RgbaImage {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const bitDepth = data[8]!;
      const colourType = data[9]!;
      const interlace = data[12]!;
      if (bitDepth !== 8 || CHANNELS[colourType] === undefined || interlace !== 0) {
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
      }
      channels = CHANNELS[colourType]!;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (width === 0 || height === 0 || channels === 0) throw new Error('PNG without a usable IHDR chunk');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`PNG data has ${raw.length} bytes, expected ${height * (stride + 1)}`);

  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels]! : 0;
      const b = up[x]!;
      const c = x >= channels ? up[x - channels]! : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`PNG scanline ${y} has unknown filter ${filter}`);
      }
      out[x] = (line[x]! + predictor) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    const grey = channels <= 2;
    rgba[i * 4] = p[0]!;
    rgba[i * 4 + 1] = grey ? p[0]! : p[1]!;
    rgba[i * 4 + 2] = grey ? p[0]! : p[2]!;
    rgba[i * 4 + 3] = channels === 2 ? p[1]! : channels === 4 ? p[3]! : 255;
  }
  return { width, height, rgba };
}

/** Pixel statistics of an image, for "is this more than a blank or flat canvas" checks. */
export interface PixelStats {
  /** Mean and standard deviation of the luma (BT.601 weights, 0..255). */
  readonly meanLuma: number;
  readonly lumaStdDev: number;
  /** Share of pixels (0..1) farther than `tolerance` (max per channel) from `background`. */
  readonly nonBackgroundFraction: number;
  /** Number of distinct colours, quantised to 5 bits per channel. */
  readonly distinctColours: number;
}

export function pixelStats(image: RgbaImage, background: readonly [number, number, number], tolerance: number): PixelStats {
  const { rgba } = image;
  const count = image.width * image.height;
  let sum = 0;
  let sumSquares = 0;
  let nonBackground = 0;
  const colours = new Set<number>();
  for (let i = 0; i < count; i++) {
    const r = rgba[i * 4]!;
    const g = rgba[i * 4 + 1]!;
    const b = rgba[i * 4 + 2]!;
    const luma = 0.299 * r + 0.587 * g + 0.114 * b;
    sum += luma;
    sumSquares += luma * luma;
    const distance = Math.max(Math.abs(r - background[0]), Math.abs(g - background[1]), Math.abs(b - background[2]));
    if (distance > tolerance) nonBackground++;
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
  }
  const mean = sum / count;
  return {
    meanLuma: mean,
    lumaStdDev: Math.sqrt(Math.max(0, sumSquares / count - mean * mean)),
    nonBackgroundFraction: nonBackground / count,
    distinctColours: colours.size,
  };
}

/** Mean colour of the square of side 2*radius+1 around (x, y), in image pixels (clipped to the image). */
export function meanColour(image: RgbaImage, x: number, y: number, radius: number): [number, number, number] {
  const sums = [0, 0, 0];
  let n = 0;
  for (let yy = Math.max(0, Math.round(y) - radius); yy <= Math.min(image.height - 1, Math.round(y) + radius); yy++) {
    for (let xx = Math.max(0, Math.round(x) - radius); xx <= Math.min(image.width - 1, Math.round(x) + radius); xx++) {
      const i = (yy * image.width + xx) * 4;
      for (let c = 0; c < 3; c++) sums[c]! += image.rgba[i + c]!;
      n++;
    }
  }
  return [sums[0]! / n, sums[1]! / n, sums[2]! / n];
}

/** "#7fd65a" -> [127, 214, 90]. */
export function hexColour(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}
