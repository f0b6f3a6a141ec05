/**
 * Turns the enrollment QR on the page (img, canvas or inline svg) into a PNG data URL the
 * background can decode. Runs in the content script, in the page's DOM; no dependencies.
 *
 * The QR is drawn crisp (no smoothing), scaled up by a whole factor until it is at least
 * MIN_SIDE px (>= 3 px per module up to a version-10 QR), on a white background with a white
 * margin (a quiet zone even when the page draws the QR edge to edge or on a transparent
 * background).
 *
 * Reading the pixels of a cross-origin image or of a canvas it tainted is refused by the
 * browser: that gives 'qr-unreadable' (the caller may fetch `img.currentSrc` from the
 * background, or the user types the key).
 */
import { fail, ok, type Result } from '../result';
import type { QrElement } from '../cloudmc/detect';
import type { QrError } from './errors';

const MIN_SIDE = 200;
const MAX_SIDE = 2048;
const LOAD_TIMEOUT_MS = 5000;

type Source = { image: CanvasImageSource; width: number; height: number };

function loaded(img: HTMLImageElement): Promise<void> {
  if (img.complete && img.naturalWidth) return Promise.resolve();
  return Promise.race([
    img.decode(),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), LOAD_TIMEOUT_MS)),
  ]);
}

/** The svg as a standalone image: namespaced, sized, with the page's computed fill/stroke inlined. */
async function svgImage(svg: SVGSVGElement): Promise<Source> {
  const rect = svg.getBoundingClientRect();
  const view = svg.viewBox?.baseVal;
  const width = rect.width || view?.width || 256;
  const height = rect.height || view?.height || width;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  // Page CSS (fill: currentColor, .qr rect { fill: … }) does not travel with the markup.
  if (from.length < 5000) {
    from.forEach((el, i) => {
      const style = getComputedStyle(el);
      const target = to[i] as SVGElement | undefined;
      target?.style.setProperty('fill', style.fill);
      target?.style.setProperty('stroke', style.stroke);
    });
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Rasterise the vector at a size where every module is several px wide.
  const k = Math.max(1, MIN_SIDE / Math.min(width, height));
  clone.setAttribute('width', String(Math.round(width * k)));
  clone.setAttribute('height', String(Math.round(height * k)));
  const image = new Image();
  image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(clone));
  await loaded(image);
  return { image, width: Math.round(width * k), height: Math.round(height * k) };
}

async function sourceOf(el: QrElement): Promise<Source> {
  if (el.localName === 'img') {
    const img = el as HTMLImageElement;
    await loaded(img);
    const rect = img.getBoundingClientRect();
    return { image: img, width: img.naturalWidth || rect.width, height: img.naturalHeight || rect.height };
  }
  if (el.localName === 'canvas') {
    const canvas = el as HTMLCanvasElement;
    return { image: canvas, width: canvas.width, height: canvas.height };
  }
  return svgImage(el as SVGSVGElement);
}

export async function captureQr(el: QrElement): Promise<Result<string, QrError>> {
  let source: Source;
  try {
    source = await sourceOf(el);
  } catch {
    return fail('qr-bad-image', 'The QR code image could not be loaded.');
  }
  const { image, width, height } = source;
  if (!(width > 0 && height > 0)) return fail('qr-bad-image', 'The QR code image is empty.');
  const side = Math.max(width, height);
  // A whole upscale factor keeps modules crisp; a huge image is scaled down to MAX_SIDE.
  const k = side > MAX_SIDE ? MAX_SIDE / side : Math.max(1, Math.ceil(MIN_SIDE / Math.min(width, height)));
  const w = Math.round(width * k);
  const h = Math.round(height * k);
  const pad = Math.ceil(Math.max(w, h) / 10) + 8;
  const canvas = document.createElement('canvas');
  canvas.width = w + 2 * pad;
  canvas.height = h + 2 * pad;
  const g = canvas.getContext('2d');
  if (!g) return fail('qr-unreadable', 'This browser cannot draw the QR code to read it.');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.imageSmoothingEnabled = k < 1;
  try {
    g.drawImage(image, pad, pad, w, h);
    return ok(canvas.toDataURL('image/png'));
  } catch {
    return fail(
      'qr-unreadable',
      'The page does not let the extension read this QR code (the image comes from another site). Enter the key shown beside it instead.',
    );
  }
}
