// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findChallenge } from '@/lib/content/detect';
import { loadFixture } from './fixtures/load';

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findChallenge', () => {
  it('finds the current UI challenge: one code input, Continue', async () => {
    await loadFixture('challenge-en.html');
    const c = findChallenge(document)!;
    expect(c.input).toBe($('#mfa-code'));
    expect(c.kind).toBe('totp');
    expect(c.submit?.textContent).toBe('Continue');
  });

  it("recognises CloudMC's backup-code input (re-rendered with maxlength 8)", async () => {
    await loadFixture('challenge-en.html');
    const input = $<HTMLInputElement>('#mfa-code');
    input.outerHTML = '<input id="mfa-backup-code" name="backupCode" type="text" inputmode="numeric" autocomplete="off" maxlength="8">';
    const c = findChallenge(document)!;
    expect(c.input).toBe($('#mfa-backup-code'));
    expect(c.kind).toBe('backup');
  });

  it('calls backup the visible input shown after a hidden app-code input (French, no length hint)', async () => {
    await loadFixture('challenge-backup-fr.html');
    const c = findChallenge(document)!;
    expect(c.input).toBe($('input[name=f2]'));
    expect(c.kind).toBe('backup');
    expect(c.submit?.textContent).toBe('Continuer');
    // Switching back: the app-code input visible, the other hidden.
    $('.totp').style.display = '';
    $('.recovery').hidden = true;
    expect(findChallenge(document)).toMatchObject({ input: $('input[name=f1]'), kind: 'totp' });
  });

  it('finds a formless Spanish challenge (pattern \\d{6}, a primary type=button)', async () => {
    await loadFixture('challenge-es-formless.html');
    const c = findChallenge(document)!;
    expect(c.input).toBe($('input[pattern]'));
    expect(c.kind).toBe('totp');
    expect(c.submit?.textContent).toBe('Continuar');
  });

  it('reads the length from a {8} pattern', () => {
    document.body.innerHTML = '<form><input pattern="[0-9]{8}"><button type="submit">Go</button></form>';
    expect(findChallenge(document)?.kind).toBe('backup');
  });

  it('never matches a login form, a search box, a one-field app form or an enrollment step', async () => {
    for (const name of ['login-password.html', 'search-and-forms.html', 'search-only.html', 'current-enroll-en.html', 'legacy-enroll-fr.html', 'angular-enroll-es.html', 'backup-2015-en.html']) {
      await loadFixture(name);
      expect(findChallenge(document), name).toBeNull();
    }
  });

  it('does not match a field without any code hint', () => {
    document.body.innerHTML = '<form><input type="text" name="answer"><button type="submit">Go</button></form>';
    expect(findChallenge(document)).toBeNull();
  });

  it('does not match while an image near the input is still loading (maybe a QR to come)', async () => {
    await loadFixture('challenge-en.html');
    const img = document.createElement('img');
    Object.defineProperty(img, 'complete', { value: false });
    $('form').prepend(img);
    expect(findChallenge(document)).toBeNull();
  });

  it('answers null while the password form is up, then the challenge once it is rendered', async () => {
    await loadFixture('login-password.html');
    expect(findChallenge(document)).toBeNull();
    const form = $('form');
    form.hidden = true; // the password form is hidden, the challenge not there yet
    expect(findChallenge(document)).toBeNull();
    form.insertAdjacentHTML('afterend', '<form class="mfa"><input name="code" autocomplete="one-time-code"><button class="btn btn-primary">Continue</button></form>');
    expect(findChallenge(document)?.input).toBe($('form.mfa input'));
  });
});
