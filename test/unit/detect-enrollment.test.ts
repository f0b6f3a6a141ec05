// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findChallenge, findEnrollmentStep } from '@/lib/content/detect';
import { findBackupCodes } from '@/lib/page-ui/backup-codes';
import { loadFixture } from './fixtures/load';

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('findEnrollmentStep', () => {
  it('finds the current UI step: img QR, secret in monospace, one-time-code input, submit Enable', async () => {
    await loadFixture('current-enroll-en.html');
    const step = findEnrollmentStep(document)!;
    expect(step).not.toBeNull();
    expect(step.qr).toBe($('img.qr-code'));
    expect(step.codeInput).toBe($('#tfa-code'));
    expect(step.confirm?.textContent).toBe('Enable');
    expect(step.secretText).toBe('WMN2B6O54ADDPUHJ');
    // The same page is neither a challenge nor a list of backup codes.
    expect(findChallenge(document)).toBeNull();
    expect(findBackupCodes(document)).toBeNull();
  });

  it('finds the 2015 step in French: QR by URL, secret in a box, an input with no hint, a disabled submit first', async () => {
    await loadFixture('legacy-enroll-fr.html');
    const step = findEnrollmentStep(document)!;
    expect(step.qr).toBe($('img[width="150"]'));
    expect(step.codeInput).toBe($('input[ng-model="totp.code"]'));
    expect(step.confirm?.textContent).toBe('Vérifier et sauvegarder');
    expect(step.secretText).toBe('MNMR4Z7KR6U4WC6T');
  });

  it('finds a formless Angular-like step in Spanish: canvas QR, no secret, the primary of two untyped buttons', async () => {
    await loadFixture('angular-enroll-es.html');
    const step = findEnrollmentStep(document)!;
    expect(step.qr).toBe($('canvas'));
    expect(step.codeInput).toBe($('input[name=otpValue]'));
    expect(step.confirm?.textContent).toBe('Habilitar');
    expect(step.secretText).toBeNull();
  });

  it('finds an svg QR among decoys (round avatar, curvy logo, icons, a QR far away in the sidebar)', async () => {
    await loadFixture('svg-enroll-decoys.html');
    const step = findEnrollmentStep(document)!;
    expect(step.qr).toBe($('.qr-wrap svg'));
    expect(step.codeInput).toBe($('#mfa-token'));
    expect(step.confirm?.textContent).toBe('Verify and save');
    expect(step.secretText).toBe('WMN2B6O54ADDPUHJ');
  });

  it('with the key written but the QR not there yet, offers the step with only what could hold a QR (decoding decides)', async () => {
    await loadFixture('svg-enroll-decoys.html');
    $('.qr-wrap').replaceChildren();
    $('.promo').remove();
    // The round avatar and the 20 px icon cannot hold a scannable QR; the curvy logo could (a
    // QR drawn with round dots), so it is a candidate and the decoder will say it is none.
    expect(findEnrollmentStep(document)?.candidates).toEqual([$('svg.brand')]);
  });

  it('takes, of two QRs in the nearest container, the last one before the input', async () => {
    await loadFixture('two-qrs-same-container.html');
    expect(findEnrollmentStep(document)?.qr).toBe($('img.enroll'));
  });

  it('takes the QR nearest the input when QRs sit at different distances', async () => {
    await loadFixture('svg-enroll-decoys.html');
    // The sidebar QR is QR-like too; the one in the step's own container wins.
    expect(findEnrollmentStep(document)?.qr.localName).toBe('svg');
  });

  it('finds nothing on a login page, a search page or a page of backup codes', async () => {
    for (const name of ['login-password.html', 'search-and-forms.html', 'search-only.html', 'challenge-en.html', 'backup-current-fr.html']) {
      await loadFixture(name);
      expect(findEnrollmentStep(document), name).toBeNull();
    }
  });

  it('rejects QRs too small, not square, hidden or round', async () => {
    await loadFixture('two-qrs-same-container.html');
    $('img.app-store').remove();
    const cases: Array<[string, (qr: HTMLImageElement) => void]> = [
      ['64 px', (qr) => (qr.setAttribute('width', '64'), qr.setAttribute('height', '64'))],
      ['not square', (qr) => (qr.setAttribute('width', '200'), qr.setAttribute('height', '80'))],
      ['display:none', (qr) => (qr.style.display = 'none')],
      ['visibility:hidden', (qr) => (qr.style.visibility = 'hidden')],
      ['hidden ancestor', (qr) => (qr.parentElement!.hidden = true)],
      ['round', (qr) => (qr.style.borderRadius = '50%')],
    ];
    const html = document.body.innerHTML;
    expect(findEnrollmentStep(document)).not.toBeNull();
    for (const [what, change] of cases) {
      change($<HTMLImageElement>('img.enroll'));
      expect(findEnrollmentStep(document), what).toBeNull();
      document.body.innerHTML = html;
    }
  });

  it('does not pair a QR with a code input behind a password field (a password prompt is not the step)', async () => {
    document.body.innerHTML = `<form>
      <img src="data:image/png;base64,AAAA" width="200" height="200">
      <input type="password" name="password"><input name="code" maxlength="6"><button type="submit">OK</button></form>`;
    expect(findEnrollmentStep(document)).toBeNull();
  });

  it('takes a QR outside the input\'s form only with the secret written beside it', () => {
    const page = (secret: string) => `<div class="step">
      <img src="data:image/png;base64,AAAA" width="180" height="180"><p>${secret}</p>
      <form><input name="code" maxlength="6"><button class="btn-primary">Enable</button></form></div>`;
    document.body.innerHTML = page('WMN2 B6O5 4ADD PUHJ');
    expect(findEnrollmentStep(document)).toMatchObject({ secretText: 'WMN2B6O54ADDPUHJ', confirm: $('button') });
    // A login challenge form under a square (black-and-white) logo is not a step.
    document.body.innerHTML = page('Welcome back');
    expect(findEnrollmentStep(document)).toBeNull();
  });

  it('does not take a hint-less field when its container has several', () => {
    document.body.innerHTML = `<div><img src="data:image/png;base64,AAAA" width="200" height="200">
      <input name="first"><input name="last"></div>`;
    expect(findEnrollmentStep(document)).toBeNull();
  });

  it('answers null until late client-side rendering completes, then the step; and follows a re-render', async () => {
    await loadFixture('current-enroll-en.html');
    const twoFactor = $('#two-factor');
    const form = $('form.tfa-setup');
    const qr = $('.tfa-qr');
    twoFactor.replaceChildren();
    expect(findEnrollmentStep(document)).toBeNull();
    qr.remove();
    twoFactor.append(form); // the form first, the QR still loading
    expect(findEnrollmentStep(document)).toBeNull();
    form.prepend(qr);
    const first = findEnrollmentStep(document)!;
    expect(first.codeInput).toBe($('#tfa-code'));
    // The framework re-renders the whole step: the new elements are returned.
    // eslint-disable-next-line no-self-assign -- a re-render: new elements from the same markup
    twoFactor.innerHTML = twoFactor.innerHTML;
    const second = findEnrollmentStep(document)!;
    expect(second.codeInput).toBe($('#tfa-code'));
    expect(second.codeInput).not.toBe(first.codeInput);
    expect(second.qr.isConnected).toBe(true);
  });

  it('finds the step inside a given root only', async () => {
    await loadFixture('current-enroll-en.html');
    expect(findEnrollmentStep($('.security-card'))?.codeInput).toBe($('#tfa-code'));
    expect(findEnrollmentStep($('.sidebar'))).toBeNull();
  });

  describe('with pixels (a browser: OffscreenCanvas stubbed)', () => {
    /** Every image reads as this colour pattern when sampled. */
    function stubPixels(pixel: (i: number) => [number, number, number, number]) {
      class FakeOffscreenCanvas {
        constructor(
          public width: number,
          public height: number,
        ) {}
        getContext() {
          return {
            imageSmoothingEnabled: true,
            drawImage() {},
            getImageData: (_x: number, _y: number, w: number, h: number) => {
              const data = new Uint8ClampedArray(w * h * 4);
              for (let i = 0; i < w * h; i++) data.set(pixel(i), i * 4);
              return { data, width: w, height: h };
            },
          };
        }
      }
      vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
    }
    const loadedImages = () =>
      document.querySelectorAll('img').forEach((img) => Object.defineProperty(img, 'naturalWidth', { value: 200 }));

    it('rejects a square, not round, colourful image (a photo avatar, a logo)', async () => {
      stubPixels((i) => (i % 3 ? [200, 40, 40, 255] : [30, 90, 200, 255]));
      await loadFixture('two-qrs-same-container.html');
      loadedImages();
      expect(findEnrollmentStep(document)).toBeNull();
    });

    it('accepts a black-and-white image with both dark and light pixels', async () => {
      stubPixels((i) => ((i * 7) % 5 < 2 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
      await loadFixture('two-qrs-same-container.html');
      loadedImages();
      expect(findEnrollmentStep(document)?.qr).toBe($('img.enroll'));
    });

    it('rejects a blank (all white) image', async () => {
      stubPixels(() => [255, 255, 255, 255]);
      await loadFixture('two-qrs-same-container.html');
      loadedImages();
      expect(findEnrollmentStep(document)).toBeNull();
    });
  });
});
