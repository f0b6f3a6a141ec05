/**
 * Turns an enrollment QR candidate on the page into a PNG data URL the background can decode:
 * an img (or a picture's img), a canvas, an inline svg (uses of shapes defined elsewhere in the
 * page included), an object/embed of an image, or an element whose CSS background-image is one.
 * Runs in the content script, in the page's DOM; no dependencies.
 *
 * The image is drawn at its own resolution (a 2x image keeps its detail), scaled up by a whole
 * factor until it is at least MIN_SIDE px, down to MAX_SIDE px when huge, on a white background
 * with a white margin (a quiet zone even when the page draws the QR edge to edge or on a
 * transparent background).
 *
 * Reading the pixels of a cross-origin image or of a canvas it tainted is refused by the
 * browser: that gives 'qr-unreadable' (the user types the key instead).
 */
import { fail, ok, type Result } from '../result';
import type { QrError } from './errors';

const MIN_SIDE = 200;
const MAX_SIDE = 2048;
const LOAD_TIMEOUT_MS = 5000;
/** Above this many elements, an svg's computed colours are not inlined (too slow to be a QR we can help). */
const MAX_SVG_ELEMENTS = 5000;
const SVG_NS = 'http://www.w3.org/2000/svg';
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/;

type Source = { image: CanvasImageSource; width: number; height: number };

function loaded(img: HTMLImageElement): Promise<void> {
  if (img.complete && img.naturalWidth) return Promise.resolve();
  return Promise.race([
    img.decode(),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), LOAD_TIMEOUT_MS)),
  ]);
}

async function imageAt(url: string): Promise<Source> {
  const image = new Image();
  image.src = url;
  await loaded(image);
  return { image, width: image.naturalWidth, height: image.naturalHeight };
}

/** Copies into the clone's <defs> what its <use>s reference outside the svg (a sprite elsewhere in the page). */
function inlineUses(svg: SVGSVGElement, clone: SVGSVGElement): void {
  const root = svg.getRootNode() as Document | ShadowRoot;
  const defs = document.createElementNS(SVG_NS, 'defs');
  const copied = new Set<string>();
  for (const use of clone.querySelectorAll('use')) {
    const id = (use.getAttribute('href') ?? use.getAttribute('xlink:href') ?? '').replace(/^#/, '');
    if (!id || copied.has(id) || svg.querySelector(`#${CSS.escape(id)}`)) continue;
    const target = root.getElementById?.(id) ?? document.getElementById(id);
    if (!target) continue;
    copied.add(id);
    defs.append(target.cloneNode(true));
  }
  if (copied.size) clone.prepend(defs);
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
  if (from.length < MAX_SVG_ELEMENTS) {
    from.forEach((el, i) => {
      const style = getComputedStyle(el);
      const target = to[i] as SVGElement | undefined;
      target?.style.setProperty('fill', style.fill);
      target?.style.setProperty('stroke', style.stroke);
    });
  }
  inlineUses(svg, clone);
  clone.setAttribute('xmlns', SVG_NS);
  // Rasterise the vector at a size where every module is several px wide.
  const k = Math.max(1, MIN_SIDE / Math.min(width, height));
  clone.setAttribute('width', String(Math.round(width * k)));
  clone.setAttribute('height', String(Math.round(height * k)));
  const source = await imageAt('data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(clone)));
  return { ...source, width: Math.round(width * k), height: Math.round(height * k) };
}

async function sourceOf(el: Element): Promise<Source> {
  if (el.localName === 'picture') {
    const img = el.querySelector('img');
    if (img) return sourceOf(img);
  }
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
  if (el.localName === 'svg') return svgImage(el as SVGSVGElement);
  if (el.localName === 'object') return imageAt((el as HTMLObjectElement).data);
  if (el.localName === 'embed') return imageAt((el as HTMLEmbedElement).src);
  const url = CSS_URL.exec(getComputedStyle(el).backgroundImage)?.[2];
  if (!url) throw new Error('no image');
  return imageAt(new URL(url, document.baseURI).href);
}

/**
 * An element that may draw an enrollment QR: an img (or picture), a canvas, an svg, an
 * object/embed, or an element with a CSS background-image. The detectors find them
 * (lib/content/detect/qr-candidates.ts); this file reads their pixels.
 */
export type QrElement = Element;

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
