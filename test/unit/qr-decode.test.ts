import { describe, expect, it } from 'vitest';
import { checkQrDataUrl, decodeQrDataUrl, decodeQrPixels, MAX_DATA_URL_LENGTH, type Rasterize } from '@/lib/qr/decode';
import { ok } from '@/lib/result';
import { CLOUDMC_2015_URI, CLOUDMC_URI, decodePng, gradientPixels, pngDataUrl, qrPixels } from './fixtures/qr-images';

/** Node has no createImageBitmap: the tests decode PNGs with the fixtures' minimal decoder. */
const rasterizePng: Rasterize = async (blob) => ok(decodePng(new Uint8Array(await blob.arrayBuffer())));

describe('decodeQrPixels', () => {
  it.each([2, 3, 4, 7])("decodes CloudMC's exact URI at %i px per module", (scale) => {
    expect(decodeQrPixels(qrPixels(CLOUDMC_URI, { scale }))).toEqual({ ok: true, value: CLOUDMC_URI });
  });

  it('decodes the 2015 URI', () => {
    expect(decodeQrPixels(qrPixels(CLOUDMC_2015_URI))).toEqual({ ok: true, value: CLOUDMC_2015_URI });
  });

  it('decodes an inverted QR (light modules on dark)', () => {
    const inverted = qrPixels(CLOUDMC_URI, { dark: [255, 255, 255, 255], light: [20, 20, 20, 255] });
    expect(decodeQrPixels(inverted)).toEqual({ ok: true, value: CLOUDMC_URI });
  });

  it('decodes a noisy, low-contrast, coloured QR', () => {
    const noisy = qrPixels(CLOUDMC_URI, { scale: 5, dark: [40, 60, 110, 255], light: [235, 230, 215, 255], noise: 30 });
    expect(decodeQrPixels(noisy)).toEqual({ ok: true, value: CLOUDMC_URI });
  });

  it('decodes a QR drawn on a transparent background', () => {
    const transparent = qrPixels(CLOUDMC_URI, { light: [0, 0, 0, 0] });
    expect(decodeQrPixels(transparent)).toEqual({ ok: true, value: CLOUDMC_URI });
  });

  it('reports qr-not-found for images without a QR', () => {
    expect(decodeQrPixels(gradientPixels())).toMatchObject({ ok: false, error: { code: 'qr-not-found' } });
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
    expect(decodeQrPixels(blank)).toMatchObject({ ok: false, error: { code: 'qr-not-found' } });
  });

  it('refuses inconsistent dimensions and oversized images', () => {
    expect(decodeQrPixels({ data: new Uint8ClampedArray(10), width: 2, height: 2 })).toMatchObject({ ok: false, error: { code: 'qr-bad-image' } });
    expect(decodeQrPixels({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toMatchObject({ ok: false, error: { code: 'qr-bad-image' } });
    const huge = { data: new Uint8ClampedArray(5000 * 4), width: 5000, height: 1 };
    expect(decodeQrPixels(huge)).toMatchObject({ ok: false, error: { code: 'qr-too-large' } });
  });
});

describe('checkQrDataUrl / decodeQrDataUrl', () => {
  it('decodes a PNG data URL end to end (rasterizer injected)', async () => {
    const url = pngDataUrl(qrPixels(CLOUDMC_URI, { scale: 3 }));
    expect(await decodeQrDataUrl(url, rasterizePng)).toEqual({ ok: true, value: CLOUDMC_URI });
  });

  it('reports qr-not-found for a PNG without a QR', async () => {
    expect(await decodeQrDataUrl(pngDataUrl(gradientPixels()), rasterizePng)).toMatchObject({ ok: false, error: { code: 'qr-not-found' } });
  });

  it.each([
    ['not a string', 42],
    ['not a data URL', 'https://example.test/qr.png'],
    ['an svg data URL', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['a text data URL', 'data:text/plain;base64,aGVsbG8='],
    ['a data URL that is not base64', 'data:image/png,%89PNG'],
    ['bad base64', 'data:image/png;base64,iVBOR*w0K'],
    ['an empty payload', 'data:image/png;base64,'],
    ['a javascript URL', 'javascript:alert(1)'],
  ])('refuses %s with qr-bad-image and a message', (_, input) => {
    const r = checkQrDataUrl(input);
    expect(r).toMatchObject({ ok: false, error: { code: 'qr-bad-image' } });
    expect(!r.ok && r.error.message.length).toBeGreaterThan(10);
  });

  it('accepts png, jpeg, gif and webp data URLs', () => {
    for (const type of ['png', 'jpeg', 'gif', 'webp']) expect(checkQrDataUrl(`data:image/${type};base64,AAAA`).ok).toBe(true);
  });

  it('refuses data URLs over 2 MB with qr-too-large, before decoding anything', async () => {
    const big = 'data:image/png;base64,' + 'A'.repeat(MAX_DATA_URL_LENGTH);
    let called = false;
    const r = await decodeQrDataUrl(big, async () => ((called = true), ok(gradientPixels())));
    expect(r).toMatchObject({ ok: false, error: { code: 'qr-too-large' } });
    expect(called).toBe(false);
  });

  it('passes the rasterizer error through (an undecodable image)', async () => {
    const r = await decodeQrDataUrl('data:image/png;base64,AAAA', async () => ({
      ok: false,
      error: { code: 'qr-bad-image', message: 'The QR code image could not be decoded.' },
    }));
    expect(r).toMatchObject({ ok: false, error: { code: 'qr-bad-image' } });
  });

  it('without an injected rasterizer, reports an undecodable image as qr-bad-image (no createImageBitmap in Node)', async () => {
    // The default rasterizer catches the missing/failed createImageBitmap.
    const r = await decodeQrDataUrl('data:image/png;base64,AAAA');
    expect(r).toMatchObject({ ok: false, error: { code: 'qr-bad-image' } });
  });
});
