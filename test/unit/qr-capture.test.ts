// @vitest-environment happy-dom
/**
 * captureQr in happy-dom, which has no 2D canvas: the canvas context and toDataURL are stubbed to
 * record what would be drawn. Real pixels are covered by the e2e tests against the sandbox.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureQr } from '@/lib/qr/capture';

interface Drawn {
  canvas: HTMLCanvasElement;
  source: unknown;
  args: number[];
}

let drawn: Drawn[];
let tainted: boolean;

beforeEach(() => {
  drawn = [];
  tainted = false;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the mock's methods need the canvas it was called on
    const canvas = this;
    return {
      fillStyle: '',
      imageSmoothingEnabled: true,
      fillRect() {},
      drawImage(source: unknown, ...args: number[]) {
        drawn.push({ canvas, source, args });
      },
    } as unknown as CanvasRenderingContext2D;
  } as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(() => {
    if (tainted) throw new DOMException('The canvas has been tainted by cross-origin data.', 'SecurityError');
    return 'data:image/png;base64,AAAA';
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('captureQr', () => {
  it('draws a canvas QR scaled up to >= 200 px with a white margin and returns a PNG data URL', async () => {
    const qr = document.createElement('canvas');
    qr.width = qr.height = 100;
    expect(await captureQr(qr)).toEqual({ ok: true, value: 'data:image/png;base64,AAAA' });
    const [d] = drawn;
    expect(d!.source).toBe(qr);
    const [x, y, w, h] = d!.args as [number, number, number, number];
    expect([w, h]).toEqual([200, 200]); // x2: a whole factor keeps modules crisp
    expect(x).toBeGreaterThanOrEqual(8);
    expect(d!.canvas.width).toBe(w + 2 * x);
    expect(y).toBe(x);
  });

  it('reports a tainted canvas as qr-unreadable with a clear message', async () => {
    tainted = true;
    const qr = document.createElement('canvas');
    qr.width = qr.height = 200;
    const r = await captureQr(qr);
    expect(r).toMatchObject({ ok: false, error: { code: 'qr-unreadable' } });
    expect(!r.ok && r.error.message).toMatch(/another site/);
  });

  it('reports an empty canvas as qr-bad-image', async () => {
    const qr = document.createElement('canvas');
    qr.width = 0;
    expect(await captureQr(qr)).toMatchObject({ ok: false, error: { code: 'qr-bad-image' } });
  });

  it('draws a loaded img at its natural size', async () => {
    const img = document.createElement('img');
    Object.defineProperties(img, { complete: { value: true }, naturalWidth: { value: 204 }, naturalHeight: { value: 204 } });
    expect((await captureQr(img)).ok).toBe(true);
    expect(drawn[0]!.source).toBe(img);
    expect(drawn[0]!.args.slice(2)).toEqual([204, 204]);
  });

  it('waits for an img to decode, and reports a broken one as qr-bad-image', async () => {
    const img = document.createElement('img');
    Object.defineProperty(img, 'complete', { value: false });
    img.decode = () => Promise.reject(new DOMException('broken', 'EncodingError'));
    expect(await captureQr(img)).toMatchObject({ ok: false, error: { code: 'qr-bad-image' } });
  });

  it('serialises an inline svg with xmlns, a size and the computed fill, and draws it', async () => {
    document.body.innerHTML =
      '<svg viewBox="0 0 29 29" style="fill: rgb(0, 0, 0)"><rect x="0" y="0" width="7" height="7"/><path d="M0 8h7v1h-7z"/></svg>';
    const svg = document.querySelector('svg')!;
    let src = '';
    vi.spyOn(HTMLImageElement.prototype, 'decode').mockImplementation(function (this: HTMLImageElement) {
      src = this.src;
      Object.defineProperties(this, { complete: { value: true }, naturalWidth: { value: 200 }, naturalHeight: { value: 200 } });
      return Promise.resolve();
    });
    expect((await captureQr(svg)).ok).toBe(true);
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    const xml = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(xml).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(xml).toMatch(/width="200"/);
    expect(xml).toMatch(/height="200"/);
    expect(xml).toContain('fill');
    expect(drawn[0]!.args.slice(2)).toEqual([200, 200]);
  });
});
