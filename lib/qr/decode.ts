/**
 * PNG (or JPEG/GIF/WebP) data URL -> the text of the QR code in it, with jsQR. Runs in the
 * extension's service worker (fetch, createImageBitmap and OffscreenCanvas, no DOM).
 *
 * `decodeQrDataUrl` validates the data URL (type, base64, size) before anything is decoded;
 * the bitmap step is the injectable `rasterize` (the default uses createImageBitmap +
 * OffscreenCanvas, which Node lacks), so the validation and the plumbing run in unit tests.
 */
import jsQR from 'jsqr';
import { fail, ok, type Result } from '../result';
import type { QrError } from './errors';

export type { QrError, QrErrorCode } from './errors';

/** Longest accepted data URL, in characters (~2 MB). */
export const MAX_DATA_URL_LENGTH = 2 * 1024 * 1024;
/** Largest accepted image: per side and in pixels (jsQR's cost grows with the area). */
export const MAX_IMAGE_SIDE = 4096;
export const MAX_IMAGE_PIXELS = 8 * 1024 * 1024;

const DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/]+={0,2})$/;

export interface Pixels {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** Decodes an image blob into RGBA pixels. */
export type Rasterize = (blob: Blob) => Promise<Result<Pixels, QrError>>;

function tooLarge(width: number, height: number): boolean {
  return width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS;
}

const TOO_LARGE = 'The QR code image is too large to decode.';

/** The default rasterizer: createImageBitmap + OffscreenCanvas (service worker, browsers). */
export const rasterizeBitmap: Rasterize = async (blob) => {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    return fail('qr-bad-image', 'The QR code image could not be decoded.');
  }
  try {
    const { width, height } = bitmap;
    if (!width || !height) return fail('qr-bad-image', 'The QR code image is empty.');
    if (tooLarge(width, height)) return fail('qr-too-large', TOO_LARGE);
    const g = new OffscreenCanvas(width, height).getContext('2d');
    if (!g) return fail('qr-unreadable', 'The QR code image could not be drawn.');
    g.drawImage(bitmap, 0, 0);
    return ok(g.getImageData(0, 0, width, height));
  } finally {
    bitmap.close();
  }
};

/** Checks that `dataUrl` is a base64 data URL of a PNG, JPEG, GIF or WebP image, under the size limit. */
export function checkQrDataUrl(dataUrl: unknown): Result<string, QrError> {
  if (typeof dataUrl !== 'string' || !dataUrl.startsWith('data:')) {
    return fail('qr-bad-image', 'The QR code capture is not an image data URL.');
  }
  if (dataUrl.length > MAX_DATA_URL_LENGTH) return fail('qr-too-large', 'The QR code image is larger than 2 MB.');
  const m = DATA_URL.exec(dataUrl);
  if (!m) return fail('qr-bad-image', 'The QR code capture must be a base64 PNG, JPEG, GIF or WebP image.');
  return ok(dataUrl);
}

export async function decodeQrDataUrl(dataUrl: string, rasterize: Rasterize = rasterizeBitmap): Promise<Result<string, QrError>> {
  const checked = checkQrDataUrl(dataUrl);
  if (!checked.ok) return checked;
  let blob: Blob;
  try {
    blob = await (await fetch(dataUrl)).blob();
  } catch {
    return fail('qr-bad-image', 'The QR code image data is malformed.');
  }
  const pixels = await rasterize(blob);
  return pixels.ok ? decodeQrPixels(pixels.value) : pixels;
}

/**
 * The text of the QR code in RGBA pixels (jsQR, normal and inverted). Transparent pixels are
 * composited over white first: jsQR ignores alpha, so a transparent background would read as black.
 */
export function decodeQrPixels(image: Pixels): Result<string, QrError> {
  const { data, width, height } = image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0) || data.length !== width * height * 4) {
    return fail('qr-bad-image', 'The QR code image has inconsistent dimensions.');
  }
  if (tooLarge(width, height)) return fail('qr-too-large', TOO_LARGE);
  let rgba = data;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] === 255) continue;
    rgba = new Uint8ClampedArray(data);
    for (let j = 0; j < rgba.length; j += 4) {
      const a = rgba[j + 3]! / 255;
      for (let c = 0; c < 3; c++) rgba[j + c] = rgba[j + c]! * a + 255 * (1 - a);
      rgba[j + 3] = 255;
    }
    break;
  }
  const code = jsQR(rgba, width, height, { inversionAttempts: 'attemptBoth' });
  if (!code || !code.data) return fail('qr-not-found', 'No QR code was found in the image.');
  return ok(code.data);
}
