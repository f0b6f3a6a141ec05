/**
 * Decodes the QR code a page shows, whatever element renders it (<img>, <canvas>, inline <svg>):
 * the pixels are taken inside the page (drawing the element into a canvas; an <svg> is
 * serialized into an Image first), then decoded in Node with jsQR.
 */
import type { Locator } from '@playwright/test';
import jsQR from 'jsqr';

export interface Pixels {
  width: number;
  height: number;
  data: number[];
}

export async function qrPixels(locator: Locator): Promise<Pixels> {
  return locator.evaluate(async (el: Element) => {
    let source: CanvasImageSource;
    let width: number;
    let height: number;
    if (el instanceof HTMLCanvasElement) {
      source = el;
      ({ width, height } = el);
    } else if (el instanceof HTMLImageElement) {
      await el.decode();
      source = el;
      width = el.naturalWidth;
      height = el.naturalHeight;
    } else if (el instanceof SVGSVGElement) {
      const box = el.getBoundingClientRect();
      width = Math.round(box.width);
      height = Math.round(box.height);
      const img = new Image();
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(el));
      await img.decode();
      source = img;
    } else {
      throw new Error(`not a QR element: <${el.tagName.toLowerCase()}>`);
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    g.drawImage(source, 0, 0, width, height);
    return { width, height, data: Array.from(g.getImageData(0, 0, width, height).data) };
  });
}

/** The text encoded in the QR code shown by `locator`; throws if jsQR finds none. */
export async function decodeQr(locator: Locator): Promise<string> {
  const { width, height, data } = await qrPixels(locator);
  const result = jsQR(Uint8ClampedArray.from(data), width, height);
  if (!result) throw new Error(`jsQR found no QR code in a ${width}x${height} image`);
  return result.data;
}
