/**
 * Small RGBA pixel operations the QR decoder tries views of an image with: alpha flattened
 * onto white, crops, box-filter downscaling, nearest-neighbour and bilinear upscaling and a
 * grey image of the darkest channel. All return new buffers; none keeps a reference to its input.
 */

export interface Pixels {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

const CHANNELS = 4;
const OPAQUE = 255;

/** Composites transparent pixels over white (jsQR ignores alpha: a transparent background reads as black). */
export function flattenAlpha(image: Pixels): Pixels {
  const { data } = image;
  let opaque = true;
  for (let i = 3; i < data.length && opaque; i += CHANNELS) opaque = data[i] === OPAQUE;
  if (opaque) return image;
  const out = new Uint8ClampedArray(data);
  for (let j = 0; j < out.length; j += CHANNELS) {
    const a = out[j + 3]! / OPAQUE;
    for (let c = 0; c < 3; c++) out[j + c] = out[j + c]! * a + OPAQUE * (1 - a);
    out[j + 3] = OPAQUE;
  }
  return { data: out, width: image.width, height: image.height };
}

/** The rectangle (clipped to the image) as a new image. */
export function crop(image: Pixels, x: number, y: number, width: number, height: number): Pixels {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const w = Math.min(image.width, Math.ceil(x + width)) - x0;
  const h = Math.min(image.height, Math.ceil(y + height)) - y0;
  const out = new Uint8ClampedArray(Math.max(0, w) * Math.max(0, h) * CHANNELS);
  for (let row = 0; row < h; row++) {
    const from = ((y0 + row) * image.width + x0) * CHANNELS;
    out.set(image.data.subarray(from, from + w * CHANNELS), row * w * CHANNELS);
  }
  return { data: out, width: Math.max(0, w), height: Math.max(0, h) };
}

/** Shrinks by a whole factor, averaging each factor×factor block (anti-aliases high-DPI images). */
export function downscale(image: Pixels, factor: number): Pixels {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Uint8ClampedArray(width * height * CHANNELS);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * image.width + x * factor) * CHANNELS;
        for (let dx = 0; dx < factor; dx++, i += CHANNELS) {
          r += image.data[i]!;
          g += image.data[i + 1]!;
          b += image.data[i + 2]!;
        }
      }
      const o = (y * width + x) * CHANNELS;
      out[o] = r / area;
      out[o + 1] = g / area;
      out[o + 2] = b / area;
      out[o + 3] = OPAQUE;
    }
  }
  return { data: out, width, height };
}

/** Grows by a whole factor, each pixel becoming a factor×factor block (tiny, blurred QRs). */
export function upscale(image: Pixels, factor: number): Pixels {
  const width = image.width * factor;
  const height = image.height * factor;
  const out = new Uint8ClampedArray(width * height * CHANNELS);
  for (let y = 0; y < height; y++) {
    const src = Math.floor(y / factor) * image.width;
    for (let x = 0; x < width; x++) {
      const i = (src + Math.floor(x / factor)) * CHANNELS;
      out.set(image.data.subarray(i, i + CHANNELS), (y * width + x) * CHANNELS);
    }
  }
  return { data: out, width, height };
}

/**
 * Doubles the size with bilinear interpolation. An anti-aliased QR of 2-3 px per module at a
 * fractional scale has grey edge pixels that jsQR's threshold splits unevenly (a module one
 * pixel wide beside one three wide); interpolated, each keeps its width in proportion.
 */
export function smoothUpscale2x(image: Pixels): Pixels {
  const { width: w, height: h, data } = image;
  const width = w * 2;
  const height = h * 2;
  const out = new Uint8ClampedArray(width * height * CHANNELS);
  for (let y = 0; y < height; y++) {
    // The centre of output pixel y in source pixels: (y + 0.5) / 2 - 0.5, clamped to the image.
    const sy = Math.min(h - 1, Math.max(0, (y - 0.5) / 2));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(w - 1, Math.max(0, (x - 0.5) / 2));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = sx - x0;
      const o = (y * width + x) * CHANNELS;
      for (let c = 0; c < 3; c++) {
        const top = data[(y0 * w + x0) * CHANNELS + c]! * (1 - fx) + data[(y0 * w + x1) * CHANNELS + c]! * fx;
        const bottom = data[(y1 * w + x0) * CHANNELS + c]! * (1 - fx) + data[(y1 * w + x1) * CHANNELS + c]! * fx;
        out[o + c] = top * (1 - fy) + bottom * fy;
      }
      out[o + 3] = OPAQUE;
    }
  }
  return { data: out, width, height };
}

/**
 * Grey from the darkest channel of each pixel: a QR drawn in a saturated colour (red on a pale
 * background, or on a background of another hue) keeps its contrast here when jsQR's own
 * luminance blend flattens it.
 */
export function darkestChannel(image: Pixels): Pixels {
  const out = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < out.length; i += CHANNELS) {
    const v = Math.min(image.data[i]!, image.data[i + 1]!, image.data[i + 2]!);
    out[i] = out[i + 1] = out[i + 2] = v;
    out[i + 3] = OPAQUE;
  }
  return { data: out, width: image.width, height: image.height };
}

/** Luminance (0-255) of every pixel. */
export function luminance(image: Pixels): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.width * image.height);
  for (let p = 0, i = 0; p < out.length; p++, i += CHANNELS) {
    out[p] = (image.data[i]! * 54 + image.data[i + 1]! * 183 + image.data[i + 2]! * 19) >> 8;
  }
  return out;
}

/**
 * Grey luminance stretched to the full 0-255 range: a low-contrast or light-on-dark QR in
 * colours that jsQR's own inversion misreads at some scales reads here like ink on paper.
 */
export function stretched(image: Pixels): Pixels {
  const grey = luminance(image);
  let lo = 255;
  let hi = 0;
  for (const v of grey) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = Math.max(1, hi - lo);
  const out = new Uint8ClampedArray(image.data.length);
  for (let p = 0; p < grey.length; p++) {
    const v = ((grey[p]! - lo) * 255) / range;
    out[p * CHANNELS] = out[p * CHANNELS + 1] = out[p * CHANNELS + 2] = v;
    out[p * CHANNELS + 3] = OPAQUE;
  }
  return { data: out, width: image.width, height: image.height };
}
