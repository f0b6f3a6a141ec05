/**
 * PNG (or JPEG/GIF/WebP) data URL -> the text of the QR code in it, with jsQR. Runs in the
 * extension's service worker (fetch, createImageBitmap and OffscreenCanvas, no DOM).
 *
 * `decodeQrDataUrl` validates the data URL (type, base64, size) and the size the image's header
 * declares before anything is decoded; the bitmap step is the injectable `rasterize` (the
 * default uses createImageBitmap + OffscreenCanvas, which Node lacks), so the validation and
 * the plumbing run in unit tests.
 *
 * What real portals draw (issue 9): a QR in brand colours, light on dark, under a logo (high
 * error correction), a 2x image, one part of a wide picture with a caption, an anti-aliased
 * screenshot. `decodeQrPixels` tries views of the image, cheapest first, and stops at the first
 * that decodes: the whole image (both polarities), a downscaled copy of a large one, its
 * luminance stretched to full contrast, the darkest channel (saturated colours), crops around candidate finder patterns, overlapping
 * tiles, and a 2x upscale of a small one (nearest-neighbour, then interpolated).
 */
import jsQR from 'jsqr';
import { fail, ok, type Result } from '../result';
import type { QrError } from './errors';
import { declaredImageSize } from './image-size';
import { finderBoxes, tiles, type Box } from './finders';
import { crop, darkestChannel, downscale, flattenAlpha, smoothUpscale2x, stretched, upscale, type Pixels } from './pixels';

export type { QrError, QrErrorCode } from './errors';

/** Longest accepted data URL, in characters (~2 MB). */
export const MAX_DATA_URL_LENGTH = 2 * 1024 * 1024;
/** Largest accepted image: per side and in pixels (jsQR's cost grows with the area). */
export const MAX_IMAGE_SIDE = 4096;
export const MAX_IMAGE_PIXELS = 8 * 1024 * 1024;

const DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/]+={0,2})$/;

export type { Pixels } from './pixels';

/** Long side a view is brought down to before decoding: jsQR's cost grows with the area. */
const VIEW_SIDE = 1000;
/** Below this short side, a 2x upscale helps jsQR with 1-2 px modules. */
const SMALL_SIDE = 240;
/** The smallest QR (version 1) is 21 modules a side. */
const MIN_QR_SIDE = 21;

/** Decodes an image blob into RGBA pixels. */
export type Rasterize = (blob: Blob) => Promise<Result<Pixels, QrError>>;

function tooLarge(width: number, height: number): boolean {
  return width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS;
}

const TOO_LARGE = 'The QR code image is too large to decode.';
const tooLargeDeclared = (width: number, height: number) =>
  `The QR code image says it is ${width} × ${height} pixels; images over ${MAX_IMAGE_SIDE} pixels a side or ${MAX_IMAGE_PIXELS / 1024 / 1024} megapixels are not decoded.`;

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
  // The header's word on the size, before createImageBitmap allocates it.
  const size = declaredImageSize(new Uint8Array(await blob.arrayBuffer()));
  if (!size) return fail('qr-bad-image', 'The QR code capture is not a readable PNG, JPEG, GIF or WebP image.');
  if (!size.width || !size.height) return fail('qr-bad-image', 'The QR code image is empty.');
  if (tooLarge(size.width, size.height)) return fail('qr-too-large', tooLargeDeclared(size.width, size.height));
  const pixels = await rasterize(blob);
  return pixels.ok ? decodeQrPixels(pixels.value) : pixels;
}

/** The image brought down by a whole factor so its long side is at most VIEW_SIDE (unchanged if it is). */
function fitted(image: Pixels): Pixels {
  const factor = Math.ceil(Math.max(image.width, image.height) / VIEW_SIDE);
  return factor > 1 ? downscale(image, factor) : image;
}

/** At this aspect ratio or more, the image is mostly not the QR (a QR is square). */
const WIDE = 2;

/** The views to try, lazily, cheapest and likeliest first. */
function* views(image: Pixels): Generator<Pixels> {
  // Finding the finders scans the whole image: once, and only when a view needs them.
  let found: Box[] | undefined;
  const finderCrops = function* (view: (cropped: Pixels) => Pixels) {
    // Crops come from the full-resolution image (a small QR in a big picture keeps its modules).
    for (const box of (found ??= finderBoxes(image))) yield view(crop(image, box.x, box.y, box.width, box.height));
  };
  // A wide picture (a caption or a photo beside the QR): its text gives jsQR many false finder
  // candidates over the whole image (measured: up to ~100 ms a pass), a crop around the real
  // ones decodes in a few ms. So the crops come first there, and last elsewhere.
  const wide = Math.max(image.width, image.height) >= WIDE * Math.min(image.width, image.height);
  if (wide) yield* finderCrops(fitted);
  // A large image is first seen whole at a reduced size (jsQR at full size costs seconds).
  const small = fitted(image);
  yield small;
  // A high-DPI QR: halving averages anti-aliased edges and gives jsQR's blocks whole modules.
  if (small === image && Math.min(image.width, image.height) >= 2 * SMALL_SIDE) yield downscale(image, 2);
  yield stretched(small);
  yield darkestChannel(small);
  if (!wide) yield* finderCrops(fitted);
  for (const box of tiles(image.width, image.height)) yield fitted(crop(image, box.x, box.y, box.width, box.height));
  if (Math.min(image.width, image.height) < SMALL_SIDE) {
    yield upscale(image, 2);
    // 2-3 px modules at a fractional scale (anti-aliased): interpolated, around the finders
    // first (a crop's cost, and clear of a caption's false finders), then the whole image.
    yield* finderCrops(smoothUpscale2x);
    if (!wide) yield smoothUpscale2x(image);
  }
}

const OTPAUTH = /^otpauth:/i;

/**
 * The text of the QR code in RGBA pixels (jsQR, normal and inverted, on the views above).
 * Transparent pixels are composited over white first: jsQR ignores alpha, so a transparent
 * background would read as black.
 */
export function decodeQrPixels(image: Pixels): Result<string, QrError> {
  const { data, width, height } = image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0) || data.length !== width * height * 4) {
    return fail('qr-bad-image', 'The QR code image has inconsistent dimensions.');
  }
  if (tooLarge(width, height)) return fail('qr-too-large', TOO_LARGE);
  // Another QR beside the enrollment one (an app-store link) must not hide it: an otpauth URI
  // wins; any other text is the answer only when no view holds one.
  let other: string | null = null;
  for (const view of views(flattenAlpha(image))) {
    if (view.width < MIN_QR_SIDE || view.height < MIN_QR_SIDE) continue;
    const text = jsQR(view.data, view.width, view.height, { inversionAttempts: 'attemptBoth' })?.data;
    if (text && OTPAUTH.test(text)) return ok(text);
    other ??= text || null;
  }
  return other === null ? fail('qr-not-found', 'No QR code was found in the image.') : ok(other);
}
