/**
 * Image-like elements that may hold the enrollment QR, and how much each looks like one.
 * Decoding decides what the QR is (issue 9): portals draw it in brand colours, under a logo,
 * light on dark, inside a wider picture with a caption, as a CSS background. So looks only
 * order the candidates; they exclude only what cannot hold a scannable QR (hidden, smaller
 * than MIN_SIDE, round like an avatar, an svg nested in another).
 * `looksLikeQr` is the stricter test used where no written key vouches for the step.
 */
import type { QrElement } from '../../qr/capture';
import { all, attr, shown, size } from './dom';

/** Elements that draw an image by themselves. */
const IMAGE_LIKE = 'img,canvas,svg,object,embed';
/** Elements checked for a CSS background-image (computed style: only within a step's box). */
const BACKGROUND_HOLDERS = 'div,span,td';
/** Smallest candidate side in css px: a ~41-module QR below it has under 1 px per module. */
export const MIN_SIDE = 48;
/** Smallest side of a QR that looks the part, in css px. */
const MIN_QR_LOOK = 80;
/** Square within this ratio. */
const SQUARE = 1.25;
/** Straight-line svg "ink" (a rect or use counts 20, a path its length) that a QR's modules reach. */
const SVG_INK = 1000;
/** Sampled pixels per side when judging an image's tones. */
const SAMPLE = 24;
const DARK_LUM = 110;
const LIGHT_LUM = 160;

const isBackground = (el: Element): boolean => /url\(/.test(getComputedStyle(el).backgroundImage);

/** Not round: an avatar's circle would cut a QR's corner finder patterns. */
function square(el: Element, min: number): boolean {
  const radius = getComputedStyle(el).borderTopLeftRadius;
  return parseFloat(radius || '0') < (radius.endsWith('%') ? 25 : min / 4);
}

/** Visible image-like elements under `box` (through open shadow roots) that could hold a QR. */
export function qrCandidates(box: ParentNode): QrElement[] {
  // An svg nested in another is part of it.
  const drawn = all(box, IMAGE_LIKE).filter((el) => !(el as SVGSVGElement).ownerSVGElement);
  const backgrounds = all(box, BACKGROUND_HOLDERS).filter(isBackground);
  return [...drawn, ...backgrounds].filter((el) => {
    const min = Math.min(...size(el));
    return min >= MIN_SIDE && shown(el) && square(el, min);
  });
}

/**
 * An <img> whose pixels look like a QR: dark and light (>= 10 % each, in any hue) and few
 * mid-tones (a photo has many) on a 24×24 sample (~0.1 ms; only asked where no written key
 * vouches for the step). Unknown (not loaded yet, cross-origin, no OffscreenCanvas as in
 * happy-dom) counts as a yes.
 */
function twoTone(img: HTMLImageElement): boolean {
  // A half-loaded PNG samples as mostly blank: decide once it is complete.
  if (!img.complete || !img.naturalWidth) return true;
  try {
    const g = new OffscreenCanvas(SAMPLE, SAMPLE).getContext('2d')!;
    g.imageSmoothingEnabled = false;
    g.drawImage(img, 0, 0, SAMPLE, SAMPLE);
    const d = g.getImageData(0, 0, SAMPLE, SAMPLE).data;
    let dark = 0;
    let light = 0;
    for (let i = 0; i < d.length; i += 4) {
      const lum = 0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!;
      if (d[i + 3]! < 128 || lum > LIGHT_LUM) light++;
      else if (lum < DARK_LUM) dark++;
    }
    const tenth = (SAMPLE * SAMPLE) / 10;
    return dark > tenth && light > tenth && dark + light > SAMPLE * SAMPLE * 0.65;
  } catch {
    return true; // no OffscreenCanvas, or a cross-origin image tainted it: cannot tell
  }
}

/** An svg drawn with enough straight lines: QR modules are rects, uses or h/v paths; icons and logos curve. */
function straightInk(svg: Element): boolean {
  let ink = 0;
  for (const s of all(svg, 'path,rect,use')) {
    const d = attr(s, 'd');
    ink += /[acqst]/i.test(d) ? 0 : d.length || 20;
  }
  return ink >= SVG_INK;
}

/** Square, >= MIN_QR_LOOK px, and (img) two-toned or (svg) drawn with straight lines. */
export function looksLikeQr(el: Element): boolean {
  const [w, h] = size(el);
  const min = Math.min(w, h);
  if (min < MIN_QR_LOOK || Math.max(w, h) > SQUARE * min) return false;
  if (el.localName === 'img') return twoTone(el as HTMLImageElement);
  if (el.localName === 'svg') return straightInk(el);
  return true;
}
